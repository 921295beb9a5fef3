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
/// one allocation per index instead of five per form. Numbers and flags only (its English is
/// in `GlossaryIndex.glosses`, its entry's type in the glossary), so that reading or copying
/// one counts no references.
struct Pattern: Sendable {
    let entry: Int32
    let firstToken: Int32
    let count: Int32
    let form: FormKind
    let caseSensitive: Bool
    let isName: Bool
    let role: PatternRole

    init(entry: Int32, firstToken: Int32, count: Int32, form: FormKind, caseSensitive: Bool, type: EntryType) {
        self.init(entry: entry, firstToken: firstToken, count: count, form: form, caseSensitive: caseSensitive, isName: type.isName, role: PatternRole(type))
    }

    /// Whether a multi-token pattern is looked for by its third token (its loose key and its
    /// stem: three tokens or more, and not case-sensitive), or verified after its first two
    /// tokens whatever the third is. The matcher's pair groups (`MatchState.pairGroup`) and the
    /// index's filter of multi-word forms (`GlossaryIndex.multiWordForms`) both go by this.
    var isListedByThird: Bool { count >= 3 && !caseSensitive }

    init(entry: Int32, firstToken: Int32, count: Int32, form: FormKind, caseSensitive: Bool, isName: Bool, role: PatternRole) {
        self.entry = entry
        self.firstToken = firstToken
        self.count = count
        self.form = form
        self.caseSensitive = caseSensitive
        self.isName = isName
        self.role = role
    }
}

/// What closed-compound matching asks of a pattern's entry type.
struct PatternRole: OptionSet, Sendable {
    let rawValue: UInt8
    /// A term or an organization: may be a closed compound's head ("Bundes|außenministerium").
    static let head = PatternRole(rawValue: 1)
    /// An adjective, a demonym or a person: never a closed compound's first part.
    static let neverFirstPart = PatternRole(rawValue: 2)
    /// A city: its adjective in "-er" ("Kiewer", "Moskauer") is found as the city.
    static let city = PatternRole(rawValue: 4)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ type: EntryType) {
        var role: PatternRole = []
        if type == .term || type == .org { role.insert(.head) }
        if type == .adjective || type == .demonym || type == .person { role.insert(.neverFirstPart) }
        if type == .city { role.insert(.city) }
        self = role
    }
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
    /// The English shown for a match of this form.
    let gloss: String
    var count: Int { Int(pattern.count) }
    func surface(_ k: Int) -> String { tokens.surfaces[Int(pattern.firstToken) + k] }
    func key(_ k: Int) -> String { tokens.keys[Int(pattern.firstToken) + k] }
    func loose(_ k: Int) -> String { tokens.loose[Int(pattern.firstToken) + k] }
    func stem(_ k: Int) -> String { tokens.stems[Int(pattern.firstToken) + k] }
    func capitalized(_ k: Int) -> Bool { tokens.capitalized[Int(pattern.firstToken) + k] }
    var entry: Int32 { pattern.entry }
    var form: FormKind { pattern.form }
    var caseSensitive: Bool { pattern.caseSensitive }
    var isName: Bool { pattern.isName }
    var role: PatternRole { pattern.role }
}

/// Patterns with their tokens and their English.
struct PatternSet: Sendable {
    let patterns: [Pattern]
    let glosses: [String]
    let tokens: PatternTokens
}

/// Turns forms into patterns: one per thread (it uses a tokenizer, which must not be shared).
struct PatternBuilder {
    private let tokenizer: GermanTokenizer
    private let stemmer = GermanStemmer()
    private(set) var patterns: [Pattern] = []
    /// The English of each pattern.
    private(set) var glosses: [String] = []
    private(set) var tokens = PatternTokens()

    init() throws(ICUError) {
        tokenizer = try GermanTokenizer()
    }

    mutating func add(_ entryIndex: Int, _ entry: GlossaryEntry, form text: String, kind: FormKind, gloss: String) {
        add(entryIndex, form: text, kind: kind, gloss: gloss, caseSensitive: entry.isCaseSensitive, type: entry.type)
    }

    /// Adds the pattern of one form of entry `entryIndex` (none when the form has no tokens).
    mutating func add(_ entryIndex: Int, form text: String, kind: FormKind, gloss: String, caseSensitive: Bool, type: EntryType) {
        let first = tokens.keys.count
        formBytes.removeAll(keepingCapacity: true)
        formBytes.append(contentsOf: text.utf8)
        switch FormSplitter.latinPiecesAreSimple(formBytes) {
        case true?:
            appendLatinTokens(of: text)
        case false?:
            FormSplitter.tokenize(text, tokenizer: tokenizer) { surface, key in appendToken(surface: surface, key: key) }
        case nil:
            FormSplitter.forEachCharacterToken(of: text, tokenizer: tokenizer) { surface, key in appendToken(surface: surface, key: key) }
        }
        let count = tokens.keys.count - first
        guard count > 0 else { return }
        patterns.append(Pattern(entry: Int32(entryIndex), firstToken: Int32(first), count: Int32(count), form: kind, caseSensitive: caseSensitive, type: type))
        glosses.append(gloss)
    }

    /// `add` without the fast paths for Latin forms (for tests: the reference).
    mutating func addByCharacters(_ entryIndex: Int, form text: String, kind: FormKind, gloss: String, caseSensitive: Bool, type: EntryType) {
        let first = tokens.keys.count
        FormSplitter.forEachCharacterToken(of: text, tokenizer: tokenizer) { surface, key in
            appendToken(surface: surface, key: key)
        }
        let count = tokens.keys.count - first
        guard count > 0 else { return }
        patterns.append(Pattern(entry: Int32(entryIndex), firstToken: Int32(first), count: Int32(count), form: kind, caseSensitive: caseSensitive, type: type))
        glosses.append(gloss)
    }

    private mutating func appendToken(surface: String, key: String) {
        tokens.surfaces.append(surface)
        tokens.surfaceStart.append(Int32(tokens.surfacePool.count))
        tokens.surfacePool.append(contentsOf: surface.utf16)
        tokens.keys.append(key)
        tokens.loose.append(LooseKey.make(key))
        tokens.stems.append(GlossaryIndex.isWordKey(key) ? stemmer.stem(key) : key)
        tokens.capitalized.append(GlossaryIndex.startsUppercase(surface))
    }

