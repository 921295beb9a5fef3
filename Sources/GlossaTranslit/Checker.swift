import GlossaICU

/// A word found in a text: a candidate name with its place (line and column 1-based, the
/// column counted in Unicode scalars).
public struct NameOccurrence: Sendable, Hashable {
    public let text: String
    public let file: String
    public let line: Int
    public let column: Int

    public init(text: String, file: String, line: Int, column: Int) {
        self.text = text
        self.file = file
        self.line = line
        self.column = column
    }
}

/// A glossary entry as the checker needs it (independent of the glossary loader).
public struct CheckEntry: Sendable, Hashable {
    public let de: String
    public let en: String
    /// The name in its original script, if the glossary records it.
    public let orig: String?
    /// Other German spellings of the entry.
    public let variants: [String]
    /// `person`, `city`, ...; nil when not given.
    public let type: String?
    public let file: String
    public let line: Int

    public init(de: String, en: String, orig: String? = nil, variants: [String] = [], type: String? = nil, file: String, line: Int) {
        self.de = de
        self.en = en
        self.orig = orig
        self.variants = variants
        self.type = type
        self.file = file
        self.line = line
    }
}

/// A whole text, for the checks that look at every line (NFC).
public struct CheckText: Sendable, Hashable {
    public let file: String
    public let text: String
    public init(file: String, text: String) {
        self.file = file
        self.text = text
    }
}

public struct FindingLocation: Sendable, Hashable, Codable {
    public let file: String
    public let line: Int
    public let column: Int
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// Something a careful editor would flag.
public struct TranslitFinding: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case variantSpellings = "variant-spellings"
        case schemeMismatch = "scheme-mismatch"
        case mixedScript = "mixed-script"
        case notNFC = "not-nfc"
    }
    public let kind: Kind
    public let message: String
    public let spellings: [String]
    public let locations: [FindingLocation]

    public init(kind: Kind, message: String, spellings: [String], locations: [FindingLocation]) {
        self.kind = kind
        self.message = message
        self.spellings = spellings
        self.locations = locations
    }
}

/// Finds inconsistent name spellings: glossary entries that disagree with the schemes, one
/// name spelled several ways, words mixing scripts, text not in NFC.
///
/// Not shareable between threads (it holds a `Transliteration`).
public final class TranslitChecker {
    public let transliteration: Transliteration

    public init(transliteration: Transliteration) {
        self.transliteration = transliteration
    }

    /// Runs every check. Findings come in the order not-nfc, mixed-script, scheme-mismatch,
    /// variant-spellings; within a kind, in the order of the inputs.
    public func check(entries: [CheckEntry], occurrences: [NameOccurrence], texts: [CheckText]) -> [TranslitFinding] {
        var findings: [TranslitFinding] = []
        findings += notNFC(entries: entries, texts: texts)
        findings += mixedScript(entries: entries, occurrences: occurrences)
        findings += entries.compactMap { schemeMismatch($0) }
        findings += variantSpellings(entries: entries, occurrences: occurrences)
        return findings
    }

    // MARK: Scheme agreement

    /// Whether a Cyrillic text is written in the Russian, Ukrainian or Belarusian alphabet
    /// (not Serbian, Bulgarian with ѝ, Macedonian, Kazakh ...).
    static func isEastSlavic(_ text: String) -> Bool {
        let alphabet = Set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў'’ʼ-".unicodeScalars)
        for scalar in text.lowercased().unicodeScalars where Transliteration.isCyrillic(scalar) {
            if !alphabet.contains(scalar) { return false }
        }
        return true
    }

