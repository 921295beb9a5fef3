import GlossaStemmer
import GlossaText

/// What a `Matcher` has worked out about keys, stems, raw forms and glossary forms, kept from
/// one document to the next.
///
/// Everything the matcher remembers depends only on a key's or stem's letters (and the case
/// flags of the token), or a raw form's code units, never on where or in which document it was
/// seen, so a memory changes how fast documents are matched, never what is found. A large text
/// cut into pieces and matched with one memory per thread gives exactly the matches of a single
/// run. Keys and raw forms are found by the numbers their tokenizer gives them
/// (`Document.keyNumbers`) for the last few tokenizers met, else by their letters.
///
/// Not thread-safe: use one per thread (for example through a `ResourcePool`).
public final class MatchMemory {
    /// The number of remembered keys (or word pieces) after which the memory starts afresh, to
    /// bound its size.
    public let limit: Int
    var state: MatchState?

    public init(limit: Int = 1 << 20) {
        self.limit = limit
    }

    /// Takes the state out (so that it is mutated without copies), fresh when it belongs to
    /// another index or has grown past the limit.
    func take(for index: GlossaryIndex) -> MatchState {
        let kept = state
        state = nil
        if let kept, kept.index === index, kept.keyFacts.count < limit, kept.pieces.count < limit, kept.pairTable.count < limit,
           kept.hyphenPool.count < limit { return kept }
        return MatchState(index: index)
    }
}

/// What the scan reads of a key at nearly every token: its numbers (for any token of the key),
/// and what is known of it as a word (`stemVocabulary` and the flags). The memory keeps one record
/// per key slot (`MatchState.slotRecords`); a document works on copies, one per key of the
/// document (`MatchState.records`, indexed by the document's key id), which stay in the cache
/// (the document's keys are far fewer than the memory's), and copies them back when it is done.
struct KeyRecord {
    /// The key's slot in the memory, and its number in the index's vocabulary (or -1; `KeyFacts.key`).
    let slot: Int32
    let keyVocabulary: Int32
    /// The key's loose key's number in the index's vocabulary (or -1; `KeyFacts.loose`).
    let looseVocabulary: Int32
    /// The word stem's number in the index's vocabulary (or -1); `unknown` until worked out.
    var stemVocabulary: Int32
    /// Whether any single-token form is found for the key as a word, and whether a multi-token
    /// form may start with it: 1, 0, or -1 while not known.
    var hasSingles: Int8
    var startsMulti: Int8
    /// Whether the key has name-genitive base forms (`MatchState.genitiveBases`) whose loose key
    /// or stem some glossary form has (`MatchState.anyInVocabulary`; the scan looks no further
    /// for any other): 1, 0, or -1 while not known.
    var hasGenitives: Int8 = -1
    /// Whether the key (as a capitalized word) holds a compound part (`MatchState.compoundParts`):
    /// 1, 0, or -1 while not known.
    var hasCompoundPart: Int8 = -1

    static let unknown = Int32.min
}

/// Facts about one key (a token's matching key), independent of any document.
///
/// Strings are numbered by the index's vocabulary (`GlossaryIndex.vocabulary`), -1 for one
/// that is not in it: such a string equals no string of a glossary form, so comparing the
/// numbers of a document's string and a form's is comparing the strings.
struct KeyFacts {
    /// The key and its form without diacritics (multi-token forms are also found by it).
    let key: Int32
    let loose: Int32
    /// Lengths of the key: characters (for stem plausibility), UTF-8 bytes (for spelling
    /// distance) and Unicode scalars (for compound offsets).
    let characters: Int32
    let utf8: Int32
    let scalars: Int32
}

/// A name's genitive base form ("Russlands" → "Russland"), as numbers of the index's
/// vocabulary (see `KeyFacts`).
struct GenitiveBase {
    let key: Int32
    let loose: Int32
    let stemVocabulary: Int32
}

