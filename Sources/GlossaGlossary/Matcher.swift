import GlossaStemmer
import GlossaText

/// How a glossary form was found in the text, from the most to the least literal.
public enum MatchKind: String, Sendable, CaseIterable, Comparable {
    /// The form exactly as written in the glossary.
    case exact
    /// The same letters in another case ("KUBA", "russland").
    case `case`
    /// A listed variant spelling or form.
    case variant
    /// An inflected form: the same Snowball stem ("Vereinigten Staaten", "russischen") or a
    /// name's genitive ("Russlands", "Moskaus", "Borissows").
    case inflected
    /// The same letters without diacritics ("Fernandez" for "Fernández").
    case diacritics
    /// One part of a hyphenated compound ("Castro" in "Castro-Diktatur").
    case hyphenPart = "hyphen-part"
    /// The first or last part of a closed compound ("Lateinamerika" in "Lateinamerikareise").
    case compoundPart = "compound-part"
    /// Not from a glossary: a name that looks like a German transcription, with a suggested English.
    case guess

    /// The position in the order above (0 for `exact`).
    public var rank: Int {
        switch self {
        case .exact: 0
        case .case: 1
        case .variant: 2
        case .inflected: 3
        case .diacritics: 4
        case .hyphenPart: 5
        case .compoundPart: 6
        case .guess: 7
        }
    }

    public static func < (a: MatchKind, b: MatchKind) -> Bool { a.rank < b.rank }
}

/// Options of the matcher.
public struct MatchOptions: Sendable {
    /// Find glossary terms inside closed compounds (prefix or head).
    public var compoundParts = true
    /// Find glossary terms inside hyphenated compounds.
    public var hyphenParts = true
    /// Minimum letters of a glossary term found inside a closed compound.
    public var minimumCompoundPart = 4
    /// Minimum letters of the rest of a closed compound.
    public var minimumCompoundRest = 4

    public init() {}
    public static let `default` = MatchOptions()
}

/// One occurrence of a glossary entry in a document.
public struct Match: Sendable, Hashable {
    // Stored compactly (32-bit numbers, as tokens store offsets): a large text has millions.
    private let entryIndex: Int32
    private let firstToken: Int32
    private let tokenEnd: Int32
    private let startOffset: Int32
    private let endOffset: Int32
    public let kind: MatchKind
    public let form: FormKind
    /// The glossary form that matched (its English is `GlossaryIndex.gloss(of:)`): a number, not
    /// the string, so that making and dropping millions of matches counts no references.
    let pattern: Int32

    init(entry: Int, tokens: Range<Int>, start: Int, end: Int, kind: MatchKind, form: FormKind, pattern: Int32) {
        entryIndex = Int32(entry)
        firstToken = Int32(tokens.lowerBound)
        tokenEnd = Int32(tokens.upperBound)
        startOffset = Int32(start)
        endOffset = Int32(end)
        self.kind = kind
        self.form = form
        self.pattern = pattern
    }

    /// Index into the glossary's `entries`.
    public var entry: Int { Int(entryIndex) }
    /// The number of the glossary form that matched, among the index's forms (headwords,
    /// variants, surnames): matches of one form share their English.
    public var formIndex: Int { Int(pattern) }
    /// The tokens the match lies in (for a part match: the one token containing it).
    public var tokens: Range<Int> { Int(firstToken)..<Int(tokenEnd) }
    /// Unicode scalar offsets into the original text, end-exclusive.
    public var start: Int { Int(startOffset) }
    public var end: Int { Int(endOffset) }
}

extension Match {
    /// The match a chosen hit becomes.
    init(_ hit: Hit) {
        entryIndex = hit.entry
        firstToken = hit.firstToken
        tokenEnd = hit.tokenEnd
        startOffset = hit.start
        endOffset = hit.end
        kind = hit.kind
        form = hit.form
        pattern = hit.pattern
    }

    /// The same match moved by `offset` scalars onto other tokens (for per-form caches).
    func shifted(by offset: Int, tokens: Range<Int>) -> Match {
        Match(entry: entry, tokens: tokens, start: start + offset, end: end + offset, kind: kind, form: form, pattern: pattern)
    }
}

/// A match while it is being chosen: numbers only (no strings, so copying it costs nothing);
/// it becomes a `Match` when it wins.
struct Hit {
    let pattern: Int32
    let entry: Int32
    let firstToken: Int32
    let tokenEnd: Int32
    let start: Int32
    let end: Int32
    let kind: MatchKind
    let form: FormKind
    /// Spelling distance (see `Matcher.verify`), for the overlap rule; `unknownDistance` where
    /// not worked out (a multi-token hit that no other hit of its length and kind has met).
    let distance: Int32
    static let unknownDistance: Int32 = -1

    var tokenCount: Int32 { tokenEnd - firstToken }

    /// The same hit with spelling distance `distance`.
    func with(distance: Int32) -> Hit {
        Hit(pattern: pattern, entry: entry, firstToken: firstToken, tokenEnd: tokenEnd, start: start, end: end, kind: kind, form: form, distance: distance)
    }
}

/// Finds glossary entries in a document.
///
/// Rule for overlaps: scanning left to right, at each token the longest match starting
/// there wins (most tokens); among equally long ones the more literal kind (the order of
/// `MatchKind`), then the entry loaded later (file precedence). Matches never overlap and
/// never cross a sentence boundary. A token without a whole-token match is searched for
/// hyphen parts, then for a compound part.
///
/// What can be worked out once per distinct key (candidate forms, the best single-token
/// choice up to the token's own letters, compound parts) or per distinct raw form (the best
/// single-token match) is kept in a `MatchMemory`, which may be carried from one document to
/// the next; it never changes the result.
public struct Matcher: Sendable {
    public let index: GlossaryIndex
    public let options: MatchOptions
    private let stemmer = GermanStemmer()

    public init(index: GlossaryIndex, options: MatchOptions = .default) {
        self.index = index
        self.options = options
    }

    /// Every match in `document`, in text order.
    public func matches(in document: Document) -> [Match] {
        matches(in: document, memory: MatchMemory())
    }

    /// Every match in `document`, in text order, using and extending `memory` (one per thread).
    public func matches(in document: Document, memory: MatchMemory) -> [Match] {
        var state = memory.take(for: index)
        let scan = Scan(document: document, index: index, state: &state)
        let result = run(scan, &state)
        putBack(scan, &state, into: memory)
        return result
    }

    /// Puts what the document learned about its keys and forms back into `memory`, for the next
    /// documents (the key records and the numbering's form tables `Scan.init` took out).
    private func putBack(_ scan: Scan, _ state: inout MatchState, into memory: MatchMemory) {
        for record in state.records { state.slotRecords[Int(record.slot)] = record }
        swap(&state.formOutcomes, &state.slotsByNumber[scan.numbering].forms)
        swap(&state.hyphenByForm, &state.slotsByNumber[scan.numbering].hyphens)
        memory.state = state
    }

    /// The document being matched, with its keys' and stems' slots in the memory.
    struct Scan {
        let document: Document
        let tokens: [Token]
        let units: [UInt16]
        /// The memory's key slot of each of the document's keys.
        let keySlots: [Int32]
        /// Each token's raw form number (see `KeyNumbers.tokenForms`), and the position of their
        /// numbering in the memory's `slotsByNumber`.
        let tokenForms: [Int32]
        let numbering: Int
        /// The index's patterns and form tokens, held here so that the hot loops retain nothing.
        let patterns: [Pattern]
        let surfacePool: [UInt16]
        let surfaceStart: [Int32]

        init(document: Document, index: GlossaryIndex, state: inout MatchState) {
            self.document = document
            tokens = document.tokens
            units = document.utf16
            patterns = index.patterns
            surfacePool = index.tokens.surfacePool
            surfaceStart = index.tokens.surfaceStart
            var slots: [Int32] = []
            slots.reserveCapacity(document.keys.count)
            state.reserve(keys: document.keys.count)
            state.records.removeAll(keepingCapacity: true)
            state.records.reserveCapacity(document.keys.count)
            // Keys are found by their tokenizer's numbers where the memory has met that numbering
            // before (an array read); a key without a slot for its number is looked up by its
            // letters, or, while the memory has met one numbering only, is new (see `keySlots`).
            let numbers = document.keyNumbers.numbers
            let m = state.keyNumbering(document.keyNumbers.numbering)
            state.warmCaches(numbering: m, tokenCount: document.tokens.count)
            for (k, key) in document.keys.enumerated() {
                let number = Int(numbers[k])
                var slot = number < state.slotsByNumber[m].slots.count ? state.slotsByNumber[m].slots[number] : -1
                if slot < 0 {
                    slot = state.keySlot(key)
                    // (Numbers come mostly in order: one append, cheaper than appending a repetition.)
                    while number >= state.slotsByNumber[m].slots.count { state.slotsByNumber[m].slots.append(-1) }
                    state.slotsByNumber[m].slots[number] = slot
                }
                slots.append(slot)
                state.records.append(state.slotRecords[Int(slot)])
            }
            keySlots = slots
            tokenForms = document.keyNumbers.tokenForms
            numbering = m
            // The best single-token matches of the numbering's forms (put back when the document is done).
            swap(&state.formOutcomes, &state.slotsByNumber[m].forms)
            swap(&state.hyphenByForm, &state.slotsByNumber[m].hyphens)
        }

