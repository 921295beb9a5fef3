/// Strings from UTF-16 code units, fast.
///
/// `String(decoding:as: UTF16.self)` on an array slice takes the standard library's generic,
/// repairing path; transcoding to UTF-8 here first is several times faster, which matters when
/// every sentence and annotation of a large corpus becomes a string.
public enum UTF16Text {
    /// The string of `units[from..<to]`; unpaired surrogates become U+FFFD.
    public static func string(_ units: [UInt16], _ from: Int, _ to: Int) -> String {
        if to - from <= 16 {
            // Short text (most tokens and annotations): transcoded on the stack, no array.
            var buffer = InlineArray<48, UInt8>(repeating: 0)
            var count = 0
            forEachUTF8Byte(units, from, to) { byte in
                buffer[count] = byte
                count += 1
            }
            // The bytes are valid UTF-8 by construction; the fallback below is never taken.
            if let text = try? UTF8Span(validating: buffer.span.extracting(0..<count)) { return String(copying: text) }
        }
        let bytes = [UInt8](capacity: (to - from) * 3) { out in
            forEachUTF8Byte(units, from, to) { out.append($0) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Calls `body` with each UTF-8 byte of `units[from..<to]`, in order; an unpaired surrogate
    /// gives the bytes of U+FFFD.
    @inlinable @inline(__always)
    public static func forEachUTF8Byte(_ units: [UInt16], _ from: Int, _ to: Int, _ body: (UInt8) -> Void) {
        var i = from
        while i < to {
            let u = units[i]
            if u < 0x80 {
                body(UInt8(truncatingIfNeeded: u))
            } else if u < 0x800 {
                body(UInt8(truncatingIfNeeded: 0xC0 | (u >> 6)))
                body(UInt8(truncatingIfNeeded: 0x80 | (u & 0x3F)))
            } else if u & 0xFC00 == 0xD800, i + 1 < to, units[i + 1] & 0xFC00 == 0xDC00 {
                let scalar = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
                body(UInt8(truncatingIfNeeded: 0xF0 | (scalar >> 18)))
                body(UInt8(truncatingIfNeeded: 0x80 | ((scalar >> 12) & 0x3F)))
                body(UInt8(truncatingIfNeeded: 0x80 | ((scalar >> 6) & 0x3F)))
                body(UInt8(truncatingIfNeeded: 0x80 | (scalar & 0x3F)))
                i += 1
            } else if u & 0xF800 == 0xD800 {
                body(0xEF); body(0xBF); body(0xBD)  // U+FFFD
            } else {
                body(UInt8(truncatingIfNeeded: 0xE0 | (u >> 12)))
                body(UInt8(truncatingIfNeeded: 0x80 | ((u >> 6) & 0x3F)))
                body(UInt8(truncatingIfNeeded: 0x80 | (u & 0x3F)))
            }
            i += 1
        }
    }
}