/// Facts about one token of a glossary form (`GlossaryIndex.tokenFacts`): its strings'
/// numbers in the index's vocabulary, its key's lengths, and whether it starts with a capital
/// (`PatternTokens.capitalized`; here too, so that verifying a token reads one record).
struct FormTokenFacts: Sendable {
    let key: Int32
    let loose: Int32
    let stem: Int32
    let characters: Int32
    let utf8: Int32
    let capitalized: Bool
    /// A capitalized key in "-um" whose plural is in "-en" (`Matcher.isLatinPlural`).
    let isLatinSingular: Bool
}

/// A single-token pattern that may match a token of a given key and case flags: its kind and
/// spelling distance, or, when the kind depends on the token's own letters (exact or case,
/// case-sensitive forms), `dependsOnLetters`.
struct SingleCandidate {
    let pattern: Int32
    let kind: MatchKind
    let distance: Int32
    let dependsOnLetters: Bool
    /// What the scan needs of the pattern, so that it reads no pattern (its gloss is read when
    /// the match wins).
    let entry: Int32
    let firstToken: Int32
    let form: FormKind
    let caseSensitive: Bool
    /// The form's surface in `index.tokens.surfacePool` (start, end), for the exact-or-case
    /// test without another lookup.
    let surfaceStart: Int32
    let surfaceEnd: Int32

    init(pattern: Int32, of index: GlossaryIndex, kind: MatchKind = .exact, distance: Int32 = 0, dependsOnLetters: Bool) {
        let p = index.patterns[Int(pattern)]
        let starts = index.tokens.surfaceStart, i = Int(p.firstToken)
        surfaceStart = starts[i]
        surfaceEnd = i + 1 < starts.count ? starts[i + 1] : Int32(index.tokens.surfacePool.count)
        self.pattern = pattern
        self.kind = kind
        self.distance = distance
        self.dependsOnLetters = dependsOnLetters
        entry = p.entry
        firstToken = p.firstToken
        form = p.form
        caseSensitive = p.caseSensitive
    }
}

/// The best single-token match of a token of one raw form (see `Matcher.bestSingle`): its
/// pattern (-1: none) and what the scan needs of it.
struct SingleOutcome {
    /// 0 while not worked out; 1 when worked out for a word token, 2 for any other token.
    var known: UInt8 = 0
    var kind: MatchKind = .exact
    var form: FormKind = .headword
    var pattern: Int32 = -1
    var entry: Int32 = 0
    var distance: Int32 = 0
}

/// The outcomes of raw forms' tokens inside a sentence and at their start, by form number, in
/// two arrays: the scan reads the first at nearly every token (four forms' outcomes to a cache
/// line rather than two; forms are numbered as first met, so a text's frequent forms share
/// lines), the second at sentence starts only. (Measured against one array of pairs: 2% fewer
/// reads from the cache's last level, the pieces' first pass 2% faster, medians of 10.)
struct FormOutcomes {
    private(set) var inside: [SingleOutcome] = []
    private(set) var atStart: [SingleOutcome] = []

    var count: Int { inside.count }

    /// The number of cache lines of the outcomes inside sentences (see `MatchState.warmCaches`).
    var cacheLines: Int { (inside.count + 3) / 4 }

    /// Reads one outcome of each cache line of those inside sentences, in order (see `MatchState.warmCaches`).
    func readEachCacheLine() -> UInt64 {
        var sum: UInt64 = 0
        for i in stride(from: 0, to: inside.count, by: 4) { sum &+= UInt64(truncatingIfNeeded: inside[i].pattern) }
        return sum
    }

    @inline(__always)
    subscript(form: Int, atStart atStart: Bool) -> SingleOutcome {
        get { atStart ? self.atStart[form] : inside[form] }
        set {
            // (Forms are numbered as first met: mostly one append.)
            while form >= inside.count {
                inside.append(SingleOutcome())
                self.atStart.append(SingleOutcome())
            }
            if atStart { self.atStart[form] = newValue } else { inside[form] = newValue }
        }
    }
}

