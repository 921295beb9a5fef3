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

    /// The UTF-16 code units of `text`, converted by ICU (much faster than iterating `String.utf16`
    /// for large texts).
    public static func utf16(_ text: String) -> [UInt16] {
        var text = text
        return text.withUTF8 { bytes -> [UInt16] in
            guard let base = bytes.baseAddress, !bytes.isEmpty, bytes.count < Int(Int32.max) else { return Array(String(decoding: bytes, as: UTF8.self).utf16) }
            // UTF-16 never needs more code units than UTF-8 has bytes.
            var failed = false
            let units = [UInt16](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var status: Int32 = 0
                let written = cicu_utf8_to_utf16(base, Int32(bytes.count), buffer.baseAddress!, Int32(bytes.count), &status)
                failed = status > 0
                count = failed ? 0 : Int(written)
            }
            return failed ? Array(String(decoding: bytes, as: UTF8.self).utf16) : units
        }
    }

    /// The ICU version linked at run time, such as "72.1".
    public static var icuVersion: String {
        var buffer = [CChar](repeating: 0, count: 32)
        cicu_version(&buffer, 32)
        return String(cString: buffer)
    }
}