    /// Words of a name (split at spaces; hyphens stay inside a word).
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).compactMap { raw in
            // punctuation around a word is not part of it ("Petersburg," "(Moskau)")
            let trimmed = raw.unicodeScalars.drop { !$0.properties.isAlphabetic }
            let scalars = Array(trimmed)
            guard let last = scalars.lastIndex(where: { $0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark }) else { return nil }
            return String(String.UnicodeScalarView(scalars[...last]))
        }
    }

    /// The accepted German and English spellings of one Cyrillic word: the schemes (German;
    /// English press and Wikipedia), the exceptions, and the same with ё read as е.
    func acceptedForms(of word: String, language: SourceLanguage) -> (de: Set<String>, en: Set<String>, expectedDe: String, expectedEn: String) {
        var de = Set<String>()
        var en = Set<String>()
        var expectedDe = word
        var expectedEn = word
        var spellings = [word]
        if word.contains("ё") || word.contains("Ё") {
            spellings.append(word.replacingOccurrences(of: "ё", with: "е").replacingOccurrences(of: "Ё", with: "Е"))
        }
        for (index, spelling) in spellings.enumerated() {
            for strict in [false, true] {
                if let form = try? transliteration.transliterate(spelling, from: language, to: .de, strict: strict) {
                    de.insert(form)
                    if index == 0 && !strict { expectedDe = form }
                    // German press often writes -ej for -ей (Sergej)
                    if form.hasSuffix("ei"), spelling.hasSuffix("ей") { de.insert(String(form.dropLast()) + "j") }
                }
                for target in [TargetForm.en, .enWiki] {
                    if let form = try? transliteration.transliterate(spelling, from: language, to: target, strict: strict) {
                        en.insert(form)
                        if index == 0 && !strict && target == .en { expectedEn = form }
                    }
                }
            }
        }
        return (de, en, expectedDe, expectedEn)
    }

    /// An entry with `orig`: its German and English must agree with the schemes word by word;
    /// an entry without it that looks like a Russian or Ukrainian name: its English must be a
    /// likely reading of its German.
    public func schemeMismatch(_ entry: CheckEntry) -> TranslitFinding? {
        let location = [FindingLocation(file: entry.file, line: entry.line, column: 1)]
        if let orig = entry.orig, !orig.isEmpty {
            // Organizations, events, terms are translated, not transliterated.
            guard Self.transliteratedTypes.contains(entry.type ?? "") else { return nil }
            guard Self.isEastSlavic(orig), orig.unicodeScalars.contains(where: Transliteration.isCyrillic) else { return nil }
            let language = Transliteration.detect(orig)
            // Without a letter only Ukrainian or Belarusian has, a name may be Ukrainian or
            // Belarusian too, if it has no letter those alphabets lack.
            var languages: [SourceLanguage] = [language]
            if language == .ru {
                let letters = Set(orig.lowercased())
                // Ukrainian has no ы э ъ ё; Belarusian no и щ ъ.
                if letters.isDisjoint(with: "ыэъё") { languages.append(.uk) }
                if letters.isDisjoint(with: "ищъ") { languages.append(.be) }
            }
            // A name recorded whole in the exceptions table is accepted as it is.
            if transliteration.exceptions.entries(orig: orig).contains(where: { $0.de == entry.de && $0.en == entry.en }) { return nil }
            let origWords = Self.words(orig)
            let deWords = Self.words(entry.de)
            let enWords = Self.words(entry.en)
            var expectedDe: [String] = []
            var expectedEn: [String] = []
            var deBad = false
            var enBad = false
            for (index, word) in origWords.enumerated() {
                var de = Set<String>()
                var en = Set<String>()
                for (position, candidate) in languages.enumerated() {
                    let forms = acceptedForms(of: word, language: candidate)
                    de.formUnion(forms.de.map(Self.looseGerman))
                    en.formUnion(forms.en.map(Self.looseEnglish))
                    if position == 0 {
                        expectedDe.append(forms.expectedDe)
                        expectedEn.append(forms.expectedEn)
                    }
                }
                for exception in transliteration.exceptions.entries(orig: word) {
                    de.insert(Self.looseGerman(exception.de))
                    en.insert(Self.looseEnglish(exception.en))
                }
                if origWords.count == deWords.count, !de.contains(Self.looseGerman(deWords[index])) { deBad = true }
                if origWords.count == enWords.count, !en.contains(Self.looseEnglish(enWords[index])) { enBad = true }
            }
            guard deBad || enBad else { return nil }
            var parts: [String] = []
            if deBad { parts.append("German '\(entry.de)', expected '\(expectedDe.joined(separator: " "))'") }
            if enBad { parts.append("English '\(entry.en)', expected '\(expectedEn.joined(separator: " "))'") }
            return TranslitFinding(
                kind: .schemeMismatch,
                message: "\(orig) (\(language.rawValue)): " + parts.joined(separator: "; "),
                spellings: [entry.de, entry.en, expectedDe.joined(separator: " "), expectedEn.joined(separator: " ")],
                locations: location)
        }
        guard Self.looksSlavic(entry) else { return nil }
        let deWords = Self.words(entry.de)
        let enWords = Self.words(entry.en)
        guard deWords.count == enWords.count else { return nil }
        var suggestion: [String] = []
        var bad = false
        for (german, english) in zip(deWords, enWords) {
            // the same word in both languages is accepted, unless it has the German -ow/-ew (Peskow)
            let lower = german.lowercased()
            if german == english && !["ow", "ew", "owa", "ewa"].contains(where: { lower.hasSuffix($0) }) {
                suggestion.append(english); continue
            }
            if let exception = transliteration.exceptions.lookup(german: german), exception.en == english {
                suggestion.append(english); continue
            }
            guard let candidates = try? transliteration.germanCandidates(german, to: .en), let best = candidates.first else {
                suggestion.append(english); continue
            }
            let plausible = candidates.filter { $0.score >= 0.1 }.map { RuleFile.applyWordCase(of: german, to: $0.output) }
            var wiki: [String] = []
            if let wikiCandidates = try? transliteration.germanCandidates(german, to: .enWiki) {
                wiki = wikiCandidates.filter { $0.score >= 0.1 }.map { RuleFile.applyWordCase(of: german, to: $0.output) }
            }
            if plausible.contains(english) || wiki.contains(english) {
                suggestion.append(english)
            } else {
                bad = true
                suggestion.append(RuleFile.applyWordCase(of: german, to: best.output))
            }
        }
        guard bad else { return nil }
        let suggested = suggestion.joined(separator: " ")
        return TranslitFinding(
            kind: .schemeMismatch,
            message: "'\(entry.de)' is given as '\(entry.en)'; its German spelling suggests '\(suggested)'",
            spellings: [entry.de, entry.en, suggested],
            locations: location)
    }

    /// The leniency of the glossary comparison for English: the endings of -ий (-iy, -yy, -ii,
    /// -i, -y), -ей (-ey, -ei), -ия (-iya, -iia, -ia), ye after i (Dmitriyev / Dmitriev), ya/ia
    /// and yu/iu (Yatsenyuk / Yatseniuk), x for ks.
    public static func looseEnglish(_ word: String) -> String {
        var text = word.lowercased().replacingOccurrences(of: "x", with: "ks")
        for (from, to) in [("iye", "ie"), ("iya", "ia"), ("iia", "ia"), ("iyu", "iu"), ("iiu", "iu"), ("ya", "ia"), ("yu", "iu")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        for ending in ["iy", "yy", "ii", "yi", "ey", "ei"] where text.hasSuffix(ending) {
            text = String(text.dropLast(2)) + (ending.hasPrefix("e") ? "e" : "i")
            return text
        }
        if text.hasSuffix("y") { text = String(text.dropLast()) + "i" }
        return text
    }

    /// The leniency for German: the endings of -ий (-ij, -i, -yj, -y), -ей (-ei, -ej), x for ks.
    public static func looseGerman(_ word: String) -> String {
        var text = word.lowercased().replacingOccurrences(of: "x", with: "ks")
        for ending in ["ij", "yj", "ej", "ei"] where text.hasSuffix(ending) {
            return String(text.dropLast(2)) + (ending.hasPrefix("e") ? "e" : "i")
        }
        if text.hasSuffix("y") { text = String(text.dropLast()) + "i" }
        return text
    }

    /// Entry types whose German and English are transliterations of `orig` ("" for no type).
    static let transliteratedTypes: Set<String> = ["", "person", "city", "place"]

    /// Surname endings of Russian, Ukrainian and Belarusian names in German spelling.
    static let slavicEndings = ["ow", "ew", "owa", "ewa", "in", "ina", "yn", "ski", "skij", "skyj", "skaja", "zki",
                                "enko", "uk", "tschuk", "itsch", "ytsch", "jew", "jow", "schin", "yj", "ij"]

    /// A person (or an entry without type) whose German spelling ends like a Slavic surname.
    static func looksSlavic(_ entry: CheckEntry) -> Bool {
        guard let last = words(entry.de).last?.lowercased() else { return false }
        let ending = slavicEndings.contains { last.hasSuffix($0) && last.count > $0.count + 2 }
        return ending && (entry.type == nil || entry.type == "person")
    }

    // MARK: Variant spellings

    /// A spelling key that is the same for the German, English and looser spellings of one
    /// name: lower case without accents; schtsch, tsch, sch, sh, zh, ch, kh folded; s z c ß ts tz
    /// as s; w v as v; j y i as i; doubled letters single; -off as -ov.
    public static func spellingKey(_ word: String) -> String {
        let decomposed = (try? ICUText.normalize(word.lowercased(), .nfd)) ?? word.lowercased()
        var text = String(String.UnicodeScalarView(decomposed.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark && $0.properties.isAlphabetic
        }))
        let replacements: [(String, String)] = [
            ("schtsch", "Ŝ"), ("shch", "Ŝ"), ("tsch", "Č"), ("tch", "Č"), ("sch", "Š"), ("sh", "Š"), ("zh", "Š"),
            ("kh", "H"), ("ch", "H"), ("ck", "k"), ("ß", "s"), ("tz", "s"), ("ts", "s"), ("z", "s"), ("x", "ks"),
            ("w", "v"), ("y", "i"), ("j", "i"), ("ph", "f"),
        ]
        for (from, to) in replacements { text = text.replacingOccurrences(of: from, with: to) }
        var folded = ""
        for character in text where folded.last != character { folded.append(character) }
        if folded.hasSuffix("of") { folded = String(folded.dropLast()) + "v" }
        return folded
    }

    /// Groups the spellings of texts and glossaries by `spellingKey` and reports every group
    /// with more than one spelling, once, if one of its spellings looks like a Slavic name.
    public func variantSpellings(entries: [CheckEntry], occurrences: [NameOccurrence]) -> [TranslitFinding] {
        struct Seen { var count = 0; var order = 0; var fromText = false; var fromGlossary = false; var locations: [FindingLocation] = [] }
        var seenCount = 0
        var groups: [String: [String: Seen]] = [:]
        var order: [String] = []
        var glossaryNames = Set<String>()
        var declared: [Set<String>] = []
        func add(_ word: String, _ location: FindingLocation, text: Bool) {
            guard word.unicodeScalars.contains(where: Transliteration.isLatinLetter),
                  !word.unicodeScalars.contains(where: Transliteration.isCyrillic),
                  let first = word.unicodeScalars.first, first.properties.isUppercase else { return }
            let key = Self.spellingKey(word)
            guard key.count >= 3 else { return }
            if groups[key] == nil { order.append(key) }
            if groups[key]?[word] == nil { seenCount += 1; groups[key, default: [:]][word] = Seen(order: seenCount) }
            groups[key]![word]!.count += 1
            if !groups[key]![word]!.locations.contains(location) { groups[key]![word]!.locations.append(location) }
            if text { groups[key]![word]!.fromText = true } else { groups[key]![word]!.fromGlossary = true }
        }
        for entry in entries {
            var own = Set<String>()
            // glossary words count as names when the entry is East Slavic (orig) or looks it
            let slavic = (entry.orig.map { Self.isEastSlavic($0) && $0.unicodeScalars.contains(where: Transliteration.isCyrillic) } ?? false)
                || Self.looksSlavic(entry)
            for spelling in [entry.de] + entry.variants {
                for word in Self.words(spelling) {
                    for part in word.split(separator: "-").map(String.init) {
                        if slavic { glossaryNames.insert(part) }
                        own.insert(part)
                        add(part, FindingLocation(file: entry.file, line: entry.line, column: 1), text: false)
                    }
                }
            }
            declared.append(own)
        }
        for occurrence in occurrences {
            var offset = 0
            for part in occurrence.text.split(separator: "-", omittingEmptySubsequences: false).map(String.init) {
                add(part, FindingLocation(file: occurrence.file, line: occurrence.line, column: occurrence.column + offset), text: true)
                offset += part.unicodeScalars.count + 1
            }
        }
        var findings: [TranslitFinding] = []
        for key in order {
            guard let spellings = groups[key], spellings.count > 1 else { continue }
            // most frequent first; ties in order of first appearance
            let names = spellings.keys.sorted {
                spellings[$0]!.count != spellings[$1]!.count ? spellings[$0]!.count > spellings[$1]!.count : spellings[$0]!.order < spellings[$1]!.order
            }
            let nameLike = names.contains { name in
                glossaryNames.contains(name) || Self.slavicEndings.contains { name.lowercased().hasSuffix($0) && name.count > $0.count + 2 }
            }
            guard nameLike else { continue }
            // Report when a text mixes spellings, when a text uses a spelling the glossaries do
            // not, or when glossary spellings are not the declared variants of one entry.
            let textSpellings = Set(names.filter { spellings[$0]!.fromText })
            let glossarySpellings = Set(names.filter { spellings[$0]!.fromGlossary })
            let textMixes = textSpellings.count > 1
            let textDeviates = !glossarySpellings.isEmpty && !textSpellings.subtracting(glossarySpellings).isEmpty
            let glossaryMixes = glossarySpellings.count > 1 && !declared.contains { glossarySpellings.isSubset(of: $0) }
            guard textMixes || textDeviates || glossaryMixes else { continue }
            let summary = names.map { "\($0) (\(spellings[$0]!.count)×)" }.joined(separator: ", ")
            findings.append(TranslitFinding(
                kind: .variantSpellings,
                message: "one name spelled \(names.count) ways: \(summary)",
                spellings: names,
                locations: names.flatMap { spellings[$0]!.locations }))
        }
        return findings
    }

    /// The false clusters `spellingKey` makes on a set of (German, English) word pairs: keys
    /// shared by two or more different German spellings whose English differs too, that is,
    /// different names the variant check would report as one.
    public static func keyCollisions(_ pairs: [(german: String, english: String)]) -> [(key: String, german: [String], english: [String])] {
        var byKey: [String: (german: Set<String>, english: Set<String>)] = [:]
        for (german, english) in pairs {
            let key = spellingKey(german)
            byKey[key, default: ([], [])].german.insert(german)
            byKey[key, default: ([], [])].english.insert(english)
        }
        return byKey.filter { $0.value.german.count > 1 && $0.value.english.count > 1 }
            .map { (key: $0.key, german: $0.value.german.sorted(), english: $0.value.english.sorted()) }
            .sorted { $0.key < $1.key }
    }

    /// Word pairs of entries whose German and English have the same number of words.
    public static func wordPairs(_ entries: [(de: String, en: String)]) -> [(german: String, english: String)] {
        entries.flatMap { entry -> [(german: String, english: String)] in
            let german = words(entry.de)
            let english = words(entry.en)
            guard german.count == english.count else { return [] }
            return zip(german, english).map { (german: $0, english: $1) }
        }
    }

    // MARK: Scripts and normalization

    /// Words that mix Latin, Cyrillic or Greek letters ("Bоrissow" with a Cyrillic о).
    public func mixedScript(entries: [CheckEntry], occurrences: [NameOccurrence]) -> [TranslitFinding] {
        let spoof = try? SpoofChecker()
        var findings: [TranslitFinding] = []
        func inspect(_ word: String, _ location: FindingLocation) {
            let scripts = Script.scripts(of: word).intersection([.latin, .cyrillic, .greek])
            var flagged = scripts.count > 1
            if !flagged, let spoof, let checks = try? spoof.check(word) {
                flagged = checks.contains(.mixedScriptConfusable) && Script.scripts(of: word).count > 1
            }
            guard flagged else { return }
            let minority = Self.minorityLetters(word)
            var message = "'\(word)' mixes \(scripts.map(\.code).sorted().joined(separator: " and ")) letters"
            if !minority.isEmpty { message += ": " + minority.joined(separator: ", ") }
            if let spoof, let skeleton = try? spoof.skeleton(word), skeleton != word { message += " (looks like '\(skeleton)')" }
            findings.append(TranslitFinding(kind: .mixedScript, message: message, spellings: [word], locations: [location]))
        }
        for entry in entries {
            for field in [entry.de, entry.en, entry.orig ?? ""] + entry.variants {
                for word in Self.words(field) { inspect(word, FindingLocation(file: entry.file, line: entry.line, column: 1)) }
            }
        }
        for occurrence in occurrences {
            inspect(occurrence.text, FindingLocation(file: occurrence.file, line: occurrence.line, column: occurrence.column))
        }
        return findings
    }

    /// The letters of the less frequent script in a mixed word, with their positions.
    static func minorityLetters(_ word: String) -> [String] {
        var counts: [Script: Int] = [:]
        for scalar in word.unicodeScalars { counts[Script(of: scalar), default: 0] += 1 }
        guard let major = counts.filter({ [.latin, .cyrillic, .greek].contains($0.key) }).max(by: { $0.value < $1.value })?.key else { return [] }
        return word.unicodeScalars.enumerated().compactMap { index, scalar in
            let script = Script(of: scalar)
            guard script != major, [.latin, .cyrillic, .greek].contains(script) else { return nil }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\(script.code) '\(scalar)' (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)) at \(index + 1)"
        }
    }

    /// Lines of texts and fields of entries that are not in NFC.
    public func notNFC(entries: [CheckEntry], texts: [CheckText]) -> [TranslitFinding] {
        var findings: [TranslitFinding] = []
        for text in texts {
            for (index, line) in text.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(line)
                guard let normal = try? ICUText.isNormalized(line, .nfc), !normal else { continue }
                let column = Self.firstNonNFCColumn(line)
                let word = Self.word(in: line, atColumn: column)
                findings.append(TranslitFinding(
                    kind: .notNFC,
                    message: "'\(word)' is not in Unicode NFC (decomposed letters or marks); NFC: '\((try? ICUText.normalize(word, .nfc)) ?? word)'",
                    spellings: [word],
                    locations: [FindingLocation(file: text.file, line: index + 1, column: column)]))
            }
        }
        for entry in entries {
            for field in [entry.de, entry.en, entry.orig ?? ""] + entry.variants {
                guard let normal = try? ICUText.isNormalized(field, .nfc), !normal else { continue }
                findings.append(TranslitFinding(
                    kind: .notNFC,
                    message: "'\(field)' is not in Unicode NFC",
                    spellings: [field],
                    locations: [FindingLocation(file: entry.file, line: entry.line, column: 1)]))
            }
        }
        return findings
    }

    /// The 1-based scalar column where `line` first differs from its NFC form.
    static func firstNonNFCColumn(_ line: String) -> Int {
        let original = Array(line.unicodeScalars)
        let normal = Array(((try? ICUText.normalize(line, .nfc)) ?? line).unicodeScalars)
        var index = 0
        while index < original.count, index < normal.count, original[index] == normal[index] { index += 1 }
        // point at the base letter of a decomposed sequence
        if index > 0 && index < original.count && original[index].properties.generalCategory == .nonspacingMark { index -= 1 }
        return index + 1
    }

    /// The word around a 1-based scalar column.
    static func word(in line: String, atColumn column: Int) -> String {
        let scalars = Array(line.unicodeScalars)
        func isWord(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark }
        var start = max(0, min(column - 1, scalars.count - 1))
        var end = start
        while start > 0 && isWord(scalars[start - 1]) { start -= 1 }
        while end < scalars.count && isWord(scalars[end]) { end += 1 }
        return String(String.UnicodeScalarView(scalars[start..<max(end, start)]))
    }
}

/// A simple scanner for candidate names in plain text: capitalized Latin words, Cyrillic
/// words and words that mix scripts, with 1-based line and column (in Unicode scalars).
public enum NameScanner {
    public static func scan(_ text: String, file: String) -> [NameOccurrence] {
        var result: [NameOccurrence] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(line.unicodeScalars)
            var index = 0
            while index < scalars.count {
                guard scalars[index].properties.isAlphabetic else { index += 1; continue }
                let start = index
                while index < scalars.count {
                    let scalar = scalars[index]
                    if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark { index += 1; continue }
                    // apostrophes and hyphens inside a word
                    if (Transliteration.isApostrophe(scalar) || scalar == "-"), index + 1 < scalars.count,
                       scalars[index + 1].properties.isAlphabetic { index += 1; continue }
                    break
                }
                let word = String(String.UnicodeScalarView(scalars[start..<index]))
                let scripts = Script.scripts(of: word)
                let cyrillic = scripts.contains(.cyrillic)
                let capitalized = scalars[start].properties.isUppercase
                if cyrillic || capitalized || scripts.count > 1 {
                    result.append(NameOccurrence(text: word, file: file, line: lineIndex + 1, column: start + 1))
                }
            }
        }
        return result
    }
}