        /// The number of a token's stem in the index's vocabulary (-1: no form has it), from the
        /// document's key records. Words are stemmed: a word's stem is looked up once per key and
        /// kept in its record (which goes back into the memory with the document). Any other
        /// token's stem is its key (`Lexicon.stemID`), whose number the record has.
        @inline(__always)
        func stemVocabulary(of token: Token, _ state: inout MatchState) -> Int32 {
            let record = state.records[Int(token.keyID)]
            guard token.kind == .word else { return record.keyVocabulary }
            if record.stemVocabulary != KeyRecord.unknown { return record.stemVocabulary }
            let number = state.number(document.stems[Int(token.stemID)])
            state.records[Int(token.keyID)].stemVocabulary = number
            return number
        }
    }

    private func run(_ scan: Scan, _ state: inout MatchState) -> [Match] {
        let document = scan.document
        let tokens = scan.tokens
        var result: [Match] = []
        // Room for a match per token (with a large glossary about half the tokens match; growing
        // would copy the matches so far). Pages never written to are never touched.
        result.reserveCapacity(tokens.count)
        // Spaced compounds are in token order: walk them with the scan (the next one's first
        // token is kept at hand, `Int.max` past the last, as most tokens start none).
        let compounds = document.spacedCompounds
        var nextCompound = 0
        var nextCompoundStart = compounds.isEmpty ? Int.max : compounds[0].tokens.lowerBound

        for sentence in document.sentences {
            var t = sentence.tokens.lowerBound
            let sentenceEnd = sentence.tokens.upperBound
            while t < sentenceEnd {
                let atStart = t == sentence.tokens.lowerBound
                let token = tokens[t]
                var best = bestSingle(at: t, token, atSentenceStart: atStart, scan, &state)
                if nextCompoundStart <= t {
                    while nextCompound < compounds.count && compounds[nextCompound].tokens.lowerBound < t { nextCompound += 1 }
                    nextCompoundStart = nextCompound < compounds.count ? compounds[nextCompound].tokens.lowerBound : Int.max
                    // (A spaced compound's two tokens beat any single token.)
                    if nextCompoundStart == t, compounds[nextCompound].tokens.upperBound <= sentenceEnd,
                       let hit = matchCompound(compounds[nextCompound], in: document), best == nil || better(hit, than: best!) {
                        best = hit
                    }
                }
                // Most tokens start no multi-token form: decided once per key, without looking
                // further (from the key's record for a word), before calling.
                let startsMulti = token.kind == .word ? state.records[Int(token.keyID)].startsMulti
                    : state.startsMulti[Int(scan.keySlots[Int(token.keyID)])]
                if startsMulti != 0 && t + 1 < sentenceEnd && !state.startsNoPair(token, tokens[t + 1], startsMulti: startsMulti) {
                    bestMulti(at: t, token, startsMulti: startsMulti, sentenceStart: sentence.tokens.lowerBound, sentenceEnd: sentenceEnd,
                              best: &best, scan, &state)
                }
                if let best {
                    result.append(Match(best))
                    t = Int(best.tokenEnd)
                    continue
                }
                if token.kind == .word {
                    if options.hyphenParts && token.flags.contains(.hyphenated) {
                        appendHyphenParts(at: t, atSentenceStart: atStart, scan, &state, to: &result)
                    } else if options.compoundParts && token.flags.contains(.capitalized) && !token.flags.contains(.allCaps),
                              state.records[Int(token.keyID)].hasCompoundPart != 0 {
                        appendCompoundParts(at: t, scan, &state, to: &result)
                    }
                }
                t += 1
            }
        }
        return result
    }

    /// The overlap rule: more tokens, then a more literal kind, then a smaller spelling
    /// distance (a genitive "-s" beats a different word with the same stem), then a full
    /// form over a surname, then the entry loaded later.
    private func better(_ a: Hit, than b: Hit) -> Bool {
        if a.tokenCount != b.tokenCount { return a.tokenCount > b.tokenCount }
        if a.kind != b.kind { return a.kind < b.kind }
        if a.distance != b.distance { return a.distance < b.distance }
        if (a.form == .surname) != (b.form == .surname) { return b.form == .surname }
        return a.entry > b.entry
    }

    /// Appends the hyphen-part matches of token `t`: worked out once per raw form (case matters
    /// for the parts) and sentence-start flag, and kept relative to the token's start.
    private func appendHyphenParts(at t: Int, atSentenceStart: Bool, _ scan: Scan, _ state: inout MatchState, to result: inout [Match]) {
        let token = scan.tokens[t]
        let form = Int(scan.tokenForms[t])
        guard form >= 0 && form < MatchState.formOutcomeLimit else {
            // No raw form (hyphenated across a line break) or too many: worked out each time.
            hyphenPartMatches(t, atSentenceStart: atSentenceStart, in: scan.document, shift: 0, tokens: t..<(t + 1), into: &result, &state)
            return
        }
        let index = form << 1 | (atSentenceStart ? 1 : 0)
        while index >= state.hyphenByForm.count { state.hyphenByForm.append(SIMD2(-1, 0)) }
        if state.hyphenByForm[index].x < 0 {
            // (Into the pool, taken out meanwhile.)
            var pool = state.hyphenPool
            state.hyphenPool = []
            let start = pool.count
            hyphenPartMatches(t, atSentenceStart: atSentenceStart, in: scan.document, shift: Int(token.start), tokens: 0..<1, into: &pool, &state)
            state.hyphenPool = pool
            state.hyphenByForm[index] = SIMD2(Int32(start), Int32(state.hyphenPool.count - start))
        }
        let range = state.hyphenByForm[index]
        for k in Int(range.x)..<Int(range.x + range.y) {
            result.append(state.hyphenPool[k].shifted(by: Int(token.start), tokens: t..<(t + 1)))
        }
    }

    // MARK: Single tokens

    /// The best single-token match at token `t`.
    ///
    /// What it finds depends only on the token's code units (which give its key and case flags),
    /// whether it is a word and whether it starts a sentence: it is kept per raw form number
    /// (`MatchState.formOutcomes`) and found there for the form's later tokens.
    @inline(__always)
    private func bestSingle(at t: Int, _ token: Token, atSentenceStart: Bool, _ scan: Scan, _ state: inout MatchState) -> Hit? {
        let form = Int(scan.tokenForms[t])
        let known: UInt8 = token.kind == .word ? 1 : 2
        if form >= 0 && form < state.formOutcomes.count {
            let outcome = state.formOutcomes[form, atStart: atSentenceStart]
            if outcome.known == known {
                guard outcome.pattern >= 0 else { return nil }
                return Hit(pattern: outcome.pattern, entry: outcome.entry, firstToken: Int32(t), tokenEnd: Int32(t + 1), start: token.start,
                           end: token.end, kind: outcome.kind, form: outcome.form, distance: outcome.distance)
            }
        }
        return newFormSingle(at: t, form: form, known: known, atSentenceStart: atSentenceStart, scan, &state)
    }

    /// `bestSingle` for a form not seen yet in this place (kept for its later tokens).
    @inline(never)
    private func newFormSingle(at t: Int, form: Int, known: UInt8, atSentenceStart: Bool, _ scan: Scan, _ state: inout MatchState) -> Hit? {
        let found = bestSingleByKey(at: t, atSentenceStart: atSentenceStart, scan, &state)
        if form >= 0 && form < MatchState.formOutcomeLimit {
            let outcome = found.map { SingleOutcome(known: known, kind: $0.kind, form: $0.form, pattern: $0.pattern, entry: $0.entry, distance: $0.distance) }
                ?? SingleOutcome(known: known)
            state.formOutcomes[form, atStart: atSentenceStart] = outcome
        }
        return found
    }

    /// `bestSingle` from the key's candidates. They are worked out once per key and case flags
    /// (capitalized, all caps, sentence start, word); per token only the candidates whose kind
    /// depends on the token's own letters (exact or case) are checked.
    private func bestSingleByKey(at t: Int, atSentenceStart: Bool, _ scan: Scan, _ state: inout MatchState) -> Hit? {
        let token = scan.tokens[t]
        var flags = 0
        if token.flags.contains(.capitalized) { flags |= 1 }
        if token.flags.contains(.allCaps) { flags |= 2 }
        if atSentenceStart { flags |= 4 }
        if token.kind == .word { flags |= 8 }
        let slot = scan.keySlots[Int(token.keyID)]
        // Most keys have no single-token form at all: decided from the key's record (a word) or a small array.
        if token.kind == .word {
            if state.records[Int(token.keyID)].hasSingles == 0 { return nil }
        } else if state.hasSingles[Int(slot)] == 0 {
            return nil
        }
        var block = Int(state.singleBlocks[Int(slot)])
        if block < 0 || state.singles[block << 4 | flags].x < 0 {
            collectSingles(at: t, atSentenceStart: atSentenceStart, flags: flags, scan, &state)
            block = Int(state.singleBlocks[Int(slot)])
            guard block >= 0 else { return nil }
        }
        let range = state.singles[block << 4 | flags]
        let first = Int(range.x), count = Int(range.y)
        guard count > 0 else { return nil }
        var best: Hit?
        for c in first..<(first + count) {
            let candidate = state.singlePool[c]
            let found: Hit?
            if candidate.dependsOnLetters && !candidate.caseSensitive {
                // Same key: exact when the letters are the form's, else case.
                let exact = Self.unitsEqual(scan.surfacePool, Int(candidate.surfaceStart), Int(candidate.surfaceEnd),
                                            scan.units, Int(token.utf16Start), Int(token.utf16End))
                let kind: MatchKind = candidate.form == .variant ? .variant : (exact ? .exact : .case)
                found = Hit(pattern: candidate.pattern, entry: candidate.entry, firstToken: Int32(t), tokenEnd: Int32(t + 1), start: token.start,
                            end: token.end, kind: kind, form: candidate.form, distance: 0)
            } else if candidate.dependsOnLetters {
                found = verify(candidate.pattern, at: t, sentenceStart: atSentenceStart ? t : -1, sentenceEnd: t + 1, scan, &state)
            } else {
                found = Hit(pattern: candidate.pattern, entry: candidate.entry, firstToken: Int32(t), tokenEnd: Int32(t + 1), start: token.start,
                            end: token.end, kind: candidate.kind, form: candidate.form, distance: candidate.distance)
            }
            if let found, best == nil || better(found, than: best!) { best = found }
        }
        return best
    }

