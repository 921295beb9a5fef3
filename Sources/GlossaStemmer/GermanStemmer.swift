// The Snowball German stemmer, written from the published algorithm description
// (snowballstem.org, "German stemming algorithm", current version: with the
// ae/oe/ue umlaut folding, -erin/-erinnen, -ln/-lns, the -et rule and the -system
// guard). Verified against the 35,033-word sample vocabulary in the tests.

/// The Snowball German stemming algorithm (snowballstem.org, "German stemming algorithm").
///
/// The stemmer reduces an inflected German word to a stem that is shared by its inflected
/// and derived forms: `häuser` → `haus`, `kategorischen` → `kategor`, `bedürfnissen` → `bedurfnis`.
/// Stems are index keys, not words: they need not be real German (`aufeinand`).
///
/// **Input** is one word, already lower-cased (case-folded). Upper-case letters are not folded
/// by the stemmer; an upper-case `U` or `Y` in the input would be lowered by the algorithm's final
/// step. Both spellings `ß` and `ss` are accepted and give the same stem (the algorithm rewrites
/// `ß` as `ss` first), so keys that were case-folded with full folding (`ß` → `ss`) stem the same
/// way as the original spelling.
///
/// The algorithm, in brief:
/// 1. *Prelude*: `u` and `y` between two vowels are marked as consonants; `ß` becomes `ss`;
///    `ae`, `oe`, `ue` become `ä`, `ö`, `ü` (not the `ue` of `qu`).
/// 2. *Regions*: R1 starts after the first non-vowel that follows a vowel, but no earlier than
///    the fourth letter; R2 is the same rule applied again inside R1.
/// 3. *Step 1* removes one of `e em en er ern erin erinnen es s ln lns` (in R1, with conditions),
///    *step 2* one of `en er est st et` (in R1), *step 3* a derivational suffix
///    `end ung ig ik isch lich heit keit` (in R2).
/// 4. *Postlude*: the marks are undone and umlauts lose their dots.
///
/// The type is a value without state; one instance may be used from any number of threads.
public struct GermanStemmer: Sendable {
    public init() {}