/// The multi-token patterns that share their first two tokens' numbers (one list of
/// `GlossaryIndex.pairs`), split by their third token: verifying every pattern that starts
/// with "in der" at every "in der" would cost more than all the rest of matching.
struct PairGroup {
    /// Patterns to verify whatever the third token is (two tokens, case-sensitive ones):
    /// a range of `MatchState.groupAlways`.
    let always: Range<Int>
    /// Patterns of three tokens or more by their third token's loose key and by its stem
    /// (numbers of the index's vocabulary): a range of `MatchState.groupThird`, (number, pattern)
    /// sorted by number. A token can only match a form token with the same loose key (exact,
    /// case, diacritics), the same stem (inflected), or, for a name's genitive, whose loose key
    /// is a genitive base's.
    let byThird: Range<Int>
}

/// Pairs (see `GlossaryIndex.pairs`) to their group's number in `MatchState.groups`, or -1
/// for a pair that passed the bit filter but starts no form: open addressing over (pair, value)
/// entries, so that a probe reads one cache line; `UInt64.max` marks an empty slot (a pair packs
/// two non-negative `Int32`s, so it is never that).
struct PairTable {
    private struct Entry {
        var pair: UInt64 = .max
        var value: Int32 = 0
    }
    private var entries = [Entry](repeating: Entry(), count: 1024)
    private(set) var count = 0

    @inline(__always)
    private func home(_ pair: UInt64) -> Int {
        Int(truncatingIfNeeded: (pair &* 0x9E37_79B9_7F4A_7C15) >> 32) & (entries.count - 1)
    }

    func find(_ pair: UInt64) -> Int32? {
        var slot = home(pair)
        while true {
            let entry = entries[slot]
            if entry.pair == pair { return entry.value }
            if entry.pair == .max { return nil }
            slot = (slot + 1) & (entries.count - 1)
        }
    }

    mutating func insert(_ pair: UInt64, _ value: Int32) {
        if 2 * (count + 1) > entries.count {
            let old = entries
            entries = [Entry](repeating: Entry(), count: old.count * 2)
            count = 0
            for entry in old where entry.pair != .max { insert(entry.pair, entry.value) }
        }
        var slot = home(pair)
        while entries[slot].pair != .max { slot = (slot + 1) & (entries.count - 1) }
        entries[slot] = Entry(pair: pair, value: value)
        count += 1
    }
}

/// The single-token patterns a piece of a word (a hyphen part, a compound's head) may match,
/// by how they are found: by its key, by its key without diacritics (and patterns whose key is
/// that), by a name genitive's base, by its stem.
struct PieceCandidates {
    let key: [Int32]
    let loose: [Int32]
    let genitive: [Int32]
    /// Nil until needed (`Matcher.pieceMatch`): a stem costs more than the rest, and most pieces
    /// with candidates by key need none. Worked out at once for a piece without other candidates.
    var stem: [Int32]?
    /// The piece's length in characters (for `Matcher.stemMatchIsPlausible`).
    let characters: Int32
    /// What the piece has after its stem (`GermanInflection.tail(of:stem:)`), worked out with
    /// its stem candidates (`unknownTail` before, or when it has none).
    var inflectionTail = GermanInflection.unknownTail

    var isEmpty: Bool { key.isEmpty && loose.isEmpty && genitive.isEmpty && stem?.isEmpty != false }
}

/// A glossary term found inside a closed compound key: as its first part (`prefix`, the term
/// is `length` scalars long) or as its head (starting `length` scalars in).
struct CompoundHit: Equatable {
    let pattern: Int32
    let prefix: Bool
    let length: Int32
}

/// The arrays the compound scan of one key works in (see `MatchState.compoundScratch`): the
/// key's scalars, their UTF-8 offsets, and the hashes of its prefixes with and without diacritics.
struct CompoundScratch {
    var letters: [Unicode.Scalar] = []
    var offsets: [Int] = []
    var hashes: [UInt64] = []
    var looseHashes: [UInt64] = []
}

