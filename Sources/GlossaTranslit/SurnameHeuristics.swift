extension Transliteration {
    /// Surname endings of German transcriptions, longest first.
    public static let surnameEndings = [
        "owitsch", "ewitsch", "jewitsch", "itsch", "owna", "ewna", "skaja", "zkaja", "skij", "zkij", "enko", "tschuk",
        "jewa", "jew", "owa", "ewa", "ow", "ew", "ski", "zki", "schuk", "juk", "uk",
    ]

    /// English words German uses that end like surnames (the whole word, or the last part of a
    /// hyphenated one: "Upgrade-Allow-New").
    static let loanwords: Set<String> = ["show", "flow", "workflow", "cashflow", "know-how", "window", "shadow", "follow", "crew", "screw", "borrow", "arrow", "tomorrow", "throw", "snow", "glow", "grow", "slow", "fellow", "yellow", "pillow", "meadow", "widow", "minnow", "sparrow", "elbow", "rainbow", "broadway", "bungalow", "allow", "new", "renew", "low", "below"]

    /// Letter sequences that the German (Duden) transcription of Russian, Ukrainian and
    /// Belarusian never writes: v and q (в is w, к is k), c outside ch (so ck, cz and a bare c),
    /// ph and th (ф is f, т is t; х is ch), and the Polish digraphs rz and sz (р з is rs, с з
    /// does not occur). A word with one of them is German, Polish, English ... spelling:
    /// Virchow, Tresckow, Buckow, Casekow, Brzezinski, Czechanowski, Matthew. None of the
    /// German spellings of the 530 real names in the transliteration tests has one.
    public static func hasNonTranscriptionSpelling(_ lowercased: String) -> Bool {
        let letters = Array(lowercased.unicodeScalars)
        for (index, letter) in letters.enumerated() {
            let next = index + 1 < letters.count ? letters[index + 1] : nil
            switch letter {
            case "v", "q": return true
            case "c": if next != "h" { return true }
            case "p", "t": if next == "h" { return true }
            case "r", "s": if next == "z" { return true }
            default: break
            }
        }
        return false
    }

    /// Whether a word has a capital letter right after a small one (DeviceAllow, MemoryLow):
    /// an identifier or a brand, not a name.
    static func isCamelCase(_ word: String) -> Bool {
        var previousLower = false
        for scalar in word.unicodeScalars {
            if scalar.properties.isUppercase && previousLower { return true }
            previousLower = scalar.properties.isLowercase
        }
        return false
    }

    /// Whether a capitalized word is shaped like a German-spelled East Slavic surname, whatever
    /// its letters: a surname ending (or "schtsch"), letters a-z and hyphens only, not an
    /// ordinary German word (`looksGerman`) and not an English loanword. Podolski, Brzezinski
    /// and Virchow have the shape; Interview and Show do not.
    public static func hasSurnameShape(_ word: String) -> Bool {
        let lower = word.lowercased()
        guard lower.unicodeScalars.count >= 4, word.first?.isUppercase == true, !looksGerman(word) else { return false }
        guard lower.unicodeScalars.allSatisfy({ ($0.value >= 0x61 && $0.value <= 0x7A) || $0 == "-" }) else { return false }
        if Self.loanwords.contains(lower) || lower.hasSuffix("view") { return false }
        if let lastPart = lower.split(separator: "-").last, Self.loanwords.contains(String(lastPart)) { return false }
        if lower.contains("schtsch") { return true }
        return surnameEndings.contains { lower.hasSuffix($0) && lower.count >= $0.count + 2 }
    }

    /// Whether a capitalized word looks like a German-spelled East Slavic surname: it has the
    /// shape (`hasSurnameShape`), is not camel case, and has no letters the German
    /// transcription does not use (`hasNonTranscriptionSpelling`).
    public static func looksLikeGermanSpelledSurname(_ word: String) -> Bool {
        hasSurnameShape(word) && !hasNonTranscriptionSpelling(word.lowercased()) && !isCamelCase(word)
    }
}
