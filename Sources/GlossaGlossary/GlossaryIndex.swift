import GlossaICU
import GlossaStemmer
import GlossaText

/// How an entry's form is written in the glossary.
public enum FormKind: String, Sendable {
    /// The `de` column.
    case headword
    /// One of the `variants`.
    case variant
    /// The surname alone of a person's `de` (or of a variant), glossed with the English surname.
    case surname
}

/// One searchable form of an entry, as a sequence of token keys and stems.
struct Pattern: Sendable {
    let entry: Int32
    let form: FormKind
    /// The form's tokens as written, their keys, loose keys (no diacritics) and stems.
    let surfaces: [String]
    let keys: [String]
    let loose: [String]
    let stems: [String]
    /// Whether each token starts with an upper-case letter.
    let capitalized: [Bool]
    /// The English shown for a match of this form.
    let gloss: String
    let caseSensitive: Bool
    let isName: Bool
    let type: EntryType
}

/// The glossary prepared for matching: every form of every entry, indexed by its first
/// token's key, loose key and stem.
///
/// Build it once and share it: it is immutable and `Sendable`, so documents can be matched
/// in parallel against one index.
public final class GlossaryIndex: Sendable {
    public let glossary: Glossary
    let patterns: [Pattern]
    let byKey: [String: [Int32]]
    let byLoose: [String: [Int32]]
    let byStem: [String: [Int32]]
    /// Entries by id.
    let entryByID: [String: Int]

    /// Indexes every entry's headword, variants and (for people) surnames.
    public init(_ glossary: Glossary) throws(ICUError) {
        self.glossary = glossary
        let tokenizer = try GermanTokenizer()
        let stemmer = GermanStemmer()
        var patterns: [Pattern] = []
        patterns.reserveCapacity(glossary.entries.count * 2)
        var surnames: [String: (entries: [Int32], gloss: Set<String>, form: FormKind, surface: String)] = [:]

        func tokens(of form: String) -> [(surface: String, key: String)] {
            FormSplitter.tokens(of: form, tokenizer: tokenizer)
        }
        func add(_ entryIndex: Int, _ entry: GlossaryEntry, form text: String, kind: FormKind, gloss: String) {
            let parts = tokens(of: text)
            guard !parts.isEmpty else { return }
            let keys = parts.map(\.key)
            patterns.append(Pattern(
                entry: Int32(entryIndex), form: kind,
                surfaces: parts.map(\.surface), keys: keys, loose: keys.map(LooseKey.make),
                stems: keys.map { Self.isWordKey($0) ? stemmer.stem($0) : $0 },
                capitalized: parts.map { $0.surface.first?.isUppercase ?? false },
                gloss: gloss, caseSensitive: entry.isCaseSensitive, isName: entry.type.isName, type: entry.type))
        }

        for (index, entry) in glossary.entries.enumerated() {
            add(index, entry, form: entry.de, kind: .headword, gloss: entry.en)
            for variant in entry.variants where variant != entry.de {
                add(index, entry, form: variant, kind: .variant, gloss: entry.en)
            }
            // Names written family name first (Chinese, Korean, Vietnamese: "Xi Jinping", "Kim Jong Un")
            // have no trailing surname to index.
            if entry.type == .person && !Self.familyNameFirst(entry.orig) {
                let english = Self.surname(of: entry.en)
                for (form, kind) in [(entry.de, FormKind.headword)] + entry.variants.map({ ($0, FormKind.variant) }) {
                    guard let surname = Self.surname(of: form), surname != form, let english, surname.unicodeScalars.count >= 3 else { continue }
                    let key = MatchKey.make(surname)
                    var record = surnames[key] ?? ([], [], kind, surname)
                    if !record.entries.contains(Int32(index)) { record.entries.append(Int32(index)) }
                    record.gloss.insert(english)
                    surnames[key] = record
                }
            }
        }
        // A surname shared by people with different English surnames is ambiguous: not indexed.
        for (_, record) in surnames.sorted(by: { $0.key < $1.key }) where record.gloss.count == 1 {
            let entryIndex = Int(record.entries[0])
            add(entryIndex, glossary.entries[entryIndex], form: record.surface, kind: .surname, gloss: record.gloss.first!)
        }

        var byKey: [String: [Int32]] = [:], byLoose: [String: [Int32]] = [:], byStem: [String: [Int32]] = [:]
        byKey.reserveCapacity(patterns.count)
        for (index, pattern) in patterns.enumerated() {
            byKey[pattern.keys[0], default: []].append(Int32(index))
            if pattern.loose[0] != pattern.keys[0] { byLoose[pattern.loose[0], default: []].append(Int32(index)) }
            byLoose[pattern.loose[0] + "\u{0}", default: []].append(Int32(index))
            byStem[pattern.stems[0], default: []].append(Int32(index))
        }
        self.patterns = patterns
        self.byKey = byKey
        self.byLoose = byLoose
        self.byStem = byStem
        var entryByID: [String: Int] = [:]
        for (index, entry) in glossary.entries.enumerated() { entryByID[entry.id] = index }
        self.entryByID = entryByID
    }

