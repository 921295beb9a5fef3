extension Transliteration {
    /// Surname endings of German transcriptions, longest first.
    public static let surnameEndings = [
        "owitsch", "ewitsch", "jewitsch", "itsch", "owna", "ewna", "skaja", "zkaja", "skij", "zkij", "enko", "tschuk",
        "jewa", "jew", "owa", "ewa", "ow", "ew", "ski", "zki", "schuk", "juk", "uk",
    ]

    /// English words German uses that end like surnames.
    static let loanwords: Set<String> = ["show", "flow", "workflow", "cashflow", "know-how", "window", "shadow", "follow", "crew", "screw", "borrow", "arrow", "tomorrow", "throw", "snow", "glow", "grow", "slow", "fellow", "yellow", "pillow", "meadow", "widow", "minnow", "sparrow", "elbow", "rainbow", "broadway", "bungalow"]

    /// Whether a capitalized word looks like a German-spelled East Slavic surname.
    public static func looksLikeGermanSpelledSurname(_ word: String) -> Bool {
        let lower = word.lowercased()
        guard lower.unicodeScalars.count >= 4, word.first?.isUppercase == true, !looksGerman(word) else { return false }
        guard lower.unicodeScalars.allSatisfy({ ($0.value >= 0x61 && $0.value <= 0x7A) || $0 == "-" }) else { return false }
        if Self.loanwords.contains(lower) || lower.hasSuffix("view") { return false }
        if lower.contains("schtsch") { return true }
        return surnameEndings.contains { lower.hasSuffix($0) && lower.count >= $0.count + 2 }
    }
}
