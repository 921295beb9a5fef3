import GlossaPipeline
import GlossaText

/// JSON built as UTF-8 bytes: numbers, strings (escaped as RFC 8259 requires and nothing else,
/// exactly like `JSONString`) and text taken straight from a document's UTF-16 code units.
///
/// Writing bytes instead of growing a `String` piece by piece is what lets the JSON writers keep
/// up with millions of annotations.
struct JSONBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Writes into `buffer`'s memory (emptied first), grown to `capacity` if needed.
    init(reusing buffer: [UInt8], capacity: Int) {
        bytes = buffer
        bytes.removeAll(keepingCapacity: true)
        bytes.reserveCapacity(capacity)
    }

    /// The bytes as a string (they are valid UTF-8 by construction).
    var string: String { String(decoding: bytes, as: UTF8.self) }

    // Bytes are added through `append(addingCapacity:initializingWith:)`: one capacity check per
    // piece instead of one (and a uniqueness check) per byte. The `put` functions write into such
    // an output span; a caller with several pieces (an annotation) adds them all in one call,
    // with room for the longest they can be (`numberBound`, `stringBound`).

    /// The most bytes `putNumber` writes.
    static let numberBound = 20

    /// The most bytes `putString` writes for a text of `count` UTF-8 bytes or UTF-16 code units
    /// (six for a control character's \u00XX, and the quotes).
    static func stringBound(_ count: Int) -> Int { count * 6 + 2 }

    mutating func raw(_ text: String) {
        let span = text.utf8.span
        bytes.append(addingCapacity: span.count) { out in
            for i in span.indices { out.append(span[i]) }
        }
    }

    mutating func raw(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    /// A decimal integer.
    mutating func number(_ value: Int) {
        bytes.append(addingCapacity: Self.numberBound) { Self.putNumber(value, into: &$0) }
    }

    /// A quoted, escaped JSON string.
    mutating func string(_ text: String) {
        bytes.append(addingCapacity: Self.stringBound(text.utf8.count)) { Self.putString(text, into: &$0) }
    }

    /// `units[from..<to]` as a quoted, escaped JSON string (an unpaired surrogate becomes U+FFFD,
    /// as in `UTF16Text`).
    mutating func string(_ units: [UInt16], _ from: Int, _ to: Int) {
        bytes.append(addingCapacity: Self.stringBound(to - from)) { Self.putString(units, from, to, into: &$0) }
    }

    /// Constant bytes (field names), unrolled by the compiler.
    @inline(__always)
    static func put<let count: Int>(_ bytes: InlineArray<count, UInt8>, into out: inout OutputSpan<UInt8>) {
        for i in bytes.indices { out.append(bytes[i]) }
    }

    static func putNumber(_ value: Int, into out: inout OutputSpan<UInt8>) {
        if value < 0 { out.append(0x2D) }
        putMagnitude(value.magnitude, into: &out)
    }

    private static func putMagnitude(_ value: UInt, into out: inout OutputSpan<UInt8>) {
        if value >= 100_000_000 {
            // More than eight digits: the higher ones, then the low eight with leading zeros.
            putMagnitude(value / 100_000_000, into: &out)
            putDigits(eightDigits(value % 100_000_000), count: 8, into: &out)
        } else {
            let digits = eightDigits(value)
            // Leading zeros are the low zero bytes (the most significant digit is the lowest byte).
            let leadingZeros = min(digits.trailingZeroBitCount / 8, 7)
            putDigits(digits >> UInt64(8 * leadingZeros), count: 8 - leadingZeros, into: &out)
        }
    }

    /// The eight decimal digits of `value` (below 10^8) as the numbers 0...9 in the bytes of one
    /// word, the most significant in the lowest byte: halves, quarters and eighths are split in
    /// parallel lanes (x / 100 as x * 10486 >> 20 for x < 10^4, x / 10 as x * 103 >> 10 for x < 100).
    @inline(__always)
    static func eightDigits(_ value: UInt) -> UInt64 {
        let v = UInt64(value)
        var x = v / 10_000 | (v % 10_000) << 32
        var q = ((x &* 10486) >> 20) & 0x0000_007F_0000_007F
        x = q | (x &- q &* 100) << 16
        q = ((x &* 103) >> 10) & 0x000F_000F_000F_000F
        x = q | (x &- q &* 10) << 8
        return x
    }

    /// The low `count` bytes of `digits`, lowest first, as ASCII digits.
    @inline(__always)
    private static func putDigits(_ digits: UInt64, count: Int, into out: inout OutputSpan<UInt8>) {
        var packed = digits | 0x3030_3030_3030_3030
        for _ in 0..<count {
            out.append(UInt8(truncatingIfNeeded: packed))
            packed >>= 8
        }
    }

    static func putString(_ text: String, into out: inout OutputSpan<UInt8>) {
        let span = text.utf8.span
        out.append(0x22)
        // UTF-8 multi-byte sequences never contain bytes below 0x80: escape byte by byte.
        for i in span.indices { putEscaped(span[i], into: &out) }
        out.append(0x22)
    }

    static func putString(_ units: [UInt16], _ from: Int, _ to: Int, into out: inout OutputSpan<UInt8>) {
        out.append(0x22)
        UTF16Text.forEachUTF8Byte(units, from, to) { putEscaped($0, into: &out) }
        out.append(0x22)
    }

    @inline(__always)
    private static func putEscaped(_ byte: UInt8, into out: inout OutputSpan<UInt8>) {
        if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
            out.append(byte)
        } else {
            JSONString.forEachEscapedByte(byte) { out.append($0) }
        }
    }
}