    /// Works out the single-token candidates for the key and case flags (`flags`) of token `t`:
    /// every form whose kind depends on the token's letters, and the best of the others (which
    /// all tokens with this key and flags share). A key without candidates gets no block.
    private func collectSingles(at t: Int, atSentenceStart: Bool, flags: Int, _ scan: Scan, _ state: inout MatchState) {
        let token = scan.tokens[t]
        let slot = scan.keySlots[Int(token.keyID)]
        let facts = state.keyFacts[Int(slot)]
        let keyNumber = facts.key
        // Into a buffer the memory keeps (most keys have no candidate, and none allocates then).
        var candidates = state.candidateBuffer
        state.candidateBuffer = []
        candidates.removeAll(keepingCapacity: true)
        appendPatterns(key: facts.key, loose: facts.loose, to: &candidates)
        // A feminine plural in "-innen" ("Soldatinnen", "Ministerinnen"): the noun, by its
        // feminine form in "-in" or its masculine one ("Soldatin", "Soldat"), single-word forms only.
        var feminine: [Int32] = []
        if token.kind == .word {
            // (Not `MatchState.genitiveBases`, which also stems each base.)
            for base in GermanGenitive.baseForms(of: scan.document.keys[Int(token.keyID)]) {
                let numbers = state.numbers(ofKey: base)
                appendPatterns(key: numbers.key, loose: numbers.loose, to: &candidates)
            }
            Self.append(index.byStem[number: scan.stemVocabulary(of: token, &state)], to: &candidates)
            // A Latin plural: its singular (`isLatinPlural`); a city's adjective in "-er": the city
            // (`isCityAdjective`; `tokenTier` asks for its capital). Looked up by bytes: most
            // words that end so are neither, and a string each would cost more than the lookup.
            let bytes = scan.document.keys[Int(token.keyID)].utf8.span
            if bytes.count >= 5 && Self.endsWith(bytes, 0x65, 0x6E) {
                feminine = femininePluralCandidates(bytes)
                var singular = state.byteBuffer
                state.byteBuffer = []
                singular.removeAll(keepingCapacity: true)
                for i in 0..<(bytes.count - 2) { singular.append(bytes[i]) }
                singular.append(0x75)
                singular.append(0x6D)
                if let number = index.vocabulary.find(singular.span) { Self.append(index.byKey[number: number], to: &candidates) }
                state.byteBuffer = singular
            } else if bytes.count >= 6 && Self.endsWith(bytes, 0x65, 0x72), let number = index.vocabulary.find(bytes.extracting(0..<(bytes.count - 2))) {
                for candidate in index.byKey[number: number] {
                    let p = index.patterns[Int(candidate)]
                    if p.count == 1 && p.role.contains(.city) { candidates.append(candidate) }
                }
            }
        }
        // The candidates depend on the key and the word flag only, not on the case flags.
        if token.kind == .word {
            state.records[Int(token.keyID)].hasSingles = candidates.isEmpty && feminine.isEmpty ? 0 : 1
        } else {
            state.hasSingles[Int(slot)] = candidates.isEmpty ? 0 : 1
        }
        guard !candidates.isEmpty || !feminine.isEmpty else {
            state.candidateBuffer = candidates
            return
        }
        if state.singleBlocks[Int(slot)] < 0 {
            state.singleBlocks[Int(slot)] = Int32(state.singles.count >> 4)
            state.singles.append(contentsOf: repeatElement(SIMD2(-1, 0), count: 16))
        }
        let start = Int32(state.singlePool.count)
        var best: Hit?
        for (k, candidate) in candidates.enumerated() {
            let p = index.patterns[Int(candidate)]
            if p.caseSensitive || state.formToken(Int(p.firstToken)).key == keyNumber {
                // (Each once, in the order first listed: a pattern can be listed by key and by stem.)
                if !candidates[..<k].contains(candidate) {
                    state.singlePool.append(SingleCandidate(pattern: candidate, of: index, dependsOnLetters: true))
                }
                continue
            }
            guard let found = verify(candidate, at: t, sentenceStart: atSentenceStart ? t : -1, sentenceEnd: t + 1, scan, &state) else { continue }
            if best == nil || better(found, than: best!) { best = found }
        }
        if let found = bestFemininePlural(feminine, at: t, flags: flags, scan), best == nil || better(found, than: best!) { best = found }
        if let best {
            state.singlePool.append(SingleCandidate(pattern: best.pattern, of: index, kind: best.kind, distance: best.distance, dependsOnLetters: false))
        }
        state.singles[Int(state.singleBlocks[Int(slot)]) << 4 | flags] = SIMD2(start, Int32(state.singlePool.count) - start)
        state.candidateBuffer = candidates
    }

    /// The single-word patterns a feminine plural in "-innen" (a key's `bytes`) may be a form of: those
    /// of its feminine singular in "-in" and of its masculine form ("soldatinnen": "soldatin",
    /// "soldat"). Nothing for a key that does not end so (most).
    private func femininePluralCandidates(_ bytes: Span<UInt8>) -> [Int32] {
        // "innen" after at least three bytes.
        guard bytes.count >= 8, bytes[bytes.count - 5] == 0x69, bytes[bytes.count - 4] == 0x6E, bytes[bytes.count - 3] == 0x6E,
              Self.endsWith(bytes, 0x65, 0x6E) else { return [] }
        var found: [Int32] = []
        for cut in [3, 5] {
            guard let number = index.vocabulary.find(bytes.extracting(0..<(bytes.count - cut))) else { continue }
            for candidate in index.byKey[number: number] where index.patterns[Int(candidate)].count == 1 { found.append(candidate) }
        }
        return found
    }

    /// The best hit among feminine-plural candidates (`femininePluralCandidates`) for token `t`
    /// with case flags `flags`: a capitalized noun form, and a token with a capital (or at a
    /// sentence's start, or in capitals); inflected (a variant's kind at best).
    private func bestFemininePlural(_ candidates: [Int32], at t: Int, flags: Int, _ scan: Scan) -> Hit? {
        guard !candidates.isEmpty, flags & 0b111 != 0 else { return nil }
        let token = scan.tokens[t]
        var best: Hit?
        for candidate in candidates {
            let p = scan.patterns[Int(candidate)]
            guard !p.caseSensitive, index.tokenFacts[Int(p.firstToken)].capitalized else { continue }
            let kind: MatchKind = p.form == .variant ? max(.inflected, .variant) : .inflected
            let distance = Int32(scan.document.keys[Int(token.keyID)].utf8.count) - index.tokenFacts[Int(p.firstToken)].utf8
            let hit = Hit(pattern: candidate, entry: p.entry, firstToken: Int32(t), tokenEnd: Int32(t + 1), start: token.start, end: token.end,
                          kind: kind, form: p.form, distance: distance)
            if best == nil || better(hit, than: best!) { best = hit }
        }
        return best
    }

    /// Appends the patterns whose first token has this key, or the same key up to diacritics
    /// (by the key's and loose key's numbers in the index's vocabulary).
    private func appendPatterns(key: Int32, loose: Int32, to found: inout [Int32]) {
        Self.append(index.byKey[number: key], to: &found)
        Self.append(index.byLoose[number: loose], to: &found)
        if loose != key { Self.append(index.byKey[number: loose], to: &found) }
    }

    /// Appends a list of patterns; most lists a new key asks for are empty, and appending an
    /// empty slice still costs a generic call.
    @inline(__always)
    private static func append(_ list: ArraySlice<Int32>, to found: inout [Int32]) {
        if !list.isEmpty { found += list }
    }

    // MARK: Several tokens

