import Foundation
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

/// One searchable form of an entry, as a sequence of tokens. The tokens' strings live in
/// flat arrays of the index (`surfaces`, `keys`, ...) at `firstToken..<firstToken+count`:
/// one allocation per index instead of five per form.
struct Pattern: Sendable {
    let entry: Int32
    let firstToken: Int32
    let count: Int32
    let form: FormKind
    let caseSensitive: Bool
    let isName: Bool
    let type: EntryType
    /// The English shown for a match of this form.
    let gloss: String
}

/// The tokens of all patterns, flat.
struct PatternTokens: Sendable {
    var surfaces: [String] = []
    /// The surfaces' UTF-16 code units, pooled, for comparing with document text without copies.
    var surfacePool: [UInt16] = []
    var surfaceStart: [Int32] = []
    var keys: [String] = []
    var loose: [String] = []
    var stems: [String] = []
    var capitalized: [Bool] = []
}

/// A view of one pattern with its tokens, for the matcher.
struct PatternView {
    let pattern: Pattern
    let tokens: PatternTokens
    var count: Int { Int(pattern.count) }
    func surface(_ k: Int) -> String { tokens.surfaces[Int(pattern.firstToken) + k] }
    /// Whether `units[from..<to]` is exactly token `k`'s surface.
    func surfaceEquals(_ k: Int, _ units: [UInt16], _ from: Int, _ to: Int) -> Bool {
        let i = Int(pattern.firstToken) + k
        let start = Int(tokens.surfaceStart[i])
        let end = i + 1 < tokens.surfaceStart.count ? Int(tokens.surfaceStart[i + 1]) : tokens.surfacePool.count
        guard end - start == to - from else { return false }
        var a = start, b = from
        while a < end {
            if tokens.surfacePool[a] != units[b] { return false }
            a += 1
            b += 1
        }
        return true
    }
    func key(_ k: Int) -> String { tokens.keys[Int(pattern.firstToken) + k] }
    func loose(_ k: Int) -> String { tokens.loose[Int(pattern.firstToken) + k] }
    func stem(_ k: Int) -> String { tokens.stems[Int(pattern.firstToken) + k] }
    func capitalized(_ k: Int) -> Bool { tokens.capitalized[Int(pattern.firstToken) + k] }
    var entry: Int32 { pattern.entry }
    var form: FormKind { pattern.form }
    var gloss: String { pattern.gloss }
    var caseSensitive: Bool { pattern.caseSensitive }
    var isName: Bool { pattern.isName }
    var type: EntryType { pattern.type }
}

/// Patterns with their tokens.
struct PatternSet: Sendable {
    let patterns: [Pattern]
    let tokens: PatternTokens
}

/// Turns forms into patterns: one per thread (it owns a tokenizer).
struct PatternBuilder {
    private let tokenizer: GermanTokenizer
    private let stemmer = GermanStemmer()
    private(set) var patterns: [Pattern] = []
    private(set) var tokens = PatternTokens()

    init() throws(ICUError) {
        tokenizer = try GermanTokenizer()
    }

    mutating func add(_ entryIndex: Int, _ entry: GlossaryEntry, form text: String, kind: FormKind, gloss: String) {
        let parts = FormSplitter.tokens(of: text, tokenizer: tokenizer)
        guard !parts.isEmpty else { return }
        let first = Int32(tokens.keys.count)
        for part in parts {
            tokens.surfaces.append(part.surface)
            tokens.surfaceStart.append(Int32(tokens.surfacePool.count))
            tokens.surfacePool.append(contentsOf: part.surface.utf16)
            tokens.keys.append(part.key)
            tokens.loose.append(LooseKey.make(part.key))
            tokens.stems.append(GlossaryIndex.isWordKey(part.key) ? stemmer.stem(part.key) : part.key)
            tokens.capitalized.append(GlossaryIndex.startsUppercase(part.surface))
        }
        patterns.append(Pattern(entry: Int32(entryIndex), firstToken: first, count: Int32(parts.count), form: kind,
                                caseSensitive: entry.isCaseSensitive, isName: entry.type.isName, type: entry.type, gloss: gloss))
    }

    var result: PatternSet { PatternSet(patterns: patterns, tokens: tokens) }

    /// Appends another builder's patterns after these.
    mutating func append(_ other: PatternSet) {
        let tokenShift = Int32(tokens.keys.count), poolShift = Int32(tokens.surfacePool.count)
        patterns += other.patterns.map {
            Pattern(entry: $0.entry, firstToken: $0.firstToken + tokenShift, count: $0.count, form: $0.form,
                    caseSensitive: $0.caseSensitive, isName: $0.isName, type: $0.type, gloss: $0.gloss)
        }
        tokens.surfaces += other.tokens.surfaces
        tokens.surfaceStart += other.tokens.surfaceStart.map { $0 + poolShift }
        tokens.surfacePool += other.tokens.surfacePool
        tokens.keys += other.tokens.keys
        tokens.loose += other.tokens.loose
        tokens.stems += other.tokens.stems
        tokens.capitalized += other.tokens.capitalized
    }
}