    /// The UTF-8 of the form being added, and of a token's key and loose key.
    private var formBytes: [UInt8] = [], keyBytes: [UInt8] = [], looseBytes: [UInt8] = []

    /// Adds the tokens of `form`, whose UTF-8 is in `formBytes`: simple pieces between spaces,
    /// all characters below U+0250 (`FormSplitter.latinPiecesAreSimple`). Each piece's surface,
    /// key, loose key, UTF-16 and case come from one pass over its bytes; they are what
    /// `FormSplitter.forEachCharacterToken`, `MatchKey.make`, `LooseKey.make`, `isWordKey` and `startsUppercase`
    /// give.
    private mutating func appendLatinTokens(of form: String) {
        let end = formBytes.count
        var start = 0
        while start < end {
            // The next piece: from a byte that is no space to the next space (0x20, or C2 A0).
            if formBytes[start] == 0x20 {
                start += 1
                continue
            }
            if formBytes[start] == 0xC2 && start + 1 < end && formBytes[start + 1] == 0xA0 {
                start += 2
                continue
            }
            var stop = start
            while stop < end && formBytes[stop] != 0x20 && !(formBytes[stop] == 0xC2 && stop + 1 < end && formBytes[stop + 1] == 0xA0) {
                stop += 1
            }
            appendLatinToken(of: form, start, stop)
            start = stop
        }
    }

    private mutating func appendLatinToken(of form: String, _ start: Int, _ stop: Int) {
        let surface = start == 0 && stop == formBytes.count ? form : String(decoding: formBytes[start..<stop], as: UTF8.self)
        tokens.surfaces.append(surface)
        tokens.surfaceStart.append(Int32(tokens.surfacePool.count))
        // The key as `MatchKey.fastKey` makes it, when every character is below U+0100 (others
        // take `MatchKey.make`); the UTF-16, a unit per character.
        keyBytes.removeAll(keepingCapacity: true)
        var latin1 = true, changed = false
        var firstScalar: UInt32 = 0
        var i = start
        while i < stop {
            let at = i, byte = formBytes[i]
            var value = UInt32(byte)
            if byte < 0x80 {
                i += 1
                if byte >= 0x41 && byte <= 0x5A {
                    keyBytes.append(byte + 0x20)
                    changed = true
                } else if byte == 0x60 {
                    keyBytes.append(0x27)
                    changed = true
                } else {
                    keyBytes.append(byte)
                }
            } else {
                let low = formBytes[i + 1]
                i += 2
                value = UInt32(byte & 0x1F) << 6 | UInt32(low & 0x3F)
                switch value {
                case 0xB4:
                    keyBytes.append(0x27)
                    changed = true
                case 0xAB, 0xBB:
                    keyBytes.append(0x22)
                    changed = true
                case 0xAD:
                    changed = true
                case 0xDF:
                    keyBytes.append(0x73)
                    keyBytes.append(0x73)
                    changed = true
                case 0xD7, 0xF7:
                    keyBytes.append(byte)
                    keyBytes.append(low)
                case 0xC0...0xDE:
                    keyBytes.append(byte)
                    keyBytes.append(low + 0x20)
                    changed = true
                case 0xB5, 0x100...:
                    latin1 = false
                default:
                    keyBytes.append(byte)
                    keyBytes.append(low)
                }
            }
            if at == start { firstScalar = value }
            tokens.surfacePool.append(UInt16(value))
        }
        let key: String, loose: String, isWord: Bool
        if latin1 {
            key = changed ? String(decoding: keyBytes, as: UTF8.self) : surface
            isWord = keyBytes.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 >= 0xC0 }
            if keyBytes.contains(where: { $0 >= 0xC3 }) {
                // `LooseKey.make`: the base letter of each Latin letter with a diacritic.
                looseBytes.removeAll(keepingCapacity: true)
                var k = 0
                while k < keyBytes.count {
                    let byte = keyBytes[k]
                    if byte < 0x80 {
                        looseBytes.append(byte)
                        k += 1
                        continue
                    }
                    let low = keyBytes[k + 1]
                    k += 2
                    let value = UInt32(byte & 0x1F) << 6 | UInt32(low & 0x3F)
                    let base = value < 0xC0 ? 0 : LooseKey.latinBases[Int(value - 0xC0)]
                    if base == 0 {
                        looseBytes.append(byte)
                        looseBytes.append(low)
                    } else if base < 0x80 {
                        looseBytes.append(UInt8(base))
                    } else {
                        looseBytes.append(contentsOf: UTF8.encode(Unicode.Scalar(base)!)!)
                    }
                }
                loose = String(decoding: looseBytes, as: UTF8.self)
            } else {
                loose = key
            }
        } else {
            key = MatchKey.make(surface)
            loose = LooseKey.make(key)
            isWord = GlossaryIndex.isWordKey(key)
        }
        tokens.keys.append(key)
        tokens.loose.append(loose)
        tokens.stems.append(isWord ? stemmer.stem(key) : key)
        // `startsUppercase`.
        let capitalized = firstScalar < 0x80 ? firstScalar >= 0x41 && firstScalar <= 0x5A
            : firstScalar >= 0xC0 && firstScalar <= 0xDE ? firstScalar != 0xD7
            : Unicode.Scalar(firstScalar)!.properties.isUppercase
        tokens.capitalized.append(capitalized)
    }

    /// Room for `patterns` more patterns of about `tokens` tokens and `units` UTF-16 units.
    mutating func reserve(patterns morePatterns: Int, tokens moreTokens: Int, units: Int) {
        patterns.reserveCapacity(patterns.count + morePatterns)
        glosses.reserveCapacity(glosses.count + morePatterns)
        let count = tokens.keys.count + moreTokens
        tokens.surfaces.reserveCapacity(count)
        tokens.surfaceStart.reserveCapacity(count)
        tokens.surfacePool.reserveCapacity(tokens.surfacePool.count + units)
        tokens.keys.reserveCapacity(count)
        tokens.loose.reserveCapacity(count)
        tokens.stems.reserveCapacity(count)
        tokens.capitalized.reserveCapacity(count)
    }

    var result: PatternSet { PatternSet(patterns: patterns, glosses: glosses, tokens: tokens) }
}