    /// Verifies each multi-token pattern that may start at token `t` (`token`, not the last of
    /// its sentence, whose key may start one: `startsMulti` 1, or -1 while not known), found by
    /// its first two tokens' stems (or their genitive base) and loose keys, and keeps the better
    /// in `best`.
    private func bestMulti(at t: Int, _ token: Token, startsMulti: Int8, sentenceStart: Int, sentenceEnd: Int, best: inout Hit?,
                           _ scan: Scan, _ state: inout MatchState) {
        let next = scan.tokens[t + 1]
        let isWord = token.kind == .word
        let firstStem = scan.stemVocabulary(of: token, &state)
        let firstLoose = state.records[Int(token.keyID)].looseVocabulary
        if startsMulti < 0 {
            let starts = (firstStem >= 0 && index.startsPair[Int(firstStem)]) || (firstLoose >= 0 && index.startsPair[Int(firstLoose)])
            if isWord {
                state.records[Int(token.keyID)].startsMulti = starts ? 1 : 0
            } else {
                state.startsMulti[Int(scan.keySlots[Int(token.keyID)])] = starts ? 1 : 0
            }
            guard starts else { return }
        }
        let nextStem = scan.stemVocabulary(of: next, &state)
        // What a third token may be listed under in a pair group: its loose key, its stem, the
        // loose keys of its genitive bases (worked out once, when a group needs them).
        var thirdNumbers = ThirdNumbers()
        func workOutThirdNumbers() {
            guard thirdNumbers.count < 0 else { return }
            let third = scan.tokens[t + 2]
            thirdNumbers.count = 0
            // (From the document's key records: the memory's tables by slot are far larger.)
            thirdNumbers.add(state.records[Int(third.keyID)].looseVocabulary)
            if third.kind == .word {
                thirdNumbers.add(scan.stemVocabulary(of: third, &state))
                if state.records[Int(third.keyID)].hasGenitives != 0 {
                    let bases = state.genitiveBases(scan.keySlots[Int(third.keyID)], key: third.keyID, of: scan.document.keys, stemmer: stemmer)
                    state.records[Int(third.keyID)].hasGenitives = state.anyInVocabulary(bases) ? 1 : 0
                    for k in bases { thirdNumbers.add(state.genitivePool[k].loose) }
                }
            }
        }
        // Whether the pair may list a pattern under `number` (a third token's, or `anyThird`).
        func mayList(_ pair: UInt64, _ number: Int32) -> Bool {
            index.multiWordForms.mayContain(GlossaryIndex.multiWordKey(pair, number))
        }
        // (Called only for pairs that pass the bit filter: most do not, and the call would cost
        // more than the test.)
        func consider(_ pair: UInt64) {
            // Most pairs of common words begin some form, but none the third token can continue:
            // told by the index's filter, without looking at the pair's patterns.
            if !mayList(pair, GlossaryIndex.anyThird) {
                guard t + 2 < sentenceEnd else { return }
                workOutThirdNumbers()
                var listed = thirdNumbers.overflowed
                for n in 0..<thirdNumbers.count where !listed { listed = mayList(pair, thirdNumbers[n]) }
                guard listed else { return }
            }
            guard let groupNumber = state.pairGroup(pair) else { return }
            let group = state.groups[groupNumber]
            for k in group.always { verifyMulti(state.groupAlways[k]) }
            guard !group.byThird.isEmpty, t + 2 < sentenceEnd else { return }
            workOutThirdNumbers()
            func search(_ number: Int32) {
                guard mayList(pair, number) else { return }
                // The first entry of `number` (binary search), then its patterns in order.
                var low = group.byThird.lowerBound, high = group.byThird.upperBound
                while low < high {
                    let middle = (low + high) / 2
                    if state.groupThird[middle].x < number { low = middle + 1 } else { high = middle }
                }
                while low < group.byThird.upperBound && state.groupThird[low].x == number {
                    verifyMulti(state.groupThird[low].y)
                    low += 1
                }
            }
            for n in 0..<thirdNumbers.count { search(thirdNumbers[n]) }
            if thirdNumbers.overflowed {
                let third = scan.tokens[t + 2]
                for k in state.genitiveBases(scan.keySlots[Int(third.keyID)], key: third.keyID, of: scan.document.keys, stemmer: stemmer) {
                    search(state.genitivePool[k].loose)
                }
            }
        }
        func verifyMulti(_ candidate: Int32) {
            guard var found = verify(candidate, at: t, sentenceStart: sentenceStart, sentenceEnd: sentenceEnd, withDistance: false, scan, &state)
            else { return }
            if var current = best, current.tokenCount == found.tokenCount && current.kind == found.kind {
                // Only now does the overlap rule need the spelling distances. Forms with the same
                // keys have the same distance (often: a dictionary lists one phrase under several
                // entries); else they are worked out (a hit without one is a multi-token hit at
                // `t`, verified again with it).
                if sameKeys(found.pattern, current.pattern, count: Int(found.tokenCount)) {
                    if found.distance == Hit.unknownDistance { found = found.with(distance: current.distance) }
                    else if current.distance == Hit.unknownDistance { current = current.with(distance: found.distance) }
                } else {
                    found = distanceWorkedOut(found)
                    current = distanceWorkedOut(current)
                }
                best = current
            }
            if best == nil || better(found, than: best!) { best = found }
        }
        func distanceWorkedOut(_ hit: Hit) -> Hit {
            guard hit.distance == Hit.unknownDistance else { return hit }
            return verify(hit.pattern, at: t, sentenceStart: sentenceStart, sentenceEnd: sentenceEnd, scan, &state) ?? hit
        }
        func sameKeys(_ a: Int32, _ b: Int32, count: Int) -> Bool {
            // (A spaced compound's hit has two tokens and a one-token pattern.)
            guard scan.patterns[Int(a)].count == count && scan.patterns[Int(b)].count == count else { return false }
            let first = (Int(scan.patterns[Int(a)].firstToken), Int(scan.patterns[Int(b)].firstToken))
            for k in 0..<count where state.formToken(first.0 + k).key != state.formToken(first.1 + k).key { return false }
            return true
        }
        func considerIfFiltered(_ first: Int32, _ second: Int32) {
            let pair = UInt64(first) << 32 | UInt64(second)
            if state.mayStartForms(pair) { consider(pair) }
        }
        if firstStem >= 0 {
            if nextStem >= 0 { considerIfFiltered(firstStem, nextStem) }
            // Most keys have no genitive base form: known from the key's record after the first time.
            if next.kind == .word && state.records[Int(next.keyID)].hasGenitives != 0 {
                let bases = state.genitiveBases(scan.keySlots[Int(next.keyID)], key: next.keyID, of: scan.document.keys, stemmer: stemmer)
                state.records[Int(next.keyID)].hasGenitives = state.anyInVocabulary(bases) ? 1 : 0
                for k in bases {
                    let baseStem = state.genitivePool[k].stemVocabulary
                    if baseStem >= 0 && baseStem != nextStem { considerIfFiltered(firstStem, baseStem) }
                }
            }
        }
        let nextLoose = state.records[Int(next.keyID)].looseVocabulary
        if firstLoose >= 0 && nextLoose >= 0 && (firstLoose != firstStem || nextLoose != nextStem) {
            considerIfFiltered(firstLoose, nextLoose)
        }
    }

    /// The numbers a third token may be listed under in a pair group (see `PairGroup.byThird`),
    /// each once, kept inline (no reference to count at every possible first token): a token has
    /// its loose key, its stem and at most two genitive bases (`GermanGenitive.baseForms`).
    struct ThirdNumbers {
        /// -1 while not worked out.
        var count = -1
        private var inline = SIMD8<Int32>(repeating: 0)
        /// Whether a number found no room (then the caller also searches the genitive bases
        /// directly; a number searched twice finds the same patterns).
        private(set) var overflowed = false

        subscript(i: Int) -> Int32 { inline[i] }

        mutating func add(_ number: Int32) {
            for i in 0..<count where inline[i] == number { return }
            guard count < 8 else {
                overflowed = true
                return
            }
            inline[count] = number
            count += 1
        }
    }

    // MARK: Verification

    /// How one token matches flat form token `i` of pattern `pattern`; nil when it does not.
    private func tokenTier(_ token: Token, _ pattern: Int, _ i: Int, atSentenceStart: Bool, isLast: Bool,
                           _ scan: Scan, _ state: inout MatchState) -> MatchKind? {
        let slot = scan.keySlots[Int(token.keyID)]
        let form = state.formToken(i)
        // The key's numbers from the document's key records (the memory's tables by slot are far larger).
        let isWord = token.kind == .word
        let key = state.records[Int(token.keyID)].keyVocabulary, loose = state.records[Int(token.keyID)].looseVocabulary
        // The same letters give the same key (both are made from the code units alone), so the
        // form's letters are compared only when the keys are the same.
        if key == form.key {
            if Self.surfaceEquals(scan.surfacePool, scan.surfaceStart, i, scan.units, Int(token.utf16Start), Int(token.utf16End)) { return .exact }
            return scan.patterns[pattern].caseSensitive ? nil : .case
        }
        let capitalized = token.flags.contains(.capitalized)
        let caseAgrees: Bool
        if scan.patterns[pattern].caseSensitive {
            if GlossaryEntry.isAcronym(index.tokens.surfaces[i]) {
                // Acronyms: only the exact letters (and, for names, their genitive: "NATOs").
                if isLast && isWord && scan.patterns[pattern].isName {
                    if scan.document.text(of: token) == index.tokens.surfaces[i] + "s" { return .inflected }
                }
                return nil
            }
            // A word with small letters in a case-sensitive entry (the long form "Vereinte
            // Nationen" beside its "UN"): it inflects like any word ("der Vereinten Nationen"),
            // but its capital must agree as written, at a sentence's start and in capitals too.
            caseAgrees = capitalized == form.capitalized && !token.flags.contains(.allCaps)
        } else {
            // Below: the case of the first letter must agree (nouns and names are capitalized),
            // except at the start of a sentence and in all-caps text.
            caseAgrees = capitalized == form.capitalized || atSentenceStart || token.flags.contains(.allCaps)
        }
        guard caseAgrees else { return nil }
        if loose == form.loose { return .diacritics }
        if isWord {
            if isLast && scan.patterns[pattern].isName {
                for k in state.genitiveBases(slot, key: token.keyID, of: scan.document.keys, stemmer: stemmer) {
                    let base = state.genitivePool[k]
                    if base.key == form.key { return .inflected }
                    if base.loose == form.loose { return .diacritics }
                }
                if scan.patterns[pattern].count == 1 && scan.patterns[pattern].role.contains(.city)
                    && Self.isCityAdjective(scan.document.keys[Int(token.keyID)], of: index.tokens.keys[i]) {
                    return .inflected
                }
            }
            // A Latin plural ("Referenden", "Ministerien" of "Referendum", "Ministerium"): as long
            // as its singular, which the stem does not find ("referend", "referendum").
            if form.isLatinSingular && Self.isLatinPlural(scan.document.keys[Int(token.keyID)], of: index.tokens.keys[i]) {
                return .inflected
            }
            if scan.stemVocabulary(of: token, &state) == form.stem
                && Self.stemMatchIsPlausible(Int(state.keyFacts[Int(slot)].characters), Int(form.characters))
                && inflectionAgrees(token, slot: slot, formToken: i,
                                    as: Self.inflectionPosition(scan.patterns[pattern], isLast: isLast, capitalized: form.capitalized), scan, &state) {
                return .inflected
            }
        }
        return nil
    }