/// What the memory keeps of a key's compound part (`MatchState.compoundParts`): the hit, and
/// what its match needs of the pattern and of the key, so that a later token of the key reads
/// this record only.
struct CompoundPart {
    let hit: CompoundHit
    let entry: Int32
    let form: FormKind
    /// The key's length in Unicode scalars (`KeyFacts.scalars`).
    let keyScalars: Int32
    /// A head after the first part ("Russland|s|sanktionen"), when there is one: its hit, entry and form.
    var head: CompoundHit? = nil
    var headEntry: Int32 = 0
    var headForm: FormKind = .headword
}

/// The memory's contents: facts by key slot, raw form and pair, in flat arrays.
struct MatchState {
    let index: GlossaryIndex
    /// Keys numbered by slot; facts and per-key caches by key slot. While the memory has met a
    /// single numbering (`KeyNumbers`: one tokenizer, the common case) a key without a slot for
    /// its number is new to it, and the keys are only kept in `slotKeys`; the table is made from
    /// them when a second numbering comes (`keyNumbering`), and kept from then on, with the slot
    /// of each of its strings (`slotOfKey`, by the table's number).
    var keySlots = InternTable()
    var slotOfKey: [Int32] = []
    var slotKeys: [String] = []
    var internsKeys = false
    var keyFacts: [KeyFacts] = []
    /// Per key slot, its genitive bases (`genitiveBases`): a range (start, count) of
    /// `genitivePool`, start -1 while not worked out (flat, so that reading them copies no array).
    var genitiveRanges: [SIMD2<Int32>] = []
    var genitivePool: [GenitiveBase] = []
    /// Per key slot with single-token candidates, a block of 16 entries of `singles`, one per
    /// case flags (`singleBlocks[slot] << 4 | flags`): the range of `singlePool` holding the
    /// candidates (start, count), start -1 while not worked out. A slot gets its block when its
    /// first candidates are found (-1 until then): most keys have none, and 128 bytes for each
    /// of them was most of a first sight's memory.
    var singleBlocks: [Int32] = []
    var singles: [SIMD2<Int32>] = []
    var singlePool: [SingleCandidate] = []
    /// A buffer for the candidates being collected (reused, so that collecting allocates nothing).
    var candidateBuffer: [Int32] = []
    /// A buffer for a string made from a key's bytes to be looked up (a Latin plural's singular).
    var byteBuffer: [UInt8] = []
    /// Buffers of the compound scan (reused: it runs for most new capitalized keys).
    var compoundScratch = CompoundScratch()
    /// Per key slot: the compound part found in it (nil: none, or not worked out: see
    /// `KeyRecord.hasCompoundPart`).
    var compoundParts: [CompoundPart?] = []
    /// Per key slot: what the key (as a word) has after its stem (`GermanInflection.tail(of:stem:)`),
    /// `tailNotWorkedOut` until a stem match asks.
    var inflectionTails: [UInt64] = []
    static let tailNotWorkedOut = UInt64.max - 1
    /// Multi-token patterns by their pair (the key of `GlossaryIndex.pairs`), split by their third token.
    var pairTable = PairTable()
    var groups: [PairGroup] = []
    var groupAlways: [Int32] = []
    var groupThird: [SIMD2<Int32>] = []
    /// Pieces of words (hyphen parts, compound heads) numbered by their key, and their candidates.
    var pieceKeys = InternTable()
    var pieces: [PieceCandidates] = []
    /// Hyphen-part matches, relative to the token's start (case matters for the parts, so they
    /// are kept per raw form): for the raw forms of the document's numbering (taken from
    /// `slotsByNumber` meanwhile), per form and sentence-start flag (`form << 1 | 1` at a
    /// sentence's start), a range (start, count) of `hyphenPool`, start -1 while not worked out.
    var hyphenByForm: [SIMD2<Int32>] = []
    var hyphenPool: [Match] = []
    /// A buffer for the parts of the hyphenated token being worked out.
    var hyphenPartBuffer: [Document.HyphenPartBytes] = []
    /// Per key slot, for the key as anything but a word (a word's are in its `KeyRecord`):
    /// whether any single-token form is found by the key (1), none is (0), or not known yet (-1).
    var hasSingles: [Int8] = []
    /// Per key slot, for the key as anything but a word: whether a multi-token form may start
    /// with such a token (1), not (0), or not known yet (-1).
    var startsMulti: [Int8] = []
    /// The records of the keys of the document being matched (see `KeyRecord`), and of every
    /// key slot (what documents learned, copied back when each is done).
    var records: [KeyRecord] = []
    var slotRecords: [KeyRecord] = []