/// The glossary prepared for matching: every form of every entry, indexed by its first
/// token's key, loose key and stem.
///
/// Build it once and share it: it is immutable and `Sendable`, so documents can be matched
/// in parallel against one index.
public final class GlossaryIndex: Sendable {
    public let glossary: Glossary
    let patterns: [Pattern]
    /// The English shown for a match of each pattern.
    let glosses: [String]
    let tokens: PatternTokens
    /// Single-token patterns by their key, by their key without diacritics (only for forms
    /// that have diacritics), and by their stem.
    let byKey: PatternLists
    let byLoose: PatternLists
    let byStem: PatternLists
    /// Every key, loose key and stem of a pattern token, numbered (in token order): the
    /// matcher numbers a document's strings by this table once, and then compares numbers and
    /// finds patterns by them, without building or hashing strings.
    let vocabulary: InternTable
    /// Per pattern token: its key's, loose key's and stem's numbers in `vocabulary`, and its lengths.
    let tokenFacts: [FormTokenFacts]
    /// Per pattern token: what its key has after its stem (`GermanInflection.tail(of:stem:)`),
    /// for the check that a stem match is an inflection.
    let inflectionTails: [UInt64]
    /// Multi-token patterns by the (stem, stem) and (loose key, loose key) of their first two
    /// tokens, packed as `first << 32 | second` vocabulary numbers.
    let pairs: [UInt64: [Int32]]
    /// By vocabulary number: whether some multi-token pattern starts with that stem or loose key.
    let startsPair: [Bool]
    /// A filter of the multi-token patterns by their key in `pairs` and by what their third
    /// token is listed under when the matcher splits a pair's patterns (`MatchState.pairGroup`):
    /// its loose key and its stem, or `anyThird` for a pattern verified whatever the third token
    /// is (two tokens, case-sensitive). Keys by `multiWordKey`. Most pairs of common words that
    /// begin some form ("in der") begin none that the next word can continue: the matcher asks
    /// this filter before it looks at the pair's patterns.
    let multiWordForms: HashFilter
    static let anyThird: Int32 = -2