    /// Whether a word token (of key slot `slot`) whose stem is flat form token `i`'s is an
    /// inflection of it (`GermanInflection`), from the two keys' tails after the stem: the
    /// token's worked out once per key, the form's by the index. (Not inlined: it is rarely
    /// reached, and `tokenTier` stays small enough to be inlined into `verify`.)
    @inline(never)
    private func inflectionAgrees(_ token: Token, slot: Int32, formToken i: Int, as position: GermanInflection.Position,
                                  _ scan: Scan, _ state: inout MatchState) -> Bool {
        var tail = state.inflectionTails[Int(slot)]
        if tail == MatchState.tailNotWorkedOut {
            tail = GermanInflection.tail(of: scan.document.keys[Int(token.keyID)], stem: scan.document.stems[Int(token.stemID)])
            state.inflectionTails[Int(slot)] = tail
        }
        let key = scan.document.keys[Int(token.keyID)]
        return GermanInflection.agrees(tail: tail, formTail: index.inflectionTails[i], as: position,
                                       umlautAdded: GermanInflection.umlautAdded(key, to: index.tokens.keys[i]))
            ?? GermanInflection.agrees(key, with: index.tokens.keys[i], as: position)
    }

    /// Whether `key` is a city's adjective in "-er" (German writes it with a capital and does not
    /// inflect it: "die Kiewer Stadtverwaltung", "Moskauer Quellen"): the city's key `city`
    /// and "er". (The stem does not always find it: "moskauer" stems to "moskaur", since the
    /// stemmer reads its "ue" as "ü".)
    static func isCityAdjective(_ key: String, of city: String) -> Bool {
        let a = key.utf8.span, b = city.utf8.span
        return a.count == b.count + 2 && endsWith(a, 0x65, 0x72) && sameBytes(a, b, count: b.count)
    }

    /// Whether `bytes` end with the two bytes `a`, `b`.
    @inline(__always)
    static func endsWith(_ bytes: Span<UInt8>, _ a: UInt8, _ b: UInt8) -> Bool {
        bytes.count >= 2 && bytes[bytes.count - 2] == a && bytes[bytes.count - 1] == b
    }

    /// Whether the first `count` bytes of `a` and `b` (both at least that long) are the same.
    static func sameBytes(_ a: Span<UInt8>, _ b: Span<UInt8>, count: Int) -> Bool {
        for i in 0..<count where a[i] != b[i] { return false }
        return true
    }

    /// Whether `key` is the plural of a noun in "-um" (`singular`, a capitalized form): "-um"
    /// becomes "-en" ("Referendum" → "Referenden", "Zentrum" → "Zentren", "Ministerium" →
    /// "Ministerien"). Not "-kum", whose plural is "-ka" ("Praktika"): "Techniken" is the plural
    /// of "Technik", not of "Technikum".
    static func isLatinPlural(_ key: String, of singular: String) -> Bool {
        let a = key.utf8.span, b = singular.utf8.span
        return a.count == b.count && isLatinSingular(b) && endsWith(a, 0x65, 0x6E) && sameBytes(a, b, count: a.count - 2)
    }

    /// Whether a key may be a singular in "-um" of `isLatinPlural` (five bytes or more, not "-kum").
    static func isLatinSingular(_ b: Span<UInt8>) -> Bool {
        b.count >= 5 && endsWith(b, 0x75, 0x6D) && b[b.count - 3] != 0x6B
    }

    /// Whether `units[from..<to]` is exactly flat form token `i`'s surface.
    @inline(__always)
    static func surfaceEquals(_ pool: [UInt16], _ starts: [Int32], _ i: Int, _ units: [UInt16], _ from: Int, _ to: Int) -> Bool {
        let start = Int(starts[i])
        let end = i + 1 < starts.count ? Int(starts[i + 1]) : pool.count
        return unitsEqual(pool, start, end, units, from, to)
    }

    /// Whether `pool[start..<end]` and `units[from..<to]` are the same code units.
    @inline(__always)
    static func unitsEqual(_ pool: [UInt16], _ start: Int, _ end: Int, _ units: [UInt16], _ from: Int, _ to: Int) -> Bool {
        guard end - start == to - from else { return false }
        var a = start, b = from
        while a < end {
            if pool[a] != units[b] { return false }
            a += 1
            b += 1
        }
        return true
    }

    /// How a stem match with a token of `pattern` is judged (see `GermanInflection.Position`):
    /// a single-word name takes only its genitive and a dative plural "-n"; the last word of a
    /// form, when capitalized, is a noun; any other word (lower case, or before the last, as
    /// "Vereinigte" in "Vereinigte Staaten") an adjective or verb.
    static func inflectionPosition(_ pattern: Pattern, isLast: Bool, capitalized: Bool) -> GermanInflection.Position {
        if pattern.count == 1 && pattern.isName { return .name }
        return isLast && capitalized ? .noun : .modifier
    }

    /// A stem match needs the shorter form to be a prefix-like core of the longer one:
    /// "Sanktionen" ~ "Sanktion", but not "Rat" ~ "raten" alone (a verb).
    static func stemMatchIsPlausible(_ a: String, _ b: String) -> Bool {
        stemMatchIsPlausible(a.count, b.count)
    }

    /// `stemMatchIsPlausible` on the two forms' lengths in characters.
    static func stemMatchIsPlausible(_ a: Int, _ b: Int) -> Bool {
        let (short, long) = a <= b ? (a, b) : (b, a)
        if short <= 3 { return long - short <= 1 }
        return long - short <= 4
    }

    /// The hit of pattern `patternIndex` at token `t`, or nil when the tokens do not match it.
    /// - Parameter withDistance: whether to work out the spelling distance (else the hit's
    ///   `distance` is `Hit.unknownDistance`): it reads both keys' letters of every inflected
    ///   token, and the overlap rule asks for it only to tell apart two hits of equal length and kind.
    private func verify(_ patternIndex: Int32, at t: Int, sentenceStart: Int, sentenceEnd: Int, withDistance: Bool = true,
                        _ scan: Scan, _ state: inout MatchState) -> Hit? {
        let pattern = Int(patternIndex)
        let count = Int(scan.patterns[pattern].count)
        guard t + count <= sentenceEnd else { return nil }
        let firstToken = Int(scan.patterns[pattern].firstToken)
        var worst = MatchKind.exact
        var distance = 0
        for k in 0..<count {
            let token = scan.tokens[t + k]
            let i = firstToken + k
            guard let tier = tokenTier(token, pattern, i, atSentenceStart: t + k == sentenceStart, isLast: k == count - 1, scan, &state) else { return nil }
            if tier > worst { worst = tier }
            // Spelling distance: the extra ending when the form is a prefix of the token's key
            // ("russlands" ⊃ "russland"), more when only the stem is shared.
            if tier > .case && withDistance {
                let facts = state.keyFacts[Int(scan.keySlots[Int(token.keyID)])]
                let lengthDifference = abs(Int(facts.utf8) - Int(state.formToken(i).utf8))
                distance += Self.hasPrefix(scan.document.keys[Int(token.keyID)], index.tokens.keys[i]) ? lengthDifference : lengthDifference + 2
            }
        }
        let form = scan.patterns[pattern].form
        let kind: MatchKind = form == .variant ? max(worst, .variant) : worst
        let first = scan.tokens[t], last = scan.tokens[t + count - 1]
        return Hit(pattern: patternIndex, entry: scan.patterns[pattern].entry, firstToken: Int32(t), tokenEnd: Int32(t + count), start: first.start,
                   end: last.end, kind: kind, form: form, distance: withDistance ? Int32(distance) : Hit.unknownDistance)
    }

    // MARK: Compounds

