/// The language of the text to transliterate.
public enum SourceLanguage: String, CaseIterable, Sendable {
    case ru, uk, be
    /// German-spelled (Latin) names: converted through ranked Cyrillic candidates.
    case de
    /// Decide from the letters: per word where they tell the language, else per line (see
    /// `Transliteration.wordLanguage` and `Transliteration.detect`).
    case auto
}

/// The spelling to produce.
public enum TargetForm: String, CaseIterable, Sendable {
    /// German press (Duden transcription; StAGN for Ukrainian).
    case de
    /// English press (English Wikipedia's modified BGN/PCGN; KMU 2010 for Ukrainian; BGN/PCGN for Belarusian).
    case en
    /// English Wikipedia's romanization exactly as iuliia's `wikipedia` scheme (Russian only;
    /// Ukrainian and Belarusian use their `en` scheme).
    case enWiki = "en-wiki"
    /// Strict BGN/PCGN.
    case enBGN = "en-bgn"
    /// ISO 9:1995.
    case iso9
}

/// A transcription scheme: one rule file, and the public test pairs it reproduces.
public struct Scheme: Sendable, Hashable {
    public let language: SourceLanguage
    public let target: TargetForm
    /// The rule file under `Rules/` (without `.txt`).
    public let ruleFile: String
    /// What the scheme is, in a few words.
    public let summary: String
    /// The sample sets (scheme names in `/work/shared/data/translit-samples`) it reproduces exactly.
    public let claims: [String]

    /// The scheme for a language pair, or nil for pairs Glossa has no rules for.
    public static func forPair(_ language: SourceLanguage, _ target: TargetForm) -> Scheme? {
        all.first { $0.language == language && $0.target == target }
    }

    public static let all: [Scheme] = [
        Scheme(language: .ru, target: .de, ruleFile: "ru-de", summary: "Duden transcription (German press, German Wikipedia)", claims: []),
        Scheme(language: .ru, target: .en, ruleFile: "ru-en", summary: "English press: modified BGN/PCGN with й → i after vowels, ё → e after sibilants", claims: []),
        Scheme(language: .ru, target: .enWiki, ruleFile: "ru-enwiki", summary: "English Wikipedia's modified BGN/PCGN", claims: ["iuliia:wikipedia"]),
        Scheme(language: .ru, target: .enBGN, ruleFile: "ru-bgn", summary: "strict BGN/PCGN 1947", claims: ["interscript:bgnpcgn-rus-Cyrl-Latn-1947", "iuliia:bgn_pcgn (ʹ ʺ ë for ’ ” ё)"]),
        Scheme(language: .ru, target: .iso9, ruleFile: "ru-iso9", summary: "ISO 9:1995", claims: []),
        Scheme(language: .uk, target: .de, ruleFile: "uk-de", summary: "German Wikipedia / StAGN transcription", claims: []),
        Scheme(language: .uk, target: .en, ruleFile: "uk-en", summary: "Ukrainian national system (KMU 2010)", claims: ["interscript:ua-ukr-Cyrl-Latn-2010", "interscript:bgnpcgn-ukr-Cyrl-Latn-2019"]),
        Scheme(language: .uk, target: .enWiki, ruleFile: "uk-en", summary: "Ukrainian national system (KMU 2010)", claims: ["interscript:ua-ukr-Cyrl-Latn-2010"]),
        Scheme(language: .uk, target: .enBGN, ruleFile: "uk-en", summary: "BGN/PCGN 2019 (identical to KMU 2010)", claims: ["interscript:bgnpcgn-ukr-Cyrl-Latn-2019"]),
        Scheme(language: .uk, target: .iso9, ruleFile: "ru-iso9", summary: "ISO 9:1995", claims: []),
        Scheme(language: .be, target: .de, ruleFile: "be-de", summary: "German Wikipedia transcription", claims: []),
        Scheme(language: .be, target: .en, ruleFile: "be-en", summary: "BGN/PCGN 1979", claims: ["interscript:bgnpcgn-bel-Cyrl-Latn-1979"]),
        Scheme(language: .be, target: .enWiki, ruleFile: "be-en", summary: "BGN/PCGN 1979", claims: ["interscript:bgnpcgn-bel-Cyrl-Latn-1979"]),
        Scheme(language: .be, target: .enBGN, ruleFile: "be-en", summary: "BGN/PCGN 1979", claims: ["interscript:bgnpcgn-bel-Cyrl-Latn-1979"]),
        Scheme(language: .be, target: .iso9, ruleFile: "ru-iso9", summary: "ISO 9:1995", claims: []),
    ]
}
