import GlossaICU

/// Strings from UTF-16 code units, fast.
///
/// `String(decoding:as: UTF16.self)` on an array slice takes the standard library's generic,
/// repairing path; transcoding straight into the new string's UTF-8 storage (in GlossaICU, which
/// holds the project's pointer code) is several times faster, which matters when every sentence
/// and annotation of a large corpus becomes a string.
public enum UTF16Text {
    /// The string of `units[from..<to]`; unpaired surrogates become U+FFFD.
    public static func string(_ units: [UInt16], _ from: Int, _ to: Int) -> String {
        ICUText.string(utf16: units, from, to)
    }
}