    private func matchCompound(_ compound: SpacedCompound, in document: Document) -> Hit? {
        let first = document.tokens[compound.tokens.lowerBound], last = document.tokens[compound.tokens.upperBound - 1]
        var best: (PatternView, Int32, MatchKind)?
        let stem = stemmer.stem(compound.key)
        var found = index.byKey[compound.key] ?? []
        found += index.byStem[stem] ?? []
        for candidate in found {
            let p = index.view(candidate)
            guard p.count == 1 else { continue }
            let kind: MatchKind = p.key(0) == compound.key ? .exact : .inflected
            if kind == .inflected && !GermanInflection.agrees(compound.key, with: p.key(0),
                                                             as: Self.inflectionPosition(index.patterns[Int(candidate)], isLast: true,
                                                                                         capitalized: p.capitalized(0))) { continue }
            let finalKind = p.form == .variant ? max(kind, .variant) : kind
            if best == nil || finalKind < best!.2 || (finalKind == best!.2 && candidate > best!.1) { best = (p, candidate, finalKind) }
        }
        guard let (p, pattern, kind) = best else { return nil }
        return Hit(pattern: pattern, entry: p.entry, firstToken: Int32(compound.tokens.lowerBound), tokenEnd: Int32(compound.tokens.upperBound),
                   start: first.start, end: last.end, kind: kind, form: p.form, distance: 0)
    }

    /// Single-token patterns matching a piece of a word (a hyphen part or a compound's head),
    /// whose key has the UTF-8 bytes `key`.
    /// - Parameter capitalized: whether the piece starts with a capital; nil for a compound's
    ///   head, whose case says nothing about the term's.
    private func pieceMatch(_ key: Span<UInt8>, capitalized: Bool?, surface: String, _ state: inout MatchState) -> (pattern: Int32, kind: MatchKind)? {
        pieceMatch(pieceCandidates(key, &state), capitalized: capitalized, surface: surface, &state)
    }

    /// - Parameter piece: the piece's number in `MatchState.pieces` (see `pieceCandidates`).
    private func pieceMatch(_ piece: Int, capitalized: Bool?, surface: String, _ state: inout MatchState) -> (pattern: Int32, kind: MatchKind)? {
        guard !state.pieces[piece].isEmpty else { return nil }
        // (Loops without closures, reading the index's arrays one by one: a closure per list and
        // a copy of the index's token tables cost more than the lists' few candidates.)
        let patterns = index.patterns, facts = index.tokenFacts
        var best: (pattern: Int32, kind: MatchKind)?
        // Whether a form token's capital agrees with the piece's (always, for a compound's head).
        func caseAgrees(_ first: Int32) -> Bool { capitalized == nil || facts[Int(first)].capitalized == capitalized! }
        for candidate in state.pieces[piece].key {
            let p = patterns[Int(candidate)]
            guard p.count == 1 else { continue }
            if p.caseSensitive ? surface == index.tokens.surfaces[Int(p.firstToken)]
                : caseAgrees(p.firstToken) || surface == index.tokens.surfaces[Int(p.firstToken)] {
                Self.keep(candidate, &best, .exact)
            }
        }
        for candidate in state.pieces[piece].loose {
            let p = patterns[Int(candidate)]
            if p.count == 1 && !p.caseSensitive && caseAgrees(p.firstToken) { Self.keep(candidate, &best, .diacritics) }
        }
        for candidate in state.pieces[piece].genitive {
            let p = patterns[Int(candidate)]
            if p.count == 1 && !p.caseSensitive && p.isName && caseAgrees(p.firstToken) { Self.keep(candidate, &best, .inflected) }
        }
        // A stem match is inflected: it can win only over none, a diacritics match, or another
        // inflected one (on the pattern's number).
        if let found = best, found.kind < .inflected { return found }
        let stem = state.pieces[piece].stem ?? pieceStemCandidates(state.pieceKeys.string(Int32(piece)), piece, &state)
        let characters = Int(state.pieces[piece].characters)
        for candidate in stem {
            let p = patterns[Int(candidate)]
            let first = Int(p.firstToken)
            if p.count == 1 && !p.caseSensitive && caseAgrees(p.firstToken)
                && Self.stemMatchIsPlausible(characters, Int(facts[first].characters)) {
                // (The piece's tail after its stem was worked out with its stem candidates.)
                let position = Self.inflectionPosition(p, isLast: true, capitalized: facts[first].capitalized)
                let agrees = GermanInflection.agrees(tail: state.pieces[piece].inflectionTail, formTail: index.inflectionTails[first], as: position,
                                                     umlautAdded: GermanInflection.umlautAdded(state.pieceKeys.string(Int32(piece)), to: index.tokens.keys[first]))
                    ?? GermanInflection.agrees(state.pieceKeys.string(Int32(piece)), with: index.tokens.keys[first], as: position)
                if agrees { Self.keep(candidate, &best, .inflected) }
            }
        }
        return best
    }

    /// Keeps `candidate` of `kind` in `best` when it beats it (`pieceMatch`: a more literal kind,
    /// then the pattern loaded later). Static, with `best` passed `inout`: a nested function that
    /// changes a captured local is checked for exclusive access at run time, at every call.
    @inline(__always)
    private static func keep(_ candidate: Int32, _ best: inout (pattern: Int32, kind: MatchKind)?, _ kind: MatchKind) {
        if best == nil || kind < best!.kind || (kind == best!.kind && candidate > best!.pattern) { best = (candidate, kind) }
    }

    /// The number (in `MatchState.pieces`) of the piece of a word whose key has the UTF-8
    /// bytes `key`, its candidates worked out on first sight (the same parts recur in many
    /// hyphenated words: a string is made only then): by key, loose key and genitive base at
    /// once, by stem when first needed.
    private func pieceCandidates(_ key: Span<UInt8>, _ state: inout MatchState) -> Int {
        let (id, isNew) = state.pieceKeys.intern(key)
        if !isNew { return Int(id) }
        let key = String(scalarAlignedUTF8: key)
        // By the strings' numbers in the index's vocabulary (-1 for one that is in none of its forms).
        let (keyNumber, looseNumber) = state.numbers(ofKey: key)
        var genitive: [Int32] = []
        for base in GermanGenitive.baseForms(of: key) { genitive += index.byKey[number: state.number(base)] }
        var loose = Array(index.byLoose[number: looseNumber])
        if looseNumber != keyNumber { loose += index.byKey[number: looseNumber] }
        state.pieces.append(PieceCandidates(key: Array(index.byKey[number: keyNumber]), loose: loose, genitive: genitive, stem: nil,
                                            characters: KeyLengths(key).characters))
        // Without other candidates, whether the piece has any at all depends on its stem.
        if state.pieces[Int(id)].key.isEmpty && loose.isEmpty && genitive.isEmpty { _ = pieceStemCandidates(key, Int(id), &state) }
        return Int(id)
    }

    /// The candidates of piece number `piece` by its stem (worked out and kept).
    private func pieceStemCandidates(_ key: String, _ piece: Int, _ state: inout MatchState) -> [Int32] {
        guard index.singleStemStarts.mayContainStem(of: key) else {
            state.pieces[piece].stem = []
            return []
        }
        let stemString = stemmer.stem(key)
        let stem = Array(index.byStem[number: state.number(stemString)])
        state.pieces[piece].stem = stem
        if !stem.isEmpty { state.pieces[piece].inflectionTail = GermanInflection.tail(of: key, stem: stemString) }
        return stem
    }

    /// Appends the hyphen-part matches of token `t` to `out`, their offsets less `shift` (the
    /// token's start, for matches kept relative to it; 0 for the text's own) and their tokens
    /// `tokens`.
    private func hyphenPartMatches(_ t: Int, atSentenceStart: Bool, in document: Document, shift: Int, tokens: Range<Int>,
                                   into out: inout [Match], _ state: inout MatchState) {
        let token = document.tokens[t]
        func match(_ piece: Int, _ range: Range<Int>) {
            // Most parts are in no form: then neither their text nor their case is needed.
            guard !state.pieces[piece].isEmpty else { return }
            let surface = document.text(scalarRange: range)
            let capitalized = Self.startsUpperCase(surface)
            guard let pattern = pieceMatch(piece, capitalized: capitalized || atSentenceStart && range.lowerBound == Int(token.start),
                                           surface: surface, &state)?.pattern else { return }
            let p = index.patterns[Int(pattern)]
            out.append(Match(entry: Int(p.entry), tokens: tokens, start: range.lowerBound - shift, end: range.upperBound - shift,
                             kind: .hyphenPart, form: p.form, pattern: pattern))
        }
        // (Parts cut from the key's bytes, without a string each, in the memory's buffer.)
        var parts = state.hyphenPartBuffer
        state.hyphenPartBuffer = []
        defer { state.hyphenPartBuffer = parts }
        if document.simpleHyphenPartBytes(of: token, into: &parts) {
            let bytes = document.keys[Int(token.keyID)].utf8.span
            for part in parts where Self.hasTwoScalars(bytes.extracting(part.keyBytes)) {
                match(pieceCandidates(bytes.extracting(part.keyBytes), &state), part.range)
            }
        } else {
            for part in document.hyphenPartsByUnits(of: token) where Self.hasTwoScalars(part.key.utf8.span) {
                match(pieceCandidates(part.key.utf8.span, &state), part.range)
            }
        }
    }