    /// Number of indexed forms (headwords, variants, surnames).
    public var formCount: Int { patterns.count }

    /// The entry with this id, if any.
    public func entry(id: String) -> GlossaryEntry? { entryByID[id].map { glossary.entries[$0] } }

    static func isWordKey(_ key: String) -> Bool { key.unicodeScalars.contains { $0.properties.isAlphabetic } }

    /// Lower-case name particles that belong to a surname ("von der Leyen", "da Silva", "al-Assad").
    static let particles: Set<String> = ["von", "van", "der", "den", "de", "da", "do", "dos", "das", "di", "del", "della", "la", "le", "bin", "ibn", "al", "el", "zu", "ten", "ter"]

    /// Whether a name in its original script puts the family name first (Han, Hangul, ...).
    static func familyNameFirst(_ orig: String) -> Bool {
        orig.unicodeScalars.contains { scalar in
            [Script.han, .hangul, .hiragana, .katakana].contains(Script(of: scalar))
        }
    }

    /// The surname of a person's name: its last word, with the particles before it.
    static func surname(of name: String) -> String? {
        let words = name.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return nil }
        var start = words.count - 1
        while start > 1, particles.contains(words[start - 1]) { start -= 1 }
        return words[start...].joined(separator: " ")
    }
}

/// Keys without diacritics, for the `diacritics` match kind ("fernandez" ~ "fernández").
enum LooseKey {
    static func make(_ key: String) -> String {
        guard key.unicodeScalars.contains(where: { $0.value >= 0xC0 }) else { return key }
        let decomposed = (try? ICUText.normalize(key, .nfd)) ?? key
        var out = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
            out.append(scalar)
        }
        return (try? ICUText.normalize(String(out), .nfc)) ?? String(out)
    }
}

/// Splits a glossary form into tokens exactly as documents are tokenized.
enum FormSplitter {
    static func tokens(of form: String, tokenizer: GermanTokenizer) -> [(surface: String, key: String)] {
        // Fast path: space-separated pieces of letters, digits, inner hyphens and apostrophes.
        let pieces = form.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
        if pieces.allSatisfy(isSimple) {
            return pieces.map { (String($0), MatchKey.make(String($0))) }
        }
        let document = tokenizer.document(form)
        return document.tokens.map { (document.text(of: $0), document.key(of: $0)) }
    }

    private static func isSimple(_ piece: Substring) -> Bool {
        guard let first = piece.unicodeScalars.first, let last = piece.unicodeScalars.last else { return false }
        guard first.properties.isAlphabetic || first.properties.numericType != nil else { return false }
        guard last.properties.isAlphabetic || last.properties.numericType != nil else { return false }
        return piece.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "-"
                || (scalar.properties.generalCategory == .nonspacingMark)
        }
    }
}
