internal import CICUShim

/// Unicode normalization forms (UAX #15) through ICU's `unorm2`.
public enum NormalizationForm: Int32, Sendable, CaseIterable {
    case nfc = 0, nfd = 1, nfkc = 2, nfkd = 3
    /// NFKC with case folding (`NFKC_Casefold`), a loose comparison key.
    case nfkcCasefold = 4
}

/// The answer of a normalization quick check: `maybe` needs a full check.
public enum QuickCheckResult: Int32, Sendable {
    case no = 0, yes = 1, maybe = 2
}

/// Normalization and case folding over ICU.
public enum ICUText {
    /// Normalizes `text` to `form`.
    /// - Throws: `ICUError` only for ill-formed input ICU refuses (unpaired surrogates are not an error).
    public static func normalize(_ text: String, _ form: NormalizationForm = .nfc) throws(ICUError) -> String {
        String(utf16Units: try normalize(units: Array(text.utf16), form))
    }

    /// Normalizes UTF-16 code units.
    public static func normalize(units: [UInt16], _ form: NormalizationForm = .nfc) throws(ICUError) -> [UInt16] {
        try units.withICUBuffer { src, length throws(ICUError) in
            try icuUTF16Output(capacity: Int(length) + 8, context: "normalizing to \(form)") { dest, capacity, status in
                cicu_normalize(form.rawValue, src, length, dest, capacity, status)
            }
        }
    }

    /// ICU's quick check: `yes` is certain, `maybe` needs `isNormalized`.
    public static func quickCheck(_ text: String, _ form: NormalizationForm = .nfc) throws(ICUError) -> QuickCheckResult {
        try text.withUTF16Units { src, length throws(ICUError) in
            var status: Int32 = 0
            let result = cicu_normalize_quick_check(form.rawValue, src, length, &status)
            try ICUError.check(status, "quick-checking \(form)")
            return QuickCheckResult(rawValue: result) ?? .maybe
        }
    }

    /// Whether `text` is already in `form`.
    public static func isNormalized(_ text: String, _ form: NormalizationForm = .nfc) throws(ICUError) -> Bool {
        try text.withUTF16Units { src, length throws(ICUError) in
            var status: Int32 = 0
            let result = cicu_is_normalized(form.rawValue, src, length, &status)
            try ICUError.check(status, "checking \(form)")
            return result != 0
        }
    }

    /// Full default case folding (Unicode `CaseFolding.txt`, status C+F): "Straße" → "strasse".
    public static func foldCase(_ text: String) throws(ICUError) -> String {
        String(utf16Units: try foldCase(units: Array(text.utf16)))
    }

    /// Full case folding of UTF-16 code units.
    public static func foldCase(units: [UInt16]) throws(ICUError) -> [UInt16] {
        try units.withICUBuffer { src, length throws(ICUError) in
            try icuUTF16Output(capacity: Int(length) + 8, context: "case folding") { dest, capacity, status in
                cicu_fold_case(src, length, dest, capacity, status)
            }
        }
    }

    /// Locale-sensitive upper-casing ("ß" → "SS" in German).
    public static func uppercased(_ text: String, locale: String = "de") throws(ICUError) -> String {
        try text.withUTF16Units { src, length throws(ICUError) in
            String(utf16Units: try icuUTF16Output(capacity: Int(length) + 8, context: "upper-casing") { dest, capacity, status in
                cicu_to_upper(locale, src, length, dest, capacity, status)
            })
        }
    }

    /// Locale-sensitive lower-casing.
    public static func lowercased(_ text: String, locale: String = "de") throws(ICUError) -> String {
        try text.withUTF16Units { src, length throws(ICUError) in
            String(utf16Units: try icuUTF16Output(capacity: Int(length) + 8, context: "lower-casing") { dest, capacity, status in
                cicu_to_lower(locale, src, length, dest, capacity, status)
            })
        }
    }