    /// `key.hasPrefix(prefix)`, on the bytes where that gives the same answer: when every scalar
    /// of both is below U+0300 (no combining marks) and the prefix has no control character (no
    /// CR of a CR LF), each scalar is a Character of its own, canonically equivalent to no other,
    /// so Characters agree where bytes do.
    static func hasPrefix(_ key: String, _ prefix: String) -> Bool {
        let bytes = key.utf8.span, start = prefix.utf8.span
        for i in start.indices where start[i] < 0x20 || start[i] >= 0xCC { return key.hasPrefix(prefix) }
        for i in bytes.indices where bytes[i] >= 0xCC { return key.hasPrefix(prefix) }
        guard start.count <= bytes.count else { return false }
        for i in start.indices where bytes[i] != start[i] { return false }
        return true
    }

    /// Whether the first character of `text` is upper case (`Character.isUppercase`): a
    /// character that starts with an ASCII scalar is, whatever marks follow it, when that is A–Z.
    static func startsUpperCase(_ text: String) -> Bool {
        let first = text.utf8.first ?? 0
        return first < 0x80 ? first >= 0x41 && first <= 0x5A : text.first?.isUppercase ?? false
    }

    /// Whether `key` has two Unicode scalars or more (counted on its UTF-8 lead bytes).
    static func hasTwoScalars(_ key: String) -> Bool {
        hasTwoScalars(key.utf8.span)
    }

    /// Whether the UTF-8 `bytes` have two Unicode scalars or more (counted on their lead bytes).
    static func hasTwoScalars(_ bytes: Span<UInt8>) -> Bool {
        var leads = 0
        for i in bytes.indices where bytes[i] & 0xC0 != 0x80 {
            leads += 1
            if leads == 2 { return true }
        }
        return false
    }

    /// Derivational endings that make a word from a name rather than a compound ("Iran-er").
    static let derivationalRests: Set<String> = [
        "er", "erin", "erinnen", "ern", "isch", "ische", "ischen", "ischer", "ischem", "isches", "ismus", "ist", "isten",
        "istin", "ität", "ien", "ier", "ierin", "aner", "anerin", "ese", "esin", "ens", "ner", "nerin", "nern",
    ]
    /// Second elements that make German names of places and people ("-stein", "-hard", "-berg",
    /// "-dorf", ...): a name followed by one is more often another name than a compound with the
    /// name ("Bernstein", "Bernhard" are not about Bern; "Irakkrieg" is about Iraq). Not "-feld",
    /// which starts "Feldzug" ("Russlandfeldzug").
    static let nameElements = ["stein", "hard", "berg", "burg", "dorf", "heim", "hausen", "bach", "thal"]

    /// Whether a name found as the first part of a compound is followed by a name element
    /// (`nameElements`), right after it or after a linking element ("Bern|stein", "Bern|s|dorf"):
    /// then the word is taken for another name. `afterCore` is the key after the name.
    func restMakesAnotherName(_ pattern: Int32, afterCore: String) -> Bool {
        guard index.patterns[Int(pattern)].isName else { return false }
        let after = afterCore.utf8
        for link in Self.linkingElements where after.starts(with: link.utf8) {
            let rest = after.dropFirst(link.utf8.count)
            if Self.nameElements.contains(where: { rest.starts(with: $0.utf8) }) { return true }
        }
        return false
    }

    /// German linking elements between the parts of a compound.
    static let linkingElements = ["", "s", "es", "n", "en", "er", "e"]  // (`firstPartSimple` spells them out, in this order.)

    /// A glossary term as the first part ("Lateinamerika|reise") or the head
    /// ("Bundes|außenministerium") of a closed compound, with a plausible rest.
    /// A single-token name or term (not an adjective or demonym, not an acronym) whose key, or
    /// key without diacritics, is `core` (its UTF-8 bytes); the entry loaded later wins.
    private func compoundPrefixMatch(_ core: Span<UInt8>) -> Int32? {
        var best: Int32?
        func consider(_ list: ArraySlice<Int32>) {
            for candidate in list {
                let p = index.patterns[Int(candidate)]
                // People are left out: a name inside a closed word is far more often a coincidence
                // ("Petro" in "Petrowitsch") than a compound ("Putinversteher").
                guard p.count == 1, !p.caseSensitive, index.tokens.capitalized[Int(p.firstToken)], !p.role.contains(.neverFirstPart) else { continue }
                if best == nil || candidate > best! { best = candidate }
            }
        }
        // By the strings' numbers in the index's vocabulary (none: in no form).
        if let number = index.vocabulary.find(core) { consider(index.byKey[number: number]) }
        guard best == nil else { return best }
        // (Letters with diacritics start with a byte from 0xC3 on: `LooseKey.mayHaveDiacritics`.)
        for i in core.indices where core[i] >= 0xC3 {
            if let number = index.vocabulary.find(LooseKey.make(String(scalarAlignedUTF8: core))) {
                consider(index.byLoose[number: number])
            }
            break
        }
        return best
    }

    /// Appends the compound parts in word token `t` (a first part, a head, or both), worked out
    /// once per key.
    private func appendCompoundParts(at t: Int, _ scan: Scan, _ state: inout MatchState, to result: inout [Match]) {
        let token = scan.tokens[t]
        let slot = Int(scan.keySlots[Int(token.keyID)])
        if state.records[Int(token.keyID)].hasCompoundPart < 0 {
            let scalars = state.keyFacts[slot].scalars
            let (first, head) = compoundHits(in: scan.document.keys[Int(token.keyID)], scalarCount: Int(scalars), &state)
            if let hit = first ?? head {
                let p = index.patterns[Int(hit.pattern)]
                var part = CompoundPart(hit: hit, entry: p.entry, form: p.form, keyScalars: scalars)
                if first != nil, let head {
                    let h = index.patterns[Int(head.pattern)]
                    (part.head, part.headEntry, part.headForm) = (head, h.entry, h.form)
                }
                state.compoundParts[slot] = part
            }
            // (The scan reads this from the key's record, without calling.)
            state.records[Int(token.keyID)].hasCompoundPart = state.compoundParts[slot] == nil ? 0 : 1
        }
        guard let part = state.compoundParts[slot] else { return }
        let hit = part.hit
        // Map the part onto the original text when key and text align (same number of scalars);
        // else it is the whole token, and a head after a first part is left out (they would overlap).
        let aligned = token.end - token.start == part.keyScalars
        let start = hit.prefix || !aligned ? Int(token.start) : Int(token.start) + Int(hit.length)
        let end = hit.prefix && aligned ? Int(token.start) + Int(hit.length) : Int(token.end)
        result.append(Match(entry: Int(part.entry), tokens: t..<(t + 1), start: start, end: end, kind: .compoundPart, form: part.form, pattern: hit.pattern))
        if aligned, let head = part.head {
            result.append(Match(entry: Int(part.headEntry), tokens: t..<(t + 1), start: Int(token.start) + Int(head.length), end: Int(token.end),
                                kind: .compoundPart, form: part.headForm, pattern: head.pattern))
        }
    }

    /// A glossary term as the first part of the closed compound `key`, and a head after it
    /// ("Russland|s|sanktionen"); or, without a first part, a head.
    private func compoundHits(in key: String, scalarCount: Int, _ state: inout MatchState) -> (first: CompoundHit?, head: CompoundHit?) {
        let minPart = options.minimumCompoundPart, minRest = options.minimumCompoundRest
        guard scalarCount >= minPart + minRest else { return (nil, nil) }
        // (In the memory's buffers, taken out meanwhile: no array is made per key.)
        var scratch = state.compoundScratch
        state.compoundScratch = CompoundScratch()
        defer { state.compoundScratch = scratch }
        scratch.letters.removeAll(keepingCapacity: true)
        for scalar in key.unicodeScalars { scratch.letters.append(scalar) }
        let letters = scratch.letters
        let n = letters.count
        // Scalar offsets → UTF-8 offsets (the same for an ASCII key), so that each piece is its
        // key's bytes, one copy for a string.
        let isASCII = key.utf8.count == n
        if !isASCII { Self.utf8Offsets(letters, into: &scratch.offsets) }
        let bounds = scratch.offsets
        func bytes(_ range: Range<Int>) -> Range<Int> { isASCII ? range : bounds[range.lowerBound]..<bounds[range.upperBound] }
        func string(_ range: Range<Int>) -> String { String(scalarAlignedUTF8: key.utf8.span.extracting(bytes(range))) }

        // First part, longest first (only when some glossary term starts like this word, as it
        // is or without diacritics: on packed scalars where each is a Latin letter below U+0250).
        let startsLikeTerm = letters[0..<3].allSatisfy { $0.value < 0x250 }
            ? index.prefixStartCodes.contains(MatchState.pack(letters[0], letters[1], letters[2]))
                || index.prefixStartCodes.contains(MatchState.pack(LooseKey.base(letters[0]), LooseKey.base(letters[1]), LooseKey.base(letters[2])))
            : index.prefixStarts.contains(string(0..<3)) || index.prefixStarts.contains(LooseKey.make(string(0..<3)))
        if startsLikeTerm {
            let hit = Self.isSimpleLatin(letters)
                ? firstPartSimple(letters, key: key, bytes: bytes, hashes: &scratch.hashes, looseHashes: &scratch.looseHashes)
                : firstPart(letters, string)
            if let hit {
                // A head right after it, or after a linking element ("Russland|sanktionen",
                // "Handel|s|konflikt"; not "Kreditge|währung").
                let end = Int(hit.length)
                for link in Self.linkingElements {
                    let start = end + link.unicodeScalars.count
                    guard start >= 3, start <= n - 6, link.unicodeScalars.elementsEqual(letters[end..<start]) else { continue }
                    if let head = headHit(letters, from: start, only: true, key: key, bytes: bytes, &state) { return (hit, head) }
                }
                return (hit, nil)
            }
        }
        return (nil, headHit(letters, from: 3, key: key, bytes: bytes, &state))
    }