    /// Key slots by the numbers of the tokenizers' numberings met (see `KeyNumbers`), -1 where
    /// not known, and the best single-token matches of their raw forms: the last few
    /// numberings, in the order first met (with their hyphen parts, see `hyphenByForm`).
    var slotsByNumber: [(numbering: KeyNumbering, slots: [Int32], forms: FormOutcomes, hyphens: [SIMD2<Int32>])] = []
    static let numberingsKept = 4
    /// The raw forms' outcomes of the document being matched (taken from `slotsByNumber`
    /// meanwhile), by form number; forms numbered from `formOutcomeLimit` on are not kept.
    var formOutcomes = FormOutcomes()
    static let formOutcomeLimit = 1 << 19

    /// The position in `slotsByNumber` of `numbering`'s slots (added, and the oldest dropped
    /// past `numberingsKept`, when it is new).
    mutating func keyNumbering(_ numbering: KeyNumbering) -> Int {
        if let m = slotsByNumber.firstIndex(where: { $0.numbering === numbering }) { return m }
        if !slotsByNumber.isEmpty && !internsKeys {
            // A second numbering: its keys may have slots already, found by their letters.
            keySlots.reserve(slotKeys.count)
            for (slot, key) in slotKeys.enumerated() where keySlots.intern(key.utf8.span).isNew { slotOfKey.append(Int32(slot)) }
            slotKeys = []
            internsKeys = true
        }
        if slotsByNumber.count >= Self.numberingsKept { slotsByNumber.removeFirst() }
        slotsByNumber.append((numbering, [], FormOutcomes(), []))
        return slotsByNumber.count - 1
    }

    /// A bit per hash of each key of `index.pairs`: most pairs of adjacent words start no
    /// multi-token form, and a bit test is far cheaper than a dictionary lookup.
    let pairBits: BitArray


    /// Three scalars packed into one number (21 bits each).
    @inline(__always)
    static func pack(_ a: Unicode.Scalar, _ b: Unicode.Scalar, _ c: Unicode.Scalar) -> UInt64 {
        UInt64(a.value) << 42 | UInt64(b.value) << 21 | UInt64(c.value)
    }

    init(index: GlossaryIndex) {
        self.index = index
        var bits = BitArray(count: 1 << 21)
        for pair in index.pairs.keys { bits.insert(MatchState.pairBit(pair)) }
        pairBits = bits
    }

    /// The number of `text` in the index's vocabulary, or -1 (see `KeyFacts`).
    func number(_ text: String) -> Int32 {
        index.vocabulary.find(text) ?? -1
    }

    /// The vocabulary numbers of a key and of its loose key (the same string, and number, for
    /// the many keys without a letter from U+00C0 on).
    func numbers(ofKey key: String) -> (key: Int32, loose: Int32) {
        let keyNumber = number(key)
        return (keyNumber, LooseKey.mayHaveDiacritics(key) ? number(LooseKey.make(key)) : keyNumber)
    }

    /// Makes room for a first document's `count` keys, so that the tables do not grow as they
    /// come. (A warm memory grows as usual: most keys are known.)
    mutating func reserve(keys count: Int) {
        guard keyFacts.isEmpty else { return }
        if internsKeys { keySlots.reserve(count) } else { slotKeys.reserveCapacity(count) }
        keyFacts.reserveCapacity(count)
        slotRecords.reserveCapacity(count)
        singleBlocks.reserveCapacity(count)
    }