    /// The key in `multiWordForms` of a pair (see `pairs`) and a third token's number (or
    /// `anyThird`), mixed so that its low bits depend on all of both.
    @inline(__always)
    static func multiWordKey(_ pair: UInt64, _ third: Int32) -> UInt64 {
        var h = pair &+ UInt64(UInt32(bitPattern: third)) &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ (h >> 31)) &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 29)
    }
    /// The first three letters of the keys and stems of single-token terms and organizations of
    /// six letters or more: a compound's head is looked up only when it starts like one.
    let headStarts: Set<String>
    /// The first three letters (of the key and of the key without diacritics) of single-token
    /// capitalized names and terms that may begin a closed compound: a word whose first three
    /// letters are not here has no compound-part prefix to look for.
    let prefixStarts: Set<String>
    /// `headStarts` and `prefixStarts` as packed scalars (`MatchState.pack`), for the
    /// closed-compound scan of words of Latin letters (no string per position).
    let headStartCodes: TripleSet
    let prefixStartCodes: TripleSet
    /// Where the stems of single-token forms begin (`GermanStemmer.stemStart`): a piece of a
    /// word (a hyphen part, a compound's head) is stemmed only when its stem may be one of them.
    let singleStemStarts: StemStarts
    /// A bit filter of the hashes (`CompoundCores.hash`) of the key and of the key without
    /// diacritics of every form that may be the first part of a closed compound (single-token,
    /// capitalized, not case-sensitive, not a person, adjective or demonym: what
    /// `Matcher.compoundPrefixMatch` accepts). The closed-compound scan tries dozens of possible
    /// first parts per word and makes a string of one only when the filter lets it through.
    let compoundCores: CompoundCores

    /// The English shown for a match: the entry's `en`, or, for a match of a person's surname
    /// alone, the English surname.
    public func gloss(of match: Match) -> String { glosses[Int(match.pattern)] }

    /// The English of form number `form` (`Match.formIndex`).
    public func gloss(ofForm form: Int) -> String { glosses[form] }

    /// Indexes every entry's headword, variants and (for people) surnames. Large glossaries are
    /// split among the cores; the result does not depend on how many there are.
    public convenience init(_ glossary: Glossary) throws(ICUError) {
        try self.init(glossary, jobs: ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Indexes `glossary` on up to `jobs` threads (the same index for any number).
    init(_ glossary: Glossary, jobs requestedJobs: Int) throws(ICUError) {
        self.glossary = glossary
        let entries = glossary.entries
        let jobs = entries.count < 20_000 ? 1 : max(1, min(requestedJobs, 8))
        // Several chunks per thread, so that a thread slowed down by other work does not hold
        // up the rest (each chunk has its own tokenizer: they must not be shared).
        let chunkCount = jobs == 1 ? 1 : 4 * jobs
        let chunk = (entries.count + chunkCount - 1) / chunkCount
        let ranges = (0..<chunkCount).map { min($0 * chunk, entries.count)..<min(($0 + 1) * chunk, entries.count) }
        let built = parallelMap(ranges, jobs: jobs) { range -> Result<PatternSet, ICUError> in
            Result { () throws(ICUError) -> PatternSet in
                var builder = try PatternBuilder()
                builder.reserve(patterns: range.count, tokens: range.count * 3 / 2, units: range.count * 16)
                for index in range {
                    let caseSensitive = entries[index].isCaseSensitive, type = entries[index].type
                    let de = entries[index].de, en = entries[index].en
                    builder.add(index, form: de, kind: .headword, gloss: en, caseSensitive: caseSensitive, type: type)
                    for variant in entries[index].variants where variant != de {
                        builder.add(index, form: variant, kind: .variant, gloss: en, caseSensitive: caseSensitive, type: type)
                    }
                }
                return builder.result
            }
        }
        var sets: [PatternSet] = []
        sets.reserveCapacity(built.count + 1)
        for set in built { sets.append(try set.get()) }

        // Surnames: names written family name first (Chinese, Korean, Japanese: "Xi Jinping",
        // "Kim Jong Un") have no trailing surname to index.
        var surnames: [String: (entries: [Int32], gloss: Set<String>, form: FormKind, surface: String)] = [:]
        for index in entries.indices where entries[index].type == .person && !Self.familyNameFirst(entries[index].orig) {
            let entry = entries[index]
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
        if !surnames.isEmpty {
            var builder = try PatternBuilder()
            for (_, record) in surnames.sorted(by: { $0.key < $1.key }) where record.gloss.count == 1 {
                let entryIndex = Int(record.entries[0])
                builder.add(entryIndex, entries[entryIndex], form: record.surface, kind: .surname, gloss: record.gloss.first!)
            }
            sets.append(builder.result)
        }

        // The pattern sets are joined into flat arrays, and the lookup tables built from them,
        // side by side: each step reads the sets and makes one part of the index.
        let parts = PatternParts(sets)
        sets = []
        let made = parallelMap(Step.allCases, jobs: jobs) { step in step.make(from: parts) }
        var patterns: [Pattern] = [], glosses: [String] = []
        var tokens = PatternTokens()
        var byKey = PatternLists(), byLoose = PatternLists(), byStem = PatternLists()
        var vocabulary = InternTable(), pairs: [UInt64: [Int32]] = [:], tokenFacts: [FormTokenFacts] = []
        var multiWordForms = HashFilter()
        var headStarts = Set<String>(), prefixStarts = Set<String>(), singleStemStarts = StemStarts()
        var compoundCores = CompoundCores()
        var inflectionTails: [UInt64] = []
        for part in made {
            switch part {
            case .words(let words):
                vocabulary = words.vocabulary
                tokenFacts = words.facts
                byKey = words.byKey
                byLoose = words.byLoose
                byStem = words.byStem
                pairs = words.pairs
                multiWordForms = words.multiWordForms
            case .starts(let heads, let prefixes, let stems):
                headStarts = heads
                prefixStarts = prefixes
                singleStemStarts = stems
            case .cores(let cores): compoundCores = cores
            case .patterns(let joined, let english):
                patterns = joined
                glosses = english
            case .surfaces(let surfaces): tokens.surfaces = surfaces
            case .tokenKeys(let keys): tokens.keys = keys
            case .tokenLoose(let loose): tokens.loose = loose
            case .tokenStems(let stems): tokens.stems = stems
            case .inflectionTails(let tails): inflectionTails = tails
            case .pool(let starts, let units, let capitalized):
                tokens.surfaceStart = starts
                tokens.surfacePool = units
                tokens.capitalized = capitalized
            }
        }
        self.patterns = patterns
        self.glosses = glosses
        self.tokens = tokens
        self.byKey = byKey
        self.byLoose = byLoose
        self.byStem = byStem
        self.vocabulary = vocabulary
        self.tokenFacts = tokenFacts
        self.inflectionTails = inflectionTails
        self.pairs = pairs
        self.multiWordForms = multiWordForms
        var startsPair = [Bool](repeating: false, count: vocabulary.count)
        for key in pairs.keys { startsPair[Int(key >> 32)] = true }
        self.startsPair = startsPair
        self.headStarts = headStarts
        self.prefixStarts = prefixStarts
        headStartCodes = TripleSet(headStarts)
        prefixStartCodes = TripleSet(prefixStarts)
        self.singleStemStarts = singleStemStarts
        self.compoundCores = compoundCores
    }

    /// Pattern sets read as if joined: pattern `n` of the index is pattern `n - patternBase[k]` of set `k`.
    private struct PatternParts: Sendable {
        let sets: [PatternSet]
        /// Per set: the index of its first pattern, token and UTF-16 unit in the joined arrays.
        let patternBase: [Int], tokenBase: [Int], unitBase: [Int]
        let patternCount: Int, tokenCount: Int, unitCount: Int

        init(_ sets: [PatternSet]) {
            self.sets = sets
            var patternBase: [Int] = [], tokenBase: [Int] = [], unitBase: [Int] = []
            var patterns = 0, tokens = 0, units = 0
            for set in sets {
                patternBase.append(patterns)
                tokenBase.append(tokens)
                unitBase.append(units)
                patterns += set.patterns.count
                tokens += set.tokens.keys.count
                units += set.tokens.surfacePool.count
            }
            self.patternBase = patternBase
            self.tokenBase = tokenBase
            self.unitBase = unitBase
            patternCount = patterns
            tokenCount = tokens
            unitCount = units
        }

        /// One column of the tokens, joined.
        func joined(_ column: KeyPath<PatternTokens, [String]>) -> [String] {
            var out: [String] = []
            out.reserveCapacity(tokenCount)
            for set in sets { out.append(contentsOf: set.tokens[keyPath: column]) }
            return out
        }
    }

    /// The parts of the index, each made from the pattern sets on its own. The lookup tables
    /// come first: they take longest.
    private enum Step: CaseIterable {
        case words, starts, cores, patterns, tokenKeys, tokenStems, surfaces, tokenLoose, pool, inflectionTails

        /// What the `words` step makes.
        struct Words: Sendable {
            let vocabulary: InternTable
            let facts: [FormTokenFacts]
            let byKey: PatternLists, byLoose: PatternLists, byStem: PatternLists
            let pairs: [UInt64: [Int32]]
            let multiWordForms: HashFilter
        }

        enum Made: Sendable {
            case words(Words)
            case starts(heads: Set<String>, prefixes: Set<String>, stems: StemStarts)
            case cores(CompoundCores)
            case patterns([Pattern], glosses: [String])
            case surfaces([String]), tokenKeys([String]), tokenLoose([String]), tokenStems([String])
            case inflectionTails([UInt64])
            case pool(starts: [Int32], units: [UInt16], capitalized: [Bool])
        }

        func make(from parts: PatternParts) -> Made {
            switch self {
            case .words:
                return .words(Self.words(from: parts))
            case .starts:
                // First three letters, packed 21 bits each: each is made a string once, in
                // pattern order (of canonically equivalent strings, a set keeps the first).
                var heads = Set<String>(), prefixes = Set<String>(), stemStarts = StemStarts()
                var seenHeads = Set<UInt64>(), seenPrefixes = Set<UInt64>()
                func insert(_ text: String, ifScalars minimum: Int, into set: inout Set<String>, seen: inout Set<UInt64>) {
                    let (scalars, packed) = Self.firstThree(text)
                    if scalars >= minimum && seen.insert(packed).inserted { set.insert(Self.string(packed)) }
                }
                for set in parts.sets {
                    let keys = set.tokens.keys, stems = set.tokens.stems, loose = set.tokens.loose, capitalized = set.tokens.capitalized
                    for p in set.patterns.indices where set.patterns[p].count == 1 {
                        let first = Int(set.patterns[p].firstToken), role = set.patterns[p].role
                        stemStarts.insert(stem: stems[first])
                        if role.contains(.head) {
                            insert(keys[first], ifScalars: 6, into: &heads, seen: &seenHeads)
                            insert(stems[first], ifScalars: 6, into: &heads, seen: &seenHeads)
                        }
                        if !set.patterns[p].caseSensitive && !role.contains(.neverFirstPart) && capitalized[first] {
                            insert(keys[first], ifScalars: 4, into: &prefixes, seen: &seenPrefixes)
                            insert(loose[first], ifScalars: 4, into: &prefixes, seen: &seenPrefixes)
                        }
                    }
                }
                return .starts(heads: heads, prefixes: prefixes, stems: stemStarts)
            case .cores:
                var cores = CompoundCores()
                for set in parts.sets {
                    let keys = set.tokens.keys, loose = set.tokens.loose, capitalized = set.tokens.capitalized
                    for pattern in set.patterns where pattern.count == 1 {
                        let first = Int(pattern.firstToken)
                        // The forms `Matcher.compoundPrefixMatch` accepts.
                        if !pattern.caseSensitive && !pattern.role.contains(.neverFirstPart) && capitalized[first] {
                            cores.insert(keys[first].unicodeScalars)
                            cores.insert(loose[first].unicodeScalars)
                        }
                    }
                }
                return .cores(cores)
            case .patterns:
                var patterns: [Pattern] = [], glosses: [String] = []
                patterns.reserveCapacity(parts.patternCount)
                glosses.reserveCapacity(parts.patternCount)
                for (k, set) in parts.sets.enumerated() {
                    let shift = Int32(parts.tokenBase[k])
                    for pattern in set.patterns {
                        patterns.append(Pattern(entry: pattern.entry, firstToken: pattern.firstToken + shift, count: pattern.count, form: pattern.form,
                                                caseSensitive: pattern.caseSensitive, isName: pattern.isName, role: pattern.role))
                    }
                    glosses.append(contentsOf: set.glosses)
                }
                return .patterns(patterns, glosses: glosses)
            case .surfaces: return .surfaces(parts.joined(\.surfaces))
            case .tokenKeys: return .tokenKeys(parts.joined(\.keys))
            case .tokenLoose: return .tokenLoose(parts.joined(\.loose))
            case .tokenStems: return .tokenStems(parts.joined(\.stems))
            case .inflectionTails:
                var tails: [UInt64] = []
                tails.reserveCapacity(parts.tokenCount)
                for set in parts.sets {
                    for (key, stem) in zip(set.tokens.keys, set.tokens.stems) {
                        // (A key that is its own stem has nothing after it.)
                        tails.append(key == stem ? 0 : GermanInflection.tail(of: key, stem: stem))
                    }
                }
                return .inflectionTails(tails)
            case .pool:
                var starts: [Int32] = [], units: [UInt16] = [], capitalized: [Bool] = []
                starts.reserveCapacity(parts.tokenCount)
                units.reserveCapacity(parts.unitCount)
                capitalized.reserveCapacity(parts.tokenCount)
                for (k, set) in parts.sets.enumerated() {
                    let shift = Int32(parts.unitBase[k])
                    for start in set.tokens.surfaceStart { starts.append(start + shift) }
                    units.append(contentsOf: set.tokens.surfacePool)
                    capitalized.append(contentsOf: set.tokens.capitalized)
                }
                return .pool(starts: starts, units: units, capitalized: capitalized)
            }
        }

        /// The vocabulary (every key, loose key and stem of a pattern token, numbered in token
        /// order), each token's numbers, and the lookup tables by those numbers: single-token
        /// patterns by key, loose key and stem; multi-token patterns by the (stem, stem) and
        /// (loose key, loose key) of their first two tokens, packed as `first << 32 | second`.
        private static func words(from parts: PatternParts) -> Words {
            var vocabulary = InternTable()
            vocabulary.reserve(parts.tokenCount * 3 / 2)
            var facts: [FormTokenFacts] = []
            facts.reserveCapacity(parts.tokenCount)
            for set in parts.sets {
                let keys = set.tokens.keys, loose = set.tokens.loose, stems = set.tokens.stems, capitalized = set.tokens.capitalized
                for i in keys.indices {
                    let key = vocabulary.intern(keys[i].utf8.span).id
                    // Most tokens have no diacritics, and many are their own stem.
                    let looseNumber = loose[i] == keys[i] ? key : vocabulary.intern(loose[i].utf8.span).id
                    let stem = stems[i] == keys[i] ? key : stems[i] == loose[i] ? looseNumber : vocabulary.intern(stems[i].utf8.span).id
                    let lengths = KeyLengths(keys[i])
                    facts.append(FormTokenFacts(key: key, loose: looseNumber, stem: stem, characters: lengths.characters, utf8: lengths.utf8,
                                                capitalized: capitalized[i],
                                                isLatinSingular: capitalized[i] && Matcher.isLatinSingular(keys[i].utf8.span)))
                }
            }
            var keyLists = PatternLists.Builder(), looseLists = PatternLists.Builder(), stemLists = PatternLists.Builder()
            var pairs: [UInt64: [Int32]] = [:]
            var multiWordKeys: [UInt64] = []
            var index = Int32(0)
            for (k, set) in parts.sets.enumerated() {
                let shift = parts.tokenBase[k]
                for pattern in set.patterns {
                    let first = facts[Int(pattern.firstToken) + shift]
                    if pattern.count == 1 {
                        keyLists.append(index, to: first.key)
                        if first.loose != first.key { looseLists.append(index, to: first.loose) }
                        stemLists.append(index, to: first.stem)
                    } else {
                        let second = facts[Int(pattern.firstToken) + shift + 1]
                        let stemPair = UInt64(first.stem) << 32 | UInt64(second.stem)
                        let loosePair = UInt64(first.loose) << 32 | UInt64(second.loose)
                        pairs[stemPair, default: []].append(index)
                        if loosePair != stemPair { pairs[loosePair, default: []].append(index) }
                        // What `MatchState.pairGroup` lists the pattern under, for each of its pairs.
                        func list(under pair: UInt64) {
                            guard pattern.isListedByThird else {
                                multiWordKeys.append(GlossaryIndex.multiWordKey(pair, GlossaryIndex.anyThird))
                                return
                            }
                            let third = facts[Int(pattern.firstToken) + shift + 2]
                            multiWordKeys.append(GlossaryIndex.multiWordKey(pair, third.loose))
                            if third.stem != third.loose { multiWordKeys.append(GlossaryIndex.multiWordKey(pair, third.stem)) }
                        }
                        list(under: stemPair)
                        if loosePair != stemPair { list(under: loosePair) }
                    }
                    index += 1
                }
            }
            // Matching looks the vocabulary up for every new key, stem and piece of a text, most
            // of them absent: the filter answers those without reading the slots.
            vocabulary.buildFilter()
            var multiWordForms = HashFilter(capacity: multiWordKeys.count)
            for key in multiWordKeys { multiWordForms.insert(key) }
            return Words(vocabulary: vocabulary, facts: facts, byKey: keyLists.lists(vocabulary), byLoose: looseLists.lists(vocabulary),
                         byStem: stemLists.lists(vocabulary), pairs: pairs, multiWordForms: multiWordForms)
        }

        /// The number of scalars of `text` (counted up to 6) and its first three scalars, packed.
        private static func firstThree(_ text: String) -> (scalars: Int, packed: UInt64) {
            var scalars = 0, packed: UInt64 = 0, shift: UInt64 = 0
            var bytes = text.utf8.makeIterator()
            while let byte = bytes.next() {
                var value = UInt32(byte)
                if byte >= 0x80 {
                    // A lead byte, then 1...3 continuation bytes.
                    let extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1
                    value &= byte >= 0xF0 ? 0x07 : byte >= 0xE0 ? 0x0F : 0x1F
                    for _ in 0..<extra { value = value << 6 | UInt32(bytes.next()! & 0x3F) }
                }
                scalars += 1
                if scalars <= 3 {
                    packed |= UInt64(value) << shift
                    shift += 21
                } else if scalars >= 6 {
                    break
                }
            }
            return (scalars, packed)
        }

        private static func string(_ packed: UInt64) -> String {
            var scalars = String.UnicodeScalarView()
            for shift: UInt64 in [0, 21, 42] { scalars.append(Unicode.Scalar(UInt32(packed >> shift & 0x1F_FFFF))!) }
            return String(scalars)
        }
    }

    func view(_ index: Int32) -> PatternView { PatternView(pattern: patterns[Int(index)], tokens: tokens, gloss: glosses[Int(index)]) }

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
        guard mayHaveDiacritics(key) else { return key }
        // A loose key is never longer in UTF-8 than its key (a base letter is shorter than its
        // letter or as long): built on the stack for all but the longest keys.
        let bytes = key.utf8.span
        if bytes.count <= 64 {
            var buffer = InlineArray<64, UInt8>(repeating: 0)
            var out = buffer.mutableSpan
            guard let count = loosen(bytes, into: &out) else { return general(key) }
            return String(copying: UTF8Span(unchecked: out.span.extracting(0..<count)))
        }
        var storage = [UInt8](repeating: 0, count: bytes.count)
        var out = storage.mutableSpan
        guard let count = loosen(bytes, into: &out) else { return general(key) }
        return String(copying: UTF8Span(unchecked: out.span.extracting(0..<count)))
    }

    /// The fast path of `make`: Latin letters with precomposed diacritics, on UTF-8, written to
    /// the start of `out` (at least as long as `key`); the number of bytes written, or nil for a
    /// key with any other letter from U+0080 on (then `general`). What it writes is valid UTF-8:
    /// ASCII bytes, sequences copied whole, and encoded base letters.
    static func loosen(_ key: Span<UInt8>, into out: inout MutableSpan<UInt8>) -> Int? {
        let bases = latinBases
        var n = 0, i = 0
        while i < key.count {
            let byte = key[i]
            if byte < 0x80 {
                out[n] = byte
                n += 1
                i += 1
                continue
            }
            if byte == 0xE2 {
                // General punctuation and currency signs, U+2002..<U+20D0 ("–", "„", "…", "€"):
                // no canonical decomposition, no combining mark, so their own loose form.
                guard i + 2 < key.count else { return nil }
                let value = UInt32(key[i + 1] & 0x3F) << 6 | UInt32(key[i + 2] & 0x3F) | 0x2000
                guard value >= 0x2002 && value < 0x20D0 else { return nil }
                for k in 0..<3 { out[n + k] = key[i + k] }
                n += 3
                i += 3
                continue
            }
            guard byte >= 0xC2 && byte <= 0xC9 && i + 1 < key.count else { return nil }
            let low = key[i + 1]
            let value = UInt32(byte & 0x1F) << 6 | UInt32(low & 0x3F)
            let base = value < 0xC0 ? 0 : value < 0x250 ? bases[Int(value - 0xC0)] : UInt32.max
            if base == UInt32.max { return nil }
            if base == 0 {
                out[n] = byte
                out[n + 1] = low
                n += 2
            } else if base < 0x80 {
                out[n] = UInt8(base)
                n += 1
            } else {
                // A base letter from U+0080 on is below U+0800 (Latin): two bytes.
                out[n] = UInt8(0xC0 | base >> 6)
                out[n + 1] = UInt8(0x80 | base & 0x3F)
                n += 2
            }
            i += 2
        }
        return n
    }

    /// Whether `key` has a byte from 0xC3 on (a letter from U+00C0 on): without one it is its
    /// own loose key.
    @inline(__always)
    static func mayHaveDiacritics(_ key: String) -> Bool {
        let span = key.utf8.span
        for i in span.indices where span[i] >= 0xC3 { return true }
        return false
    }

    /// The loose form of one scalar below U+0250 (the scalar itself when it has no base letter).
    @inline(__always)
    static func base(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        guard value >= 0xC0, value < 0x250, latinBases[Int(value - 0xC0)] != 0 else { return scalar }
        return Unicode.Scalar(latinBases[Int(value - 0xC0)]) ?? scalar
    }

    /// `slow`, for a key the fast path of `make` does not cover: a key that is in NFD and NFC
    /// already and has no mark to drop is its own loose form, told by ICU's checks without
    /// normalizing (box-drawing characters and arrows, common in the tables of technical text).
    static func general(_ key: String) -> String {
        if !key.unicodeScalars.contains(where: { (0x300...0x36F).contains($0.value) }),
           (try? ICUText.isNormalized(key, .nfd)) == true, (try? ICUText.isNormalized(key, .nfc)) == true {
            return key
        }
        return slow(key)
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

/// Pattern numbers listed by a string of the index's vocabulary (a key, a loose key, a stem):
/// found by the string's number (an array read) or by the string (hashing its bytes, see
/// `InternTable`; index strings are NFC by construction).
struct PatternLists: Sendable {
    /// The index's vocabulary, for lookups by string.
    private let vocabulary: InternTable
    /// The patterns of string number `n` are `patterns[starts[n]..<starts[n + 1]]`.
    private let starts: [Int32]
    private let patterns: [Int32]

    init() {
        vocabulary = InternTable()
        starts = [0]
        patterns = []
    }

    /// (String number, pattern) pairs, in pattern order, gathered into lists.
    struct Builder {
        private var numbers: [Int32] = []
        private var listed: [Int32] = []

        mutating func append(_ pattern: Int32, to number: Int32) {
            numbers.append(number)
            listed.append(pattern)
        }

        /// The lists (a counting sort by number, which keeps each list in pattern order).
        func lists(_ vocabulary: InternTable) -> PatternLists {
            var starts = [Int32](repeating: 0, count: vocabulary.count + 1)
            for number in numbers { starts[Int(number) + 1] += 1 }
            for n in 0..<vocabulary.count { starts[n + 1] += starts[n] }
            var next = starts
            var patterns = [Int32](repeating: 0, count: listed.count)
            for (number, pattern) in zip(numbers, listed) {
                patterns[Int(next[Int(number)])] = pattern
                next[Int(number)] += 1
            }
            return PatternLists(vocabulary: vocabulary, starts: starts, patterns: patterns)
        }
    }

    private init(vocabulary: InternTable, starts: [Int32], patterns: [Int32]) {
        self.vocabulary = vocabulary
        self.starts = starts
        self.patterns = patterns
    }

    /// The patterns listed under vocabulary number `number` (none for a negative number: a
    /// string that is not in the vocabulary).
    @inline(__always)
    subscript(number number: Int32) -> ArraySlice<Int32> {
        guard number >= 0 && Int(number) + 1 < starts.count else { return [] }
        return patterns[Int(starts[Int(number)])..<Int(starts[Int(number) + 1])]
    }

    /// The patterns listed under `key`, or nil when none is.
    subscript(key: String) -> [Int32]? {
        guard let number = vocabulary.find(key) else { return nil }
        let list = self[number: number]
        return list.isEmpty ? nil : Array(list)
    }

    var isEmpty: Bool { patterns.isEmpty }

    /// Every string with its list, in vocabulary order (for tests and tools).
    var all: [(key: String, value: [Int32])] {
        (0..<(starts.count - 1)).compactMap { n in
            let list = self[number: Int32(n)]
            return list.isEmpty ? nil : (vocabulary.string(Int32(n)), Array(list))
        }
    }
}

/// The lengths of a key: characters (for stem plausibility), UTF-8 bytes (for spelling
/// distance) and Unicode scalars (for compound offsets).
struct KeyLengths {
    let characters: Int32
    let utf8: Int32
    let scalars: Int32

    init(_ key: String) {
        // One pass over the bytes, without early exits: scalars are the bytes that do not continue
        // a sequence; the largest byte and whether any is a carriage return tell a simple key.
        let bytes = key.utf8.span
        var continuations = 0
        var largest: UInt8 = 0
        var carriageReturns = 0
        for i in bytes.indices {
            let byte = bytes[i]
            continuations &+= byte & 0xC0 == 0x80 ? 1 : 0
            largest = max(largest, byte)
            carriageReturns &+= byte == 0x0D ? 1 : 0
        }
        let scalars = bytes.count &- continuations
        // Below U+0300 and without a carriage return, each scalar is a character of its own.
        characters = Int32(largest < 0xCC && carriageReturns == 0 ? scalars : key.count)
        utf8 = Int32(bytes.count)
        self.scalars = Int32(scalars)
    }
}

/// A fixed number of bits, set and tested by number: the storage of the bit filters in front
/// of the index's and the matcher memory's tables.
struct BitArray: Sendable {
    private var words: [UInt64]

    /// `count` bits (a multiple of 64), all clear.
    init(count: Int) {
        words = [UInt64](repeating: 0, count: max(1, count >> 6))
    }

    @inline(__always)
    mutating func insert(_ bit: Int) {
        words[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    @inline(__always)
    func contains(_ bit: Int) -> Bool {
        words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The number of cache lines of the bits (see `MatchState.warmCaches`).
    var cacheLines: Int { (words.count + 7) / 8 }

    /// Reads one word of each cache line, in order, and returns their sum (see `MatchState.warmCaches`).
    func readEachCacheLine() -> UInt64 {
        var sum: UInt64 = 0
        for i in stride(from: 0, to: words.count, by: 8) { sum &+= words[i] }
        return sum
    }
}

/// Strings of three scalars, packed (`MatchState.pack`), with a bit filter in front of the set:
/// most positions of most words start none of them, and a bit test costs less than hashing.
struct TripleSet: Sendable {
    private var bits = BitArray(count: 1 << 16)
    private var codes = Set<UInt64>()

    init(_ strings: Set<String>) {
        for string in strings {
            let scalars = Array(string.unicodeScalars)
            guard scalars.count == 3 else { continue }
            let code = MatchState.pack(scalars[0], scalars[1], scalars[2])
            codes.insert(code)
            bits.insert(Self.bit(code))
        }
    }

    @inline(__always)
    func contains(_ code: UInt64) -> Bool {
        bits.contains(Self.bit(code)) && codes.contains(code)
    }

    /// One of 2^16 bits, by a multiplicative hash.
    @inline(__always)
    private static func bit(_ code: UInt64) -> Int {
        Int(truncatingIfNeeded: (code &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }
}

/// The starts of a set of stems (see `GermanStemmer.stemStart`) in a bit filter: stems of
/// three letters, and the first four letters of longer ones, packed 16 bits each. A bit filter
/// is enough: a start let through by mistake costs one stemming, never a match.
struct StemStarts: Sendable {
    private var bits = BitArray(count: 1 << 16)
    /// Whether a stem has a letter from U+0800 among its first four (then nothing is ruled out).
    private var unpackable = false

    mutating func insert(stem: String) {
        var code: UInt64 = 0, count = 0
        for scalar in stem.unicodeScalars.prefix(4) {
            guard scalar.value < 0x800 else {
                unpackable = true
                return
            }
            code = code << 16 | UInt64(scalar.value)
            count += 1
        }
        guard count >= 3 else { return }
        bits.insert(Self.bit(code, count))
    }

    /// False when the stem of `key` is certainly none of the stems inserted.
    func mayContainStem(of key: String) -> Bool {
        let (code, count) = GermanStemmer.stemStart(of: key)
        // Four letters or more after the prelude: the stem is exactly the first three, or
        // begins with the four.
        guard count == 4, !unpackable else { return true }
        return bits.contains(Self.bit(code >> 16, 3)) || bits.contains(Self.bit(code, 4))
    }

    /// One of 2^16 bits, by a multiplicative hash of the packed letters and their count.
    private static func bit(_ code: UInt64, _ count: Int) -> Int {
        Int(truncatingIfNeeded: ((code | UInt64(count) << 62) &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }
}

/// A bit filter over hashes of scalar sequences: `mayContain` is false for every sequence
/// never inserted but a few percent of them, and true for every inserted one.
struct CompoundCores: Sendable {
    private var bits = BitArray(count: 1 << 22)

    /// FNV-1a over scalar values: extended one scalar at a time, so that every prefix of a
    /// word has its hash in one step.
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    static func hash(_ hash: UInt64, _ scalar: UInt32) -> UInt64 {
        (hash ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3
    }

    mutating func insert(_ scalars: String.UnicodeScalarView) {
        var hash = Self.seed
        for scalar in scalars { hash = Self.hash(hash, scalar.value) }
        bits.insert(Self.bit(hash))
    }

    @inline(__always)
    func mayContain(hash: UInt64) -> Bool {
        bits.contains(Self.bit(hash))
    }

    /// 2^22 bits, by a multiplicative hash of the FNV value.
    @inline(__always)
    private static func bit(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 42)
    }
}

/// Splits a glossary form into tokens exactly as documents are tokenized.
enum FormSplitter {
    /// Calls `body` with the surface and the key of each token of `form`, in order: the pieces
    /// between spaces (split on Characters) when all are simple, else the tokenizer's tokens.
    static func forEachCharacterToken(of form: String, tokenizer: GermanTokenizer, _ body: (_ surface: String, _ key: String) -> Void) {
        // Fast path: space-separated pieces of letters, digits, inner hyphens and apostrophes.
        let pieces = form.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
        if pieces.allSatisfy(isSimple) {
            for piece in pieces {
                let surface = String(piece)
                body(surface, MatchKey.make(surface))
            }
        } else {
            tokenize(form, tokenizer: tokenizer, body)
        }
    }

    /// The tokenizer's tokens of `form`.
    static func tokenize(_ form: String, tokenizer: GermanTokenizer, _ body: (_ surface: String, _ key: String) -> Void) {
        let document = tokenizer.document(form)
        for token in document.tokens { body(document.text(of: token), document.key(of: token)) }
    }

    /// For a form whose scalars are all below U+0250, where every scalar is a Character of its
    /// own (no marks, joiners or prepended characters) so that splitting at spaces on bytes is
    /// splitting at Characters: whether every piece between spaces and no-break spaces is simple
    /// (`isSimple`). Nil for other forms.
    static func latinPiecesAreSimple(_ bytes: [UInt8]) -> Bool? {
        var simple = true, inPiece = false, lastIsLetterOrDigit = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            var value = UInt32(byte)
            i += 1
            if byte >= 0x80 {
                guard byte >= 0xC2 && byte <= 0xC9, i < bytes.count else { return nil }
                value = UInt32(byte & 0x1F) << 6 | UInt32(bytes[i] & 0x3F)
                i += 1
                if value >= 0x250 { return nil }
            }
            if value == 0x20 || value == 0xA0 {
                if inPiece && !lastIsLetterOrDigit { simple = false }
                inPiece = false
                continue
            }
            let letterOrDigit: Bool
            if value < 0x80 {
                letterOrDigit = (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A || (value >= 0x30 && value <= 0x39)
            } else if value < 0xC0 {
                letterOrDigit = latin1LettersAndDigits[Int(value - 0x80)]
            } else {
                letterOrDigit = value != 0xD7 && value != 0xF7
            }
            if !inPiece {
                if !letterOrDigit { simple = false }
                inPiece = true
            } else if !letterOrDigit && value != 0x2D {
                simple = false
            }
            lastIsLetterOrDigit = letterOrDigit
        }
        if inPiece && !lastIsLetterOrDigit { simple = false }
        return simple
    }

    /// Whether U+0080...U+00BF are letters or digits (`isSimple`'s test).
    private static let latin1LettersAndDigits: [Bool] = (0x80..<0xC0).map { value in
        let properties = Unicode.Scalar(UInt32(value))!.properties
        return properties.isAlphabetic || properties.numericType != nil
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
