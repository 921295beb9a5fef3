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

    /// The bytes as a string (they are valid UTF-8 by construction).
    var string: String { String(decoding: bytes, as: UTF8.self) }

    // Bytes are added through `append(addingCapacity:initializingWith:)`: one capacity check per
    // piece instead of one (and a uniqueness check) per byte.

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
        if value < 0 { bytes.append(0x2D) }
        magnitude(value.magnitude)
    }

    private mutating func magnitude(_ value: UInt) {
        if value >= 100_000_000 {
            // More than eight digits: the higher ones, then the low eight with leading zeros.
            magnitude(value / 100_000_000)
            digits(value % 100_000_000, minimumCount: 8)
        } else {
            digits(value, minimumCount: 1)
        }
    }

    /// The decimal digits of `value` (below 10^8), at least `minimumCount` of them: collected
    /// in one register, most significant digit in the lowest byte, then written out.
    @inline(__always)
    private mutating func digits(_ value: UInt, minimumCount: Int) {
        var packed: UInt64 = 0
        var rest = value
        var count = 0
        repeat {
            packed = packed << 8 | UInt64(0x30 &+ rest % 10)
            rest /= 10
            count += 1
        } while rest > 0 || count < minimumCount
        bytes.append(addingCapacity: count) { out in
            for _ in 0..<count {
                out.append(UInt8(truncatingIfNeeded: packed))
                packed >>= 8
            }
        }
    }

    /// A quoted, escaped JSON string.
    mutating func string(_ text: String) {
        let span = text.utf8.span
        var plain = true
        for i in span.indices where span[i] < 0x20 || span[i] == 0x22 || span[i] == 0x5C {
            plain = false
            break
        }
        if plain {
            bytes.append(addingCapacity: span.count + 2) { out in
                out.append(0x22)
                for i in span.indices { out.append(span[i]) }
                out.append(0x22)
            }
        } else {
            bytes.append(0x22)
            // UTF-8 multi-byte sequences never contain bytes below 0x80: escape byte by byte.
            for i in span.indices { escaped(span[i]) }
            bytes.append(0x22)
        }
    }

    /// `units[from..<to]` as a quoted, escaped JSON string (an unpaired surrogate becomes U+FFFD,
    /// as in `UTF16Text`).
    mutating func string(_ units: [UInt16], _ from: Int, _ to: Int) {
        // At most six bytes per code unit (a control character's \u00XX), and the quotes.
        bytes.append(addingCapacity: (to - from) * 6 + 2) { out in
            out.append(0x22)
            UTF16Text.forEachUTF8Byte(units, from, to) { byte in
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
                    out.append(byte)
                } else {
                    JSONString.forEachEscapedByte(byte) { out.append($0) }
                }
            }
            out.append(0x22)
        }
    }

    @inline(__always)
    private mutating func escaped(_ byte: UInt8) {
        JSONString.appendEscaped(byte, to: &bytes)
    }
}