    /// The slot of a key that has none in the document's numbering, creating its facts on first
    /// sight (see `keySlots`).
    mutating func keySlot(_ key: String) -> Int32 {
        let slot = Int32(keyFacts.count)
        if internsKeys {
            let (id, isNew) = keySlots.intern(key.utf8.span)
            guard isNew else { return slotOfKey[Int(id)] }
            slotOfKey.append(slot)
        } else {
            slotKeys.append(key)
        }
        let (keyNumber, looseNumber) = numbers(ofKey: key)
        let lengths = KeyLengths(key)
        keyFacts.append(KeyFacts(key: keyNumber, loose: looseNumber, characters: lengths.characters, utf8: lengths.utf8, scalars: lengths.scalars))
        slotRecords.append(KeyRecord(slot: slot, keyVocabulary: keyNumber, looseVocabulary: looseNumber, stemVocabulary: KeyRecord.unknown, hasSingles: -1, startsMulti: -1))
        genitiveRanges.append(SIMD2(-1, 0))
        singleBlocks.append(-1)
        startsMulti.append(-1)
        hasSingles.append(-1)
        compoundParts.append(nil)
        inflectionTails.append(Self.tailNotWorkedOut)
        return slot
    }

    /// The genitive bases of the key in `slot`, `keys[key]`, a range of `genitivePool` (worked
    /// out on first use; the key is read only then).
    mutating func genitiveBases(_ slot: Int32, key: Int32, of keys: [String], stemmer: GermanStemmer) -> Range<Int> {
        let known = genitiveRanges[Int(slot)]
        if known.x >= 0 { return Int(known.x)..<Int(known.x + known.y) }
        let start = genitivePool.count
        for base in GermanGenitive.baseForms(of: keys[Int(key)]) {
            let numbers = numbers(ofKey: base)
            genitivePool.append(GenitiveBase(key: numbers.key, loose: numbers.loose, stemVocabulary: number(stemmer.stem(base))))
        }
        genitiveRanges[Int(slot)] = SIMD2(Int32(start), Int32(genitivePool.count - start))
        return start..<genitivePool.count
    }


    /// Whether any of the genitive bases `bases` (a range of `genitivePool`) has a loose key or
    /// stem that some glossary form has: only those can continue or start a multi-token form
    /// ("des" has the base "de", which few glossaries know).
    func anyInVocabulary(_ bases: Range<Int>) -> Bool {
        for k in bases where genitivePool[k].loose >= 0 || genitivePool[k].stemVocabulary >= 0 { return true }
        return false
    }

    /// Whether `pair` passes the bit filter (see `pairBits`): false for most pairs, which then
    /// start no multi-token form.
    @inline(__always)
    func mayStartForms(_ pair: UInt64) -> Bool {
        pairBits.contains(Self.pairBit(pair))
    }

    /// Whether `bestMulti` at `token` (whose key may start a multi-token form: `startsMulti` as
    /// the scan read it) followed by `next` would find that none of their pairs passes the bit
    /// filter, told from the two keys' records alone (most of the time, once both keys are
    /// known): then the call is saved. False when it cannot tell.
    ///
    /// (`@inline(always)` where the compiler has it, 6.3 on: 6.3 takes `@inline(__always)` as a
    /// hint, and left out of the scan this is a call that copies the whole state at every token
    /// it is asked at.)
    #if compiler(>=6.3)
    @inline(always)
    #else
    @inline(__always)
    #endif
    func startsNoPair(_ token: Token, _ next: Token, startsMulti: Int8) -> Bool {
        let first = records[Int(token.keyID)], second = records[Int(next.keyID)]
        // (As `Matcher.Scan.stemVocabulary`: a word's stem is worked out once per key, any other
        // token's stem is its key.)
        let firstStem = token.kind == .word ? first.stemVocabulary : first.keyVocabulary
        let nextStem = next.kind == .word ? second.stemVocabulary : second.keyVocabulary
        guard startsMulti > 0, firstStem != KeyRecord.unknown, nextStem != KeyRecord.unknown else { return false }
        if firstStem >= 0 {
            // (A next word with genitive bases is paired with their stems too.)
            guard next.kind != .word || second.hasGenitives == 0 else { return false }
            if nextStem >= 0 && mayStartForms(UInt64(firstStem) << 32 | UInt64(nextStem)) { return false }
        }
        let firstLoose = first.looseVocabulary, nextLoose = second.looseVocabulary
        if firstLoose >= 0 && nextLoose >= 0 && (firstLoose != firstStem || nextLoose != nextStem)
            && mayStartForms(UInt64(firstLoose) << 32 | UInt64(nextLoose)) { return false }
        return true
    }