    /// The longest head of the compound `letters` (the scalars of `key`) starting at `from` or
    /// later (`only`: at `from` alone): only terms and organizations of six letters or more. A
    /// head is looked up only where its first three letters start a known term (packed scalars:
    /// no string per position).
    private func headHit(_ letters: [Unicode.Scalar], from: Int, only: Bool = false, key: String, bytes: (Range<Int>) -> Range<Int>,
                         _ state: inout MatchState) -> CompoundHit? {
        let n = letters.count
        var start = from
        while start <= n - 6 && (!only || start == from) {
            guard index.headStartCodes.contains(MatchState.pack(letters[start], letters[start + 1], letters[start + 2])) else {
                start += 1
                continue
            }
            if let pattern = pieceMatch(key.utf8.span.extracting(bytes(start..<n)), capitalized: nil, surface: "", &state)?.pattern,
               index.patterns[Int(pattern)].role.contains(.head) {
                return CompoundHit(pattern: pattern, prefix: false, length: Int32(start))
            }
            start += 1
        }
        return nil
    }

    /// The UTF-8 offset of each scalar of `letters`, and of their end, in place of `offsets`'s contents.
    static func utf8Offsets(_ letters: [Unicode.Scalar], into offsets: inout [Int]) {
        offsets.removeAll(keepingCapacity: true)
        var offset = 0
        for scalar in letters {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
    }

    /// Whether every scalar of a key is a Latin-script or common character below U+0250 (no
    /// combining marks, no carriage return): then each scalar is a `Character` of its own and
    /// `LooseKey.make` maps scalar by scalar, so `firstPartSimple` may work on scalars.
    static func isSimpleLatin(_ letters: [Unicode.Scalar]) -> Bool {
        letters.allSatisfy { $0.value < 0x250 && $0.value != 0x0D }
    }

    /// The first part of a closed compound: the longest prefix that, without a linking
    /// element, is a capitalized name or term (`compoundPrefixMatch`), leaving a rest with a
    /// vowel that is not a derivational ending. The general version, on strings.
    func firstPart(_ letters: [Unicode.Scalar], _ string: (Range<Int>) -> String) -> CompoundHit? {
        func hasVowel(_ s: String) -> Bool { s.contains { "aeiouäöüy".contains($0) } }
        let n = letters.count, minPart = options.minimumCompoundPart
        var cut = n - options.minimumCompoundRest
        while cut >= minPart {
            let rest = string(cut..<n)
            if hasVowel(rest) && !Self.derivationalRests.contains(rest) {
                let prefix = string(0..<cut)
                for link in Self.linkingElements where prefix.count - link.count >= minPart && prefix.hasSuffix(link) {
                    let core = String(prefix.dropLast(link.count))
                    if let pattern = compoundPrefixMatch(core.utf8.span),
                       !restMakesAnotherName(pattern, afterCore: string(core.unicodeScalars.count..<n)) {
                        return CompoundHit(pattern: pattern, prefix: true, length: Int32(core.unicodeScalars.count))
                    }
                }
            }
            cut -= 1
        }
        return nil
    }

    /// `firstPart` for simple Latin keys (`isSimpleLatin`), with the same result: each possible
    /// first part is checked against the index's `compoundCores` filter by the hash of its
    /// scalars and of its loose form, and made a string only when the filter lets it through.
    /// - Parameters:
    ///   - key: the key whose scalars are `letters`.
    ///   - bytes: the range of UTF-8 offsets in `key` of a range of scalar offsets.
    ///   - hashes, looseHashes: buffers to work in (their contents are replaced).
    func firstPartSimple(_ letters: [Unicode.Scalar], key: String, bytes: (Range<Int>) -> Range<Int>,
                         hashes: inout [UInt64], looseHashes: inout [UInt64]) -> CompoundHit? {
        let utf8 = key.utf8.span
        func string(_ range: Range<Int>) -> String { String(scalarAlignedUTF8: utf8.extracting(bytes(range))) }
        let n = letters.count, minPart = options.minimumCompoundPart
        // hashes[l], looseHashes[l]: of the first l scalars, as they are and without diacritics.
        hashes.removeAll(keepingCapacity: true)
        hashes.append(CompoundCores.seed)
        var firstDiacritic = n, lastVowel = -1
        for (i, scalar) in letters.enumerated() {
            let value = scalar.value
            if value >= 0xC0 && firstDiacritic == n { firstDiacritic = i }
            hashes.append(CompoundCores.hash(hashes[i], value))
            if Self.isVowel(value) { lastVowel = i }
        }
        // Without diacritics they differ only from the first letter from U+00C0 on (most words have none).
        if firstDiacritic < n {
            looseHashes.removeAll(keepingCapacity: true)
            looseHashes.append(contentsOf: hashes)
            for i in firstDiacritic..<n { looseHashes[i + 1] = CompoundCores.hash(looseHashes[i], LooseKey.base(letters[i]).value) }
        }
        var cut = n - options.minimumCompoundRest
        while cut >= minPart {
            // The rest must have a vowel and not be a derivational ending (asked, with a string,
            // only once a first part has passed the filter).
            var restIsPlausible: Bool?
            if lastVowel >= cut {
                // The linking elements in `linkingElements`' order, compared letter by letter.
                let last = letters[cut - 1].value, beforeLast = letters[cut - 2].value
                for link in 0..<7 {
                    let linkLength: Int
                    switch link {
                    case 0: linkLength = 0
                    case 1: linkLength = last == 0x73 ? 1 : -1  // s
                    case 2: linkLength = last == 0x73 && beforeLast == 0x65 ? 2 : -1  // es
                    case 3: linkLength = last == 0x6E ? 1 : -1  // n
                    case 4: linkLength = last == 0x6E && beforeLast == 0x65 ? 2 : -1  // en
                    case 5: linkLength = last == 0x72 && beforeLast == 0x65 ? 2 : -1  // er
                    default: linkLength = last == 0x65 ? 1 : -1  // e
                    }
                    guard linkLength >= 0 && cut - linkLength >= minPart else { continue }
                    let length = cut - linkLength
                    // `compoundPrefixMatch` looks the core up as it is, then (when it has letters
                    // from U+00C0 on) without diacritics.
                    guard index.compoundCores.mayContain(hash: hashes[length])
                        || (firstDiacritic < length && index.compoundCores.mayContain(hash: looseHashes[length])) else { continue }
                    if restIsPlausible == nil {
                        restIsPlausible = n - cut > Self.longestDerivationalRest || !Self.derivationalRests.contains(string(cut..<n))
                    }
                    guard restIsPlausible == true else { break }
                    if let pattern = compoundPrefixMatch(utf8.extracting(bytes(0..<length))),
                       !restMakesAnotherName(pattern, afterCore: string(length..<n)) {
                        return CompoundHit(pattern: pattern, prefix: true, length: Int32(length))
                    }
                }
            }
            cut -= 1
        }
        return nil
    }

    /// Whether a scalar is one of "aeiouäöüy" (the vowels `firstPart` looks for).
    @inline(__always)
    static func isVowel(_ value: UInt32) -> Bool {
        switch value {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0xE4, 0xF6, 0xFC: true
        default: false
        }
    }
    static let longestDerivationalRest = derivationalRests.map(\.unicodeScalars.count).max() ?? 0
}

// MARK: Lower bounds (for the benchmark)

extension Matcher {
    /// The least a scan that remembers each raw form's outcome can do for `document` once
    /// `memory` has matched it: read every token and its form's remembered single-token outcome,
    /// and write a match for each hit (no multi-token forms, no parts of words). Returns the
    /// number of matches written. The benchmark times it to show how much of matching no
    /// change to the search can take away.
    @_spi(Benchmark)
    public func rememberedOutcomesOnly(in document: Document, memory: MatchMemory) -> Int {
        var state = memory.take(for: index)
        let scan = Scan(document: document, index: index, state: &state)
        var result: [Match] = []
        result.reserveCapacity(scan.tokens.count)
        let tokens = scan.tokens, forms = scan.tokenForms
        for sentence in document.sentences {
            for t in sentence.tokens {
                let form = Int(forms[t])
                guard form >= 0 && form < state.formOutcomes.count else { continue }
                let outcome = state.formOutcomes[form, atStart: t == sentence.tokens.lowerBound]
                guard outcome.pattern >= 0 else { continue }
                let token = tokens[t]
                result.append(Match(Hit(pattern: outcome.pattern, entry: outcome.entry, firstToken: Int32(t), tokenEnd: Int32(t + 1),
                                        start: token.start, end: token.end, kind: outcome.kind, form: outcome.form, distance: outcome.distance)))
            }
        }
        putBack(scan, &state, into: memory)
        return result.count
    }

    /// The least a first sight of `document`'s keys costs: each key and each stem (distinct in
    /// a document) looked up once in the index's vocabulary, as finding a key's forms by key
    /// and by stem needs. Returns how many were found.
    @_spi(Benchmark)
    public func vocabularyLookupsOnly(in document: Document) -> Int {
        var found = 0
        for key in document.keys where index.vocabulary.find(key) != nil { found += 1 }
        for stem in document.stems where index.vocabulary.find(stem) != nil { found += 1 }
        return found
    }
}
