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
        // German words are Latin-1 (every code point below U+0100): they are stemmed as bytes, in
        // a buffer on the stack, read straight from the UTF-8. Each scalar takes at least as
        // many UTF-8 bytes as it gives code points (`ß`, two bytes, becomes `ss`), so a word of
        // up to 32 bytes fits.
        let bytes = word.utf8.span
        guard bytes.count <= 32 else { return Self.stemInArray(word.unicodeScalars) }
        var buffer = InlineArray<32, UInt8>(repeating: 0)
        var w = buffer.mutableSpan
        var n = 0, i = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 {
                w[n] = lead
                n += 1
                i += 1
                continue
            }
            // U+0080 to U+00FF are two bytes, C2 or C3 and a continuation byte.
            guard lead & 0xFE == 0xC2 && i + 1 < bytes.count else { return Self.stemWide(word.unicodeScalars) }
            let value = (lead & 0x03) << 6 | (bytes[i + 1] & 0x3F)
            if value == 0xDF {  // ß
                w[n] = 0x73
                w[n + 1] = 0x73
                n += 2
            } else {
                w[n] = value
                n += 1
            }
            i += 2
        }
        let length = Self.stemCore(&w, count: n)
        return Self.encode(w, count: length)
    }

    /// Returns the stem of the word made of `scalars` (lower-case, case-folded).
    ///
    /// This is the tokenizer's path: the scalars are copied once into an array of code points
    /// (`ß` written as `ss`), the algorithm runs on that array in place without any `String`
    /// indexing, and the result is built from the remaining code points. The function is
    /// inlinable so that callers get a loop specialised for their collection type.
    @inlinable
    public func stem(scalars: some Collection<Unicode.Scalar>) -> String {
        if let view = scalars as? String.UnicodeScalarView {
            return stem(String(view))
        }
        return GermanStemmer.stemInArray(scalars)
    }

    // MARK: - Internals

    /// The path for words with code points above U+00FF: the same algorithm on `[UInt32]`.
    @inlinable
    static func stemWide(_ scalars: some Collection<Unicode.Scalar>) -> String {
        var w: [UInt32] = []
        w.reserveCapacity(2 * scalars.count)
        for scalar in scalars {
            append(scalar.value, to: &w)
        }
        return stemAndEncode(&w)
    }

    /// Appends `value` to `w`, writing `ß` as `ss`. `value` must fit in `C`.
    @inlinable @inline(__always)
    static func append<C: FixedWidthInteger>(_ value: UInt32, to w: inout [C]) {
        if value == 0xDF {  // ß
            w.append(0x73)  // s
            w.append(0x73)
        } else {
            w.append(C(truncatingIfNeeded: value))
        }
    }

    /// The algorithm on an array of the word's code points (`ß` written as `ss`, so at most two
    /// per scalar): `stem(scalars:)`, and `stem` for a word longer than its buffer on the stack.
    @inlinable
    static func stemInArray(_ scalars: some Collection<Unicode.Scalar>) -> String {
        var w: [UInt8] = []
        w.reserveCapacity(2 * scalars.count)
        for scalar in scalars {
            guard scalar.value < 0x100 else { return stemWide(scalars) }
            append(scalar.value, to: &w)
        }
        return stemAndEncode(&w)
    }

    /// Runs the algorithm on the code points in `w` (already free of `ß`) and encodes the stem.
    @usableFromInline
    static func stemAndEncode<C: FixedWidthInteger & UnsignedInteger>(_ w: inout [C]) -> String {
        var span = w.mutableSpan
        let length = stemCore(&span, count: span.count)
        return encode(span, count: length)
    }

    /// The string of the Latin-1 code points `w[0..<count]`: nearly always ASCII after the
    /// postlude, whose bytes are the string's UTF-8 as they are.
    static func encode(_ w: borrowing MutableSpan<UInt8>, count: Int) -> String {
        for i in 0..<count where w[i] >= 0x80 {
            return encode(w, count: count, utf8Bytes: 2 * count)  // é, à, …: two UTF-8 bytes each
        }
        return String(copying: UTF8Span(unchecked: w.span.extracting(0..<count), isKnownASCII: true))
    }

    /// The UTF-8 encoding of the code points `w[0..<count]`, in one pass, as a `String`.
    /// Values that are not Unicode scalars (surrogates, > U+10FFFF) become U+FFFD.
    static func encode<C: FixedWidthInteger & UnsignedInteger>(_ w: borrowing MutableSpan<C>, count: Int, utf8Bytes: Int? = nil) -> String {
        if count == 0 { return "" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8Bytes ?? 4 * count)
        for i in 0..<count {
            let value = UInt32(truncatingIfNeeded: w[i])
            if value < 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value))
                continue
            }
            let v = Unicode.Scalar(value) != nil ? value : 0xFFFD
            if v < 0x800 {
                bytes.append(UInt8(truncatingIfNeeded: 0xC0 | (v >> 6)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
            } else if v < 0x10000 {
                bytes.append(UInt8(truncatingIfNeeded: 0xE0 | (v >> 12)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
            } else {
                bytes.append(UInt8(truncatingIfNeeded: 0xF0 | (v >> 18)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension GermanStemmer {
    /// The letters that the stem of `word` (a key: lower-case, case-folded) begins with: up to
    /// four code points, packed 16 bits each in `code` (`count` of them; -1 when the word has a
    /// letter from U+0800 on among its first ones: then nothing is ruled out).
    ///
    /// The algorithm only removes endings after its prelude (`ß` → `ss`, `u`/`y` between vowels
    /// marked, `ae`/`oe`/`ue` folded) and ends with its postlude (marks undone, umlauts without
    /// dots), and never inside the first three letters: so the stem of a word whose prelude
    /// leaves four letters or more is either exactly the first three of these letters or begins
    /// with the first four. A caller can then rule out words whose stem is in no list without
    /// stemming them.
    public static func stemStart(of word: String) -> (code: UInt64, count: Int) {
        // Four letters after the prelude use at most eight code points (a fold reads two), and
        // the marking of the eighth looks at a ninth: up to ten, inline (no allocation).
        var w = SIMD16<UInt32>()
        var n = 0
        let bytes = word.utf8.span
        var i = 0
        while i < bytes.count && n < 9 {
            let lead = bytes[i]
            let value: UInt32
            if lead < 0x80 {
                value = UInt32(lead)
                i += 1
            } else if lead >= 0xC2 && lead < 0xE0 && i + 1 < bytes.count {
                value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                i += 2
            } else {
                return (0, -1)  // A letter from U+0800 on: not worked out.
            }
            if value == 0xDF {  // ß
                w[n] = CP.s
                w[n + 1] = CP.s
                n += 2
            } else {
                w[n] = value
                n += 1
            }
        }
        // The prelude as `prelude` does it: u and y between vowels marked (left to right, so a
        // marked left neighbour is no vowel), then ae, oe, ue folded (not the ue of qu); and
        // the postlude on the first four letters that come out.
        if n >= 3 {
            for i in 1..<(n - 1) where (w[i] == CP.u || w[i] == CP.y) && isVowel(w[i - 1]) && isVowel(w[i + 1]) {
                w[i] = w[i] == CP.u ? CP.markedU : CP.markedY
            }
        }
        var code: UInt64 = 0, count = 0, read = 0
        func emit(_ letter: UInt32) {
            let value: UInt32
            switch letter {
            case CP.markedU, CP.uUmlaut: value = CP.u
            case CP.markedY: value = CP.y
            case CP.aUmlaut: value = CP.a
            case CP.oUmlaut: value = CP.o
            default: value = letter
            }
            code = code << 16 | UInt64(value)
            count += 1
        }
        while read < n && count < 4 {
            let letter = w[read]
            // A folded ae, oe, ue is an umlaut, which the postlude makes a, o, u again.
            let folds = read + 1 < n && w[read + 1] == CP.e && (letter == CP.a || letter == CP.o || letter == CP.u)
            let quSkipped = !folds && read + 1 < n && letter == CP.q && w[read + 1] == CP.u
            emit(letter)
            if quSkipped && count < 4 { emit(w[read + 1]) }
            read += folds || quSkipped ? 2 : 1
        }
        return (code, count)
    }
}