    /// Returns the stem of `word`, a single lower-case (case-folded) German word.
    ///
    /// The empty string stems to the empty string; words of fewer than three letters are
    /// returned unchanged apart from the prelude/postlude mappings (`ß` → `ss`, umlauts).
    public func stem(_ word: String) -> String {
        // The number of UTF-8 bytes bounds the number of scalars even after `ß` (two bytes)
        // becomes `ss` (two scalars).
        let capacity = Swift.max(word.utf8.count, 1)
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity) { buffer in
            var count = 0
            for scalar in word.unicodeScalars {
                count = GermanStemmer.append(scalar.value, to: buffer, at: count)
            }
            return GermanStemmer.stemAndEncode(buffer, count: count)
        }
    }

    /// Returns the stem of the word made of `scalars` (lower-case, case-folded).
    ///
    /// This is the tokenizer's fast path: the scalars are copied once into a temporary buffer
    /// (on the stack for ordinary word lengths), the algorithm runs on that buffer of code points
    /// without any `String` indexing, and the only allocation is the returned `String` (none at
    /// all for stems of up to 15 UTF-8 bytes, which Swift stores inline). Contiguous collections
    /// (`[Unicode.Scalar]`, `ArraySlice`, buffer pointers) take a non-generic path.
    @inlinable
    public func stem(scalars: some Collection<Unicode.Scalar>) -> String {
        if let stem = scalars.withContiguousStorageIfAvailable({ self.stem(scalars: $0) }) {
            return stem
        }
        if let view = scalars as? String.UnicodeScalarView {
            return stem(String(view))
        }
        let capacity = Swift.max(2 * scalars.count, 1)
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity) { buffer in
            var count = 0
            for scalar in scalars {
                count = GermanStemmer.append(scalar.value, to: buffer, at: count)
            }
            return GermanStemmer.stemAndEncode(buffer, count: count)
        }
    }

    /// Returns the stem of the word made of the scalars in `scalars` (lower-case, case-folded).
    ///
    /// The non-generic path behind the generic `stem(scalars:)` for contiguous storage.
    public func stem(scalars: UnsafeBufferPointer<Unicode.Scalar>) -> String {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Swift.max(2 * scalars.count, 1)) { buffer in
            var count = 0
            for scalar in scalars {
                count = GermanStemmer.append(scalar.value, to: buffer, at: count)
            }
            return GermanStemmer.stemAndEncode(buffer, count: count)
        }
    }

    /// Returns the stem of the word whose Unicode code points are `codePoints` (lower-case).
    ///
    /// Same algorithm as ``stem(_:)``, for callers that keep tokens as UTF-32 code units.
    /// Values that are not valid Unicode scalars are passed through as U+FFFD in the result.
    public func stem(codePoints: UnsafeBufferPointer<UInt32>) -> String {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Swift.max(2 * codePoints.count, 1)) { buffer in
            var count = 0
            for value in codePoints {
                count = GermanStemmer.append(value, to: buffer, at: count)
            }
            return GermanStemmer.stemAndEncode(buffer, count: count)
        }
    }

    /// Stems the code points in `buffer[0..<count]` in place and returns the stem's length.
    ///
    /// The buffer must have room for the word with every `ß` written as `ss`, that is
    /// `count` plus the number of `ß` in it (`2 * count` is always enough). Nothing is allocated.
    public func stem(inPlace buffer: UnsafeMutableBufferPointer<UInt32>, count: Int) -> Int {
        precondition(count >= 0 && count <= buffer.count, "count out of range")
        var sharps = 0
        for i in 0..<count where buffer[i] == GermanStemmer.sharpS { sharps += 1 }
        precondition(count + sharps <= buffer.count, "buffer too small for ß → ss")
        if sharps > 0 {
            // Expand from the back so that nothing is overwritten before it is read.
            var read = count - 1
            var write = count + sharps - 1
            while read >= 0 {
                let value = buffer[read]
                if value == GermanStemmer.sharpS {
                    buffer[write] = GermanStemmer.s
                    buffer[write - 1] = GermanStemmer.s
                    write -= 2
                } else {
                    buffer[write] = value
                    write -= 1
                }
                read -= 1
            }
        }
        return GermanStemmer.stemCore(buffer, count: count + sharps)
    }

    // MARK: - Internals

    static let sharpS: UInt32 = 0xDF
    static let s: UInt32 = 0x73

    /// Appends `value` at `index` (writing `ß` as `ss`) and returns the new count.
    @inlinable @inline(__always)
    static func append(_ value: UInt32, to buffer: UnsafeMutableBufferPointer<UInt32>, at index: Int) -> Int {
        if value == 0xDF {  // ß
            buffer[index] = 0x73  // s
            buffer[index + 1] = 0x73
            return index + 2
        }
        buffer[index] = value
        return index + 1
    }

    /// Runs the algorithm on `buffer[0..<count]` (already free of `ß`) and encodes the stem.
    @usableFromInline
    static func stemAndEncode(_ buffer: UnsafeMutableBufferPointer<UInt32>, count: Int) -> String {
        let length = stemCore(buffer, count: count)
        return encode(UnsafeBufferPointer(rebasing: buffer[0..<length]))
    }

    /// UTF-8 encodes code points into a `String` with one pass over a temporary byte buffer.
    static func encode(_ codePoints: UnsafeBufferPointer<UInt32>) -> String {
        if codePoints.isEmpty { return "" }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * codePoints.count) { bytes in
            var n = 0
            for value in codePoints {
                let v = Unicode.Scalar(value) != nil ? value : 0xFFFD
                if v < 0x80 {
                    bytes[n] = UInt8(v)
                    n += 1
                } else if v < 0x800 {
                    bytes[n] = UInt8(0xC0 | (v >> 6))
                    bytes[n + 1] = UInt8(0x80 | (v & 0x3F))
                    n += 2
                } else if v < 0x10000 {
                    bytes[n] = UInt8(0xE0 | (v >> 12))
                    bytes[n + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    bytes[n + 2] = UInt8(0x80 | (v & 0x3F))
                    n += 3
                } else {
                    bytes[n] = UInt8(0xF0 | (v >> 18))
                    bytes[n + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    bytes[n + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    bytes[n + 3] = UInt8(0x80 | (v & 0x3F))
                    n += 4
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<n]), as: UTF8.self)
        }
    }
}
