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

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func raw(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    /// A decimal integer.
    mutating func number(_ value: Int) {
        if value < 0 { bytes.append(0x2D) }
        let magnitude = value.magnitude
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        // Reserve the digits, then fill them from the last.
        var i = bytes.count + digits - 1
        bytes.append(contentsOf: repeatElement(0x30, count: digits))
        var rest = magnitude
        while rest > 0 {
            bytes[i] = UInt8(truncatingIfNeeded: 0x30 &+ rest % 10)
            rest /= 10
            i -= 1
        }
    }

    /// A quoted, escaped JSON string.
    mutating func string(_ text: String) {
        bytes.append(0x22)
        var plain = true
        for byte in text.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            plain = false
            break
        }
        if plain {
            bytes.append(contentsOf: text.utf8)
        } else {
            // UTF-8 multi-byte sequences never contain bytes below 0x80: escape byte by byte.
            for byte in text.utf8 { escaped(byte) }
        }
        bytes.append(0x22)
    }

    /// `units[from..<to]` as a quoted, escaped JSON string (an unpaired surrogate becomes U+FFFD,
    /// as in `UTF16Text`).
    mutating func string(_ units: [UInt16], _ from: Int, _ to: Int) {
        bytes.append(0x22)
        var i = from
        while i < to {
            let u = units[i]
            if u < 0x80 {
                escaped(UInt8(truncatingIfNeeded: u))
            } else if u < 0x800 {
                bytes.append(UInt8(truncatingIfNeeded: 0xC0 | (u >> 6)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | (u & 0x3F)))
            } else if u & 0xFC00 == 0xD800, i + 1 < to, units[i + 1] & 0xFC00 == 0xDC00 {
                let scalar = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
                bytes.append(UInt8(truncatingIfNeeded: 0xF0 | (scalar >> 18)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | ((scalar >> 12) & 0x3F)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | ((scalar >> 6) & 0x3F)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | (scalar & 0x3F)))
                i += 1
            } else if u & 0xF800 == 0xD800 {
                bytes.append(0xEF); bytes.append(0xBF); bytes.append(0xBD)
            } else {
                bytes.append(UInt8(truncatingIfNeeded: 0xE0 | (u >> 12)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | ((u >> 6) & 0x3F)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | (u & 0x3F)))
            }
            i += 1
        }
        bytes.append(0x22)
    }

    @inline(__always)
    private mutating func escaped(_ byte: UInt8) {
        JSONString.appendEscaped(byte, to: &bytes)
    }
}