/// The glossary prepared for matching: every form of every entry, indexed by its first
/// token's key, loose key and stem.
///
/// Build it once and share it: it is immutable and `Sendable`, so documents can be matched
/// in parallel against one index.
public final class GlossaryIndex: Sendable {
    public let glossary: Glossary
    let patterns: [Pattern]
    let tokens: PatternTokens
    /// Single-token patterns by their key, by their key without diacritics (only for forms
    /// that have diacritics), and by their stem.
    let byKey: [String: [Int32]]
    let byLoose: [String: [Int32]]
    let byStem: [String: [Int32]]
    /// Every stem and loose key of a pattern token, numbered, so that multi-token patterns can
    /// be found by their first two tokens without building strings.
    let vocabulary: [String: Int32]
    /// Multi-token patterns by the (stem, stem) and (loose key, loose key) of their first two
    /// tokens, packed as `first << 32 | second` vocabulary numbers.
    let pairs: [UInt64: [Int32]]
    /// By vocabulary number: whether some multi-token pattern starts with that stem or loose key.
    let startsPair: [Bool]
    /// The first three letters of the keys and stems of single-token terms and organizations of
    /// six letters or more: a compound's head is looked up only when it starts like one.
    let headStarts: Set<String>
    /// The first three letters (of the key and of the key without diacritics) of single-token
    /// capitalized names and terms that may begin a closed compound: a word whose first three
    /// letters are not here has no compound-part prefix to look for.
    let prefixStarts: Set<String>

