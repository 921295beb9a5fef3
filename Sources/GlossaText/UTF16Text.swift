/// Strings from UTF-16 code units, fast.
///
/// `String(decoding:as: UTF16.self)` on an array slice takes the standard library's generic,
/// repairing path; transcoding to UTF-8 here first and then validating UTF-8 is several times
/// faster, which matters when every sentence and annotation of a large corpus becomes a string.
public enum UTF16Text {
    /// The string of `units[from..<to]`; unpaired surrogates become U+FFFD.
    public static func string(_ units: [UInt16], _ from: Int, _ to: Int) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity((to - from) * 3)
        var i = from
        while i < to {
            let u = units[i]
            if u < 0x80 {
                bytes.append(UInt8(u))
            } else if u < 0x800 {
                bytes.append(UInt8(0xC0 | (u >> 6)))
                bytes.append(UInt8(0x80 | (u & 0x3F)))
            } else if u & 0xFC00 == 0xD800, i + 1 < to, units[i + 1] & 0xFC00 == 0xDC00 {
                let scalar = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
                bytes.append(UInt8(0xF0 | (scalar >> 18)))
                bytes.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (scalar & 0x3F)))
                i += 1
            } else if u & 0xF800 == 0xD800 {
                bytes.append(0xEF); bytes.append(0xBF); bytes.append(0xBD)  // U+FFFD
            } else {
                bytes.append(UInt8(0xE0 | (u >> 12)))
                bytes.append(UInt8(0x80 | ((u >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (u & 0x3F)))
            }
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