    /// The bit of a pair in `pairBits` (a multiplicative hash onto 2^21 bits).
    @inline(__always)
    static func pairBit(_ pair: UInt64) -> Int {
        Int(truncatingIfNeeded: (pair &* 0x9E37_79B9_7F4A_7C15) >> 43)
    }

    /// The number (in `groups`) of the group of the multi-token patterns listed under `pair`
    /// in the index, or nil when none is; worked out once per pair.
    mutating func pairGroup(_ pair: UInt64) -> Int? {
        guard mayStartForms(pair) else { return nil }
        if let known = pairTable.find(pair) { return known >= 0 ? Int(known) : nil }
        guard let patterns = index.pairs[pair] else {
            pairTable.insert(pair, -1)
            return nil
        }
        let alwaysStart = groupAlways.count
        var third: [(number: Int32, order: Int, pattern: Int32)] = []
        for candidate in patterns {
            let p = index.patterns[Int(candidate)]
            guard p.isListedByThird else {
                groupAlways.append(candidate)
                continue
            }
            let facts = formToken(Int(p.firstToken) + 2)
            third.append((facts.loose, third.count, candidate))
            if facts.stem != facts.loose { third.append((facts.stem, third.count, candidate)) }
        }
        // By number; patterns of one number in the index's order.
        third.sort { ($0.number, $0.order) < ($1.number, $1.order) }
        let thirdStart = groupThird.count
        groupThird.append(contentsOf: third.map { SIMD2($0.number, $0.pattern) })
        groups.append(PairGroup(always: alwaysStart..<groupAlways.count, byThird: thirdStart..<groupThird.count))
        pairTable.insert(pair, Int32(groups.count - 1))
        return groups.count - 1
    }

    /// Reads the tables that matching a document reads at random, one cache line after another:
    /// the key slots by the tokenizer's numbers and the key records (one read per document key),
    /// the raw forms' outcomes and the pair filter (a read at nearly every token). Tokenizing a
    /// large piece pushes them out of the cache; a pass in order brings them back for a
    /// fraction of what the scan's random reads would wait for them (the pipeline's pieces'
    /// first pass about 3% faster, `ab-bench.sh`, medians of 10). Done only when the document has at
    /// least as many tokens as the tables have cache lines, so that a short text in a long-lived
    /// memory does not pay for tables it barely reads. The sum of what was read is kept
    /// (`warmUpSum`), so that the reads are not left out as unused.
    mutating func warmCaches(numbering m: Int, tokenCount: Int) {
        let slots = slotsByNumber[m].slots, forms = slotsByNumber[m].forms
        // (A key slot is 4 bytes, a key record 20.)
        let lines = (slots.count + 15) / 16 + (slotRecords.count + 2) / 3 + forms.cacheLines + pairBits.cacheLines
        guard lines > 0 && tokenCount >= lines else { return }
        var sum = forms.readEachCacheLine() &+ pairBits.readEachCacheLine()
        for i in stride(from: 0, to: slots.count, by: 16) { sum &+= UInt64(truncatingIfNeeded: slots[i]) }
        for i in stride(from: 0, to: slotRecords.count, by: 3) { sum &+= UInt64(truncatingIfNeeded: slotRecords[i].keyVocabulary) }
        warmUpSum &+= sum
        warmUps += 1
    }
    var warmUpSum: UInt64 = 0
    /// How many documents read the tables in order (for tests).
    var warmUps = 0

    /// Facts about token `i` of the index's flat form tokens.
    @inline(__always)
    func formToken(_ i: Int) -> FormTokenFacts {
        index.tokenFacts[i]
    }
}