    /// Indexes every entry's headword, variants and (for people) surnames. Large glossaries are
    /// split among the cores; the result does not depend on how many there are.
    public init(_ glossary: Glossary) throws(ICUError) {
        self.glossary = glossary
        let entries = glossary.entries
        let jobs = entries.count < 20_000 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let chunk = (entries.count + jobs - 1) / max(jobs, 1)
        let ranges = (0..<jobs).map { min($0 * chunk, entries.count)..<min(($0 + 1) * chunk, entries.count) }
        let built = parallelMap(ranges, jobs: jobs) { range -> Result<PatternSet, ICUError> in
            Result { () throws(ICUError) -> PatternSet in
                var builder = try PatternBuilder()
                for index in range {
                    let entry = entries[index]
                    builder.add(index, entry, form: entry.de, kind: .headword, gloss: entry.en)
                    for variant in entry.variants where variant != entry.de {
                        builder.add(index, entry, form: variant, kind: .variant, gloss: entry.en)
                    }
                }
                return builder.result
            }
        }
        var merged = try PatternBuilder()
        for part in built { merged.append(try part.get()) }

        // Surnames: names written family name first (Chinese, Korean, Japanese: "Xi Jinping",
        // "Kim Jong Un") have no trailing surname to index.
        var surnames: [String: (entries: [Int32], gloss: Set<String>, form: FormKind, surface: String)] = [:]
        for (index, entry) in entries.enumerated() where entry.type == .person && !Self.familyNameFirst(entry.orig) {
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
        // A surname shared by people with different English surnames is ambiguous: not indexed.
        for (_, record) in surnames.sorted(by: { $0.key < $1.key }) where record.gloss.count == 1 {
            let entryIndex = Int(record.entries[0])
            merged.add(entryIndex, entries[entryIndex], form: record.surface, kind: .surname, gloss: record.gloss.first!)
        }
        let patterns = merged.patterns
        let tokens = merged.tokens

        var byKey: [String: [Int32]] = [:], byLoose: [String: [Int32]] = [:], byStem: [String: [Int32]] = [:]
        var vocabulary: [String: Int32] = [:]
        var pairs: [UInt64: [Int32]] = [:]
        func number(_ text: String) -> UInt64 {
            if let id = vocabulary[text] { return UInt64(id) }
            let id = Int32(vocabulary.count)
            vocabulary[text] = id
            return UInt64(id)
        }
        byKey.reserveCapacity(patterns.count)
        byStem.reserveCapacity(patterns.count)
        for (index, pattern) in patterns.enumerated() {
            let first = Int(pattern.firstToken)
            if pattern.count == 1 {
                byKey[tokens.keys[first], default: []].append(Int32(index))
                if tokens.loose[first] != tokens.keys[first] { byLoose[tokens.loose[first], default: []].append(Int32(index)) }
                byStem[tokens.stems[first], default: []].append(Int32(index))
            } else {
                let stems = number(tokens.stems[first]) << 32 | number(tokens.stems[first + 1])
                let loose = number(tokens.loose[first]) << 32 | number(tokens.loose[first + 1])
                pairs[stems, default: []].append(Int32(index))
                if loose != stems { pairs[loose, default: []].append(Int32(index)) }
            }
        }
        self.patterns = patterns
        self.tokens = tokens
        self.byKey = byKey
        self.byLoose = byLoose
        self.byStem = byStem
        self.vocabulary = vocabulary
        self.pairs = pairs
        var startsPair = [Bool](repeating: false, count: vocabulary.count)
        for key in pairs.keys { startsPair[Int(key >> 32)] = true }
        self.startsPair = startsPair
        var headStarts = Set<String>()
        for pattern in patterns where pattern.count == 1 && (pattern.type == .term || pattern.type == .org) {
            let first = Int(pattern.firstToken)
            for text in [tokens.keys[first], tokens.stems[first]] where text.unicodeScalars.count >= 6 {
                headStarts.insert(String(String.UnicodeScalarView(text.unicodeScalars.prefix(3))))
            }
        }
        self.headStarts = headStarts
        var prefixStarts = Set<String>()
        for pattern in patterns where pattern.count == 1 && !pattern.caseSensitive && pattern.type != .adjective
            && pattern.type != .demonym && pattern.type != .person && tokens.capitalized[Int(pattern.firstToken)] {
            let first = Int(pattern.firstToken)
            for text in [tokens.keys[first], tokens.loose[first]] where text.unicodeScalars.count >= 4 {
                prefixStarts.insert(String(String.UnicodeScalarView(text.unicodeScalars.prefix(3))))
            }
        }
        self.prefixStarts = prefixStarts
    }

    func view(_ index: Int32) -> PatternView { PatternView(pattern: patterns[Int(index)], tokens: tokens) }

    /// Number of indexed forms (headwords, variants, surnames).
    public var formCount: Int { patterns.count }

    /// The entry with this id, if any.
    public func entry(id: String) -> GlossaryEntry? { glossary.entries.first { $0.id == id } }

    static func startsUppercase(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if first.value < 0x80 { return first.value >= 0x41 && first.value <= 0x5A }
        if first.value >= 0xC0 && first.value <= 0xDE { return first.value != 0xD7 }
        return first.properties.isUppercase
    }

    static func isWordKey(_ key: String) -> Bool {
        key.utf8.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 >= 0xC0 }
            || key.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

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
    /// The base letter of each Latin letter U+00C0..<U+0250 (0 when it has none), worked out
    /// once from ICU's canonical decompositions.
    static let latinBases: [UInt32] = (0xC0..<0x250).map { value -> UInt32 in
        guard let scalar = Unicode.Scalar(UInt32(value)),
              let decomposed = try? ICUText.normalize(String(scalar), .nfd) else { return 0 }
        let scalars = Array(decomposed.unicodeScalars)
        guard scalars.count >= 2, scalars.dropFirst().allSatisfy({ (0x300...0x36F).contains($0.value) }) else { return 0 }
        return scalars[0].value
    }

    static func make(_ key: String) -> String {
        guard key.utf8.contains(where: { $0 >= 0xC3 }) else { return key }
        // Fast path: Latin letters with precomposed diacritics.
        var out = String.UnicodeScalarView()
        for scalar in key.unicodeScalars {
            let v = scalar.value
            if v < 0xC0 {
                out.append(scalar)
            } else if v < 0x250 {
                let base = latinBases[Int(v - 0xC0)]
                out.append(base == 0 ? scalar : Unicode.Scalar(base)!)
            } else {
                return slow(key)
            }
        }
        return String(out)
    }

    /// Any script: NFD, combining marks dropped, NFC.
    static func slow(_ key: String) -> String {
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
        // ASCII letters and digits with inner hyphens: decided on bytes.
        if piece.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = piece.utf8
            guard let first = bytes.first, let last = bytes.last, first != 0x2D, last != 0x2D else { return false }
            return bytes.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        }
        guard let first = piece.unicodeScalars.first, let last = piece.unicodeScalars.last else { return false }
        func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
            let v = scalar.value
            if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A || (v >= 0x30 && v <= 0x39) }
            if v >= 0xC0 && v <= 0x24F { return v != 0xD7 && v != 0xF7 }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        guard isLetterOrDigit(first), isLetterOrDigit(last) else { return false }
        return piece.unicodeScalars.allSatisfy { scalar in
            isLetterOrDigit(scalar) || scalar == "-" || (scalar.value >= 0x300 && scalar.value <= 0x36F)
        }
    }
}