    /// The UTF-16 code units of `text` (much faster than iterating `String.utf16` for large
    /// texts): transcoded from the string's UTF-8 here, eight ASCII bytes at a time. A Swift
    /// string's UTF-8 is always valid, so nothing needs repairing.
    public static func utf16(_ text: String) -> [UInt16] {
        var text = text
        return text.withUTF8 { bytes -> [UInt16] in
            guard !bytes.isEmpty else { return [] }
            // UTF-16 never needs more code units than UTF-8 has bytes.
            return [UInt16](unsafeUninitializedCapacity: bytes.count) { out, count in
                count = transcode(bytes, into: out)
            }
        }
    }

    /// The UTF-16 code units of `text`, as `utf16(_:)` gives them, written into the memory of
    /// `storage` (which is left empty) when its capacity fits the text: for a large text that
    /// memory is already mapped, while a new array costs a page fault per 4 KiB written. (When
    /// `storage` shares its memory with another array, a new one is made all the same.)
    public static func utf16(_ text: String, reusing storage: inout [UInt16]) -> [UInt16] {
        var units: [UInt16] = []
        swap(&units, &storage)
        let n = text.utf8.count
        guard n > 0, units.capacity >= n, units.capacity <= 2 * n else { return utf16(text) }
        units.removeAll(keepingCapacity: true)
        // Transcoded in pieces into a small buffer that stays in the cache and appended from
        // there: an array's memory can only be written in place up to its count.
        var piece = [UInt16](repeating: 0, count: min(n, 1 << 14))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start < n {
                var end = min(start + piece.count, n)
                // A piece ends before a lead byte (or at the end): no sequence is cut.
                while end < n && bytes[end] & 0xC0 == 0x80 { end -= 1 }
                let count = piece.withUnsafeMutableBufferPointer { transcode(UnsafeBufferPointer(rebasing: bytes[start..<end]), into: $0) }
                units.append(contentsOf: piece[0..<count])
                start = end
            }
        }
        return units
    }

    /// Writes the UTF-16 of the UTF-8 `bytes` to `out` (room for `bytes.count` code units, the most
    /// there can be); returns how many code units it wrote.
    private static func transcode(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt16>) -> Int {
        let base = bytes.baseAddress!, n = bytes.count
        var i = 0, o = 0
        while i < n {
            if n - i >= 8 {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                if word & 0x8080_8080_8080_8080 == 0 {
                    let target = UnsafeMutableRawPointer(out.baseAddress! + o)
                    target.storeBytes(of: widened(UInt32(truncatingIfNeeded: word)).littleEndian, as: UInt64.self)
                    target.storeBytes(of: widened(UInt32(truncatingIfNeeded: word >> 32)).littleEndian, toByteOffset: 8, as: UInt64.self)
                    i &+= 8
                    o &+= 8
                    continue
                }
            }
            let b0 = UInt32(base[i])
            if b0 < 0x80 {
                out[o] = UInt16(b0)
                i &+= 1
                o &+= 1
            } else if b0 < 0xE0 {
                out[o] = UInt16((b0 & 0x1F) << 6 | UInt32(base[i + 1]) & 0x3F)
                i &+= 2
                o &+= 1
            } else if b0 < 0xF0 {
                out[o] = UInt16((b0 & 0x0F) << 12 | (UInt32(base[i + 1]) & 0x3F) << 6 | UInt32(base[i + 2]) & 0x3F)
                i &+= 3
                o &+= 1
            } else {
                let scalar = (b0 & 0x07) << 18 | (UInt32(base[i + 1]) & 0x3F) << 12 | (UInt32(base[i + 2]) & 0x3F) << 6 | UInt32(base[i + 3]) & 0x3F
                let v = scalar - 0x10000
                out[o] = UInt16(0xD800 + (v >> 10))
                out[o + 1] = UInt16(0xDC00 + (v & 0x3FF))
                i &+= 4
                o &+= 2
            }
        }
        return o
    }

    /// Four bytes spread to four 16-bit lanes (byte k to bits 16k...16k+7).
    @inline(__always)
    private static func widened(_ bytes: UInt32) -> UInt64 {
        var v = UInt64(bytes)
        v = (v | v << 16) & 0x0000_FFFF_0000_FFFF
        v = (v | v << 8) & 0x00FF_00FF_00FF_00FF
        return v
    }

    /// The ICU version linked at run time, such as "72.1".
    public static var icuVersion: String {
        var buffer = [CChar](repeating: 0, count: 32)
        cicu_version(&buffer, 32)
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
