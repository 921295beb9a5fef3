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

    public static func < (a: MatchKind, b: MatchKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
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
    /// Index into the glossary's `entries`.
    public let entry: Int
    /// The tokens the match lies in (for a part match: the one token containing it).
    public let tokens: Range<Int>
    /// Unicode scalar offsets into the original text, end-exclusive.
    public let start: Int
    public let end: Int
    public let kind: MatchKind
    public let form: FormKind
    /// The English shown for this occurrence (the entry's `en`, or the English surname).
    public let gloss: String
}

extension Match {
    /// The same match moved by `offset` scalars onto other tokens (for per-form caches).
    func shifted(by offset: Int, tokens: Range<Int>) -> Match {
        Match(entry: entry, tokens: tokens, start: start + offset, end: end + offset, kind: kind, form: form, gloss: gloss)
    }
}

/// Finds glossary entries in a document.
///
/// Rule for overlaps: scanning left to right, at each token the longest match starting
/// there wins (most tokens); among equally long ones the more literal kind (the order of
/// `MatchKind`), then the entry loaded later (file precedence). Matches never overlap and
/// never cross a sentence boundary. A token without a whole-token match is searched for
/// hyphen parts, then for a compound part.
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
        var cache = CandidateCache(keyCount: document.keys.count, stemCount: document.stems.count, looseKeys: document.keys.map(LooseKey.make))
        var result: [Match] = []
        // Spaced compounds are in token order: walk them with the scan.
        var nextCompound = 0

        for sentence in document.sentences {
            var t = sentence.tokens.lowerBound
            let sentenceEnd = sentence.tokens.upperBound
            while t < sentenceEnd {
                var best: (match: Match, distance: Int)?
                while nextCompound < document.spacedCompounds.count && document.spacedCompounds[nextCompound].tokens.lowerBound < t { nextCompound += 1 }
                if nextCompound < document.spacedCompounds.count, document.spacedCompounds[nextCompound].tokens.lowerBound == t,
                   document.spacedCompounds[nextCompound].tokens.upperBound <= sentenceEnd,
                   let match = matchCompound(document.spacedCompounds[nextCompound], in: document) {
                    best = (match, 0)
                }
                let atStart = t == sentence.tokens.lowerBound
                if let single = bestSingle(at: t, atSentenceStart: atStart, in: document, cache: &cache),
                   best == nil || better(single, than: best!) {
                    best = single
                }
                forEachMultiCandidate(at: t, sentenceEnd: sentenceEnd, in: document, cache: &cache) { candidate, looseKeys in
                    guard let found = verify(candidate, at: t, sentenceStart: sentence.tokens.lowerBound, sentenceEnd: sentenceEnd,
                                             in: document, looseKeys: looseKeys) else { return }
                    if best == nil || better(found, than: best!) { best = found }
                }
                if let best = best?.match {
                    result.append(best)
                    t = best.tokens.upperBound
                    continue
                }
                let token = document.tokens[t]
                if token.kind == .word {
                    if options.hyphenParts && token.flags.contains(.hyphenated) {
                        // Cached by raw form (case matters for the parts), relative to the token.
                        let raw = document.text(of: token) + (atStart ? "\u{1}" : "")
                        let relative: [Match]
                        if let cached = cache.hyphenParts[raw] {
                            relative = cached
                        } else {
                            relative = hyphenPartMatches(t, atSentenceStart: atStart, in: document).map { $0.shifted(by: -Int(token.start), tokens: 0..<1) }
                            cache.hyphenParts[raw] = relative
                        }
                        result.append(contentsOf: relative.map { $0.shifted(by: Int(token.start), tokens: t..<(t + 1)) })
                    } else if options.compoundParts && token.flags.contains(.capitalized) && !token.flags.contains(.allCaps) {
                        let cached: Match?
                        if let known = cache.compoundParts[token.keyID] {
                            cached = known
                        } else {
                            cached = compoundPartMatch(t, in: document)?.shifted(by: -Int(token.start), tokens: 0..<1)
                            cache.compoundParts[token.keyID] = .some(cached)
                        }
                        if let match = cached?.shifted(by: Int(token.start), tokens: t..<(t + 1)), match.end <= Int(token.end) {
                            result.append(match)
                        }
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
    private func better(_ a: (match: Match, distance: Int), than b: (match: Match, distance: Int)) -> Bool {
        if a.match.tokens.count != b.match.tokens.count { return a.match.tokens.count > b.match.tokens.count }
        if a.match.kind != b.match.kind { return a.match.kind < b.match.kind }
        if a.distance != b.distance { return a.distance < b.distance }
        if (a.match.form == .surname) != (b.match.form == .surname) { return b.match.form == .surname }
        return a.match.entry > b.match.entry
    }

    // MARK: Candidates

    private struct SingleChoice {
        let pattern: Int32
        let kind: MatchKind
        let distance: Int
    }

    /// Per-document caches: candidates and vocabulary numbers are worked out once per distinct
    /// key or stem, not once per token.
    private struct CandidateCache {
        var byKey: [[Int32]?]
        var byStem: [[Int32]?]
        /// Vocabulary numbers (or -1) of each key's loose form, of each stem, and of the stems
        /// of each key's genitive bases.
        var looseNumber: [Int32?]
        var stemNumber: [Int32?]
        var genitiveNumbers: [[Int32]?]
        var compoundParts: [Int32: Match?] = [:]
        /// The best single-token choice per key and case flags (`keyID << 3 | flags`); the outer
        /// optional says "worked out", the inner one "found".
        var single: [SingleChoice??]
        /// Each key without diacritics.
        let looseKeys: [String]
        var hyphenParts: [String: [Match]] = [:]
        init(keyCount: Int, stemCount: Int, looseKeys: [String]) {
            self.looseKeys = looseKeys
            single = Array(repeating: nil, count: keyCount << 3)
            byKey = Array(repeating: nil, count: keyCount)
            byStem = Array(repeating: nil, count: stemCount)
            looseNumber = Array(repeating: nil, count: keyCount)
            stemNumber = Array(repeating: nil, count: stemCount)
            genitiveNumbers = Array(repeating: nil, count: keyCount)
        }
    }

    /// The best single-token match at token `t`. Worked out once per distinct key and the
    /// token's case flags (capitalized, all caps, sentence start), then only the exact/case
    /// distinction is checked against the token's own letters.
    private func bestSingle(at t: Int, atSentenceStart: Bool, in document: Document, cache: inout CandidateCache) -> (match: Match, distance: Int)? {
        let token = document.tokens[t]
        var flags = 0
        if token.flags.contains(.capitalized) { flags |= 1 }
        if token.flags.contains(.allCaps) { flags |= 2 }
        if atSentenceStart { flags |= 4 }
        let cacheKey = Int(token.keyID) << 3 | flags
        let chosen: SingleChoice?
        if let known = cache.single[cacheKey] {
            chosen = known
        } else {
            var best: (match: Match, distance: Int, pattern: Int32)?
            for candidate in singleCandidates(token, in: document, cache: &cache) {
                guard let found = verify(candidate, at: t, sentenceStart: atSentenceStart ? t : -1, sentenceEnd: t + 1, in: document, looseKeys: cache.looseKeys) else { continue }
                if best == nil || better((found.match, found.distance), than: (best!.match, best!.distance)) {
                    best = (found.match, found.distance, candidate)
                }
            }
            chosen = best.map { SingleChoice(pattern: $0.pattern, kind: $0.match.kind, distance: $0.distance) }
            cache.single[cacheKey] = .some(chosen)
        }
        guard let chosen else { return nil }
        let p = index.view(chosen.pattern)
        var kind = chosen.kind
        if kind == .exact || kind == .case || (kind == .variant && p.form == .variant) {
            // Tokens sharing a key may differ in their letters: exact or case is per token.
            let exact = p.surfaceEquals(0, document.utf16, Int(token.utf16Start), Int(token.utf16End))
            if p.caseSensitive && !exact && kind != .inflected { return nil }
            if kind != .variant { kind = exact ? .exact : .case }
        }
        return (Match(entry: Int(p.entry), tokens: t..<(t + 1), start: Int(token.start), end: Int(token.end), kind: kind, form: p.form, gloss: p.gloss),
                chosen.distance)
    }

    /// Single-token patterns that may match `token`: by key, loose key, genitive base and stem.
    private func singleCandidates(_ token: Token, in document: Document, cache: inout CandidateCache) -> [Int32] {
        let keyID = Int(token.keyID)
        var list: [Int32]
        if let cached = cache.byKey[keyID] {
            list = cached
        } else {
            let key = document.keys[keyID]
            var found: [Int32] = lookupKey(key)
            if token.kind == .word {
                for base in GermanGenitive.baseForms(of: key) { found += lookupKey(base) }
            }
            list = found
            cache.byKey[keyID] = found
        }
        if token.kind == .word {
            let stemID = Int(token.stemID)
            if let cached = cache.byStem[stemID] {
                list += cached
            } else {
                let found = index.byStem[document.stems[stemID]] ?? []
                cache.byStem[stemID] = found
                list += found
            }
        }
        return list
    }

    /// Calls `body` with each multi-token pattern that may start at token `t`, found by its
    /// first two tokens' stems (or their genitive base) and loose keys.
    private func forEachMultiCandidate(at t: Int, sentenceEnd: Int, in document: Document, cache: inout CandidateCache,
                                       _ body: (Int32, [String]) -> Void) {
        guard t + 1 < sentenceEnd, !index.pairs.isEmpty else { return }
        let token = document.tokens[t]
        let next = document.tokens[t + 1]
        let firstStem = stemNumber(Int(token.stemID), document, &cache)
        let firstLoose = looseNumber(Int(token.keyID), document, &cache)
        // Most tokens start no multi-token form: decided without looking at the next token.
        guard (firstStem >= 0 && index.startsPair[Int(firstStem)]) || (firstLoose >= 0 && index.startsPair[Int(firstLoose)]) else { return }
        let nextStem = stemNumber(Int(next.stemID), document, &cache)
        if firstStem >= 0 {
            if nextStem >= 0, let found = index.pairs[UInt64(firstStem) << 32 | UInt64(nextStem)] {
                for candidate in found { body(candidate, cache.looseKeys) }
            }
            if next.kind == .word {
                for genitive in genitiveNumbers(Int(next.keyID), document, &cache) where genitive != nextStem {
                    if let found = index.pairs[UInt64(firstStem) << 32 | UInt64(genitive)] {
                        for candidate in found { body(candidate, cache.looseKeys) }
                    }
                }
            }
        }
        let nextLoose = looseNumber(Int(next.keyID), document, &cache)
        if firstLoose >= 0 && nextLoose >= 0 && (firstLoose != firstStem || nextLoose != nextStem),
           let found = index.pairs[UInt64(firstLoose) << 32 | UInt64(nextLoose)] {
            for candidate in found { body(candidate, cache.looseKeys) }
        }
    }

    private func stemNumber(_ stemID: Int, _ document: Document, _ cache: inout CandidateCache) -> Int32 {
        if let known = cache.stemNumber[stemID] { return known }
        let number = index.vocabulary[document.stems[stemID]] ?? -1
        cache.stemNumber[stemID] = number
        return number
    }

    private func looseNumber(_ keyID: Int, _ document: Document, _ cache: inout CandidateCache) -> Int32 {
        if let known = cache.looseNumber[keyID] { return known }
        let number = index.vocabulary[cache.looseKeys[keyID]] ?? -1
        cache.looseNumber[keyID] = number
        return number
    }

    private func genitiveNumbers(_ keyID: Int, _ document: Document, _ cache: inout CandidateCache) -> [Int32] {
        if let known = cache.genitiveNumbers[keyID] { return known }
        let numbers = GermanGenitive.baseForms(of: document.keys[keyID]).compactMap { index.vocabulary[stemmer.stem($0)] }
        cache.genitiveNumbers[keyID] = numbers
        return numbers
    }

    /// Patterns whose first token has this key, or the same key up to diacritics.
    private func lookupKey(_ key: String) -> [Int32] {
        var found = index.byKey[key] ?? []
        let loose = LooseKey.make(key)
        found += index.byLoose[loose] ?? []
        if loose != key { found += index.byKey[loose] ?? [] }
        return found
    }

    // MARK: Verification

    /// How one token matches one pattern token; nil when it does not.
    private func tokenTier(_ token: Token, _ p: PatternView, _ k: Int, atSentenceStart: Bool, isLast: Bool, in document: Document, looseKeys: [String]) -> MatchKind? {
        let key = document.keys[Int(token.keyID)]
        let surfaceEqual = p.surfaceEquals(k, document.utf16, Int(token.utf16Start), Int(token.utf16End))
        if surfaceEqual { return .exact }
        if p.caseSensitive {
            // Acronyms: only the exact letters (and, for names, their genitive: "NATOs").
            if isLast && token.kind == .word && p.isName {
                let text = document.text(of: token)
                if text == p.surface(k) + "s" { return .inflected }
            }
            return nil
        }
        if key == p.key(k) { return .case }
        // Below: the case of the first letter must agree (nouns and names are capitalized),
        // except at the start of a sentence and in all-caps text.
        let capitalized = token.flags.contains(.capitalized)
        let caseAgrees = capitalized == p.capitalized(k) || atSentenceStart || token.flags.contains(.allCaps)
        guard caseAgrees else { return nil }
        if looseKeys[Int(token.keyID)] == p.loose(k) { return .diacritics }
        if token.kind == .word {
            if isLast && p.isName {
                for base in GermanGenitive.baseForms(of: key) {
                    if base == p.key(k) { return .inflected }
                    if LooseKey.make(base) == p.loose(k) { return .diacritics }
                }
            }
            if document.stems[Int(token.stemID)] == p.stem(k) && Self.stemMatchIsPlausible(key, p.key(k)) {
                return .inflected
            }
        }
        return nil
    }

    /// A stem match needs the shorter form to be a prefix-like core of the longer one:
    /// "Sanktionen" ~ "Sanktion", but not "Rat" ~ "raten" alone (a verb).
    static func stemMatchIsPlausible(_ a: String, _ b: String) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        if short.count <= 3 { return long.count - short.count <= 1 }
        return long.count - short.count <= 4
    }

    private func verify(_ patternIndex: Int32, at t: Int, sentenceStart: Int, sentenceEnd: Int, in document: Document, looseKeys: [String]) -> (match: Match, distance: Int)? {
        let p = index.view(patternIndex)
        let count = p.count
        guard t + count <= sentenceEnd else { return nil }
        var worst = MatchKind.exact
        var distance = 0
        for k in 0..<count {
            let token = document.tokens[t + k]
            guard let tier = tokenTier(token, p, k, atSentenceStart: t + k == sentenceStart, isLast: k == count - 1, in: document, looseKeys: looseKeys) else { return nil }
            if tier > worst { worst = tier }
            // Spelling distance: the extra ending when the form is a prefix of the token's key
            // ("russlands" ⊃ "russland"), more when only the stem is shared.
            if tier > .case {
                let key = document.keys[Int(token.keyID)]
                let lengthDifference = abs(key.utf8.count - p.key(k).utf8.count)
                distance += key.hasPrefix(p.key(k)) ? lengthDifference : lengthDifference + 2
            }
        }
        let kind: MatchKind = p.form == .variant ? max(worst, .variant) : worst
        let first = document.tokens[t], last = document.tokens[t + count - 1]
        return (Match(entry: Int(p.entry), tokens: t..<(t + count), start: Int(first.start), end: Int(last.end), kind: kind, form: p.form, gloss: p.gloss), distance)
    }

    // MARK: Compounds

    private func matchCompound(_ compound: SpacedCompound, in document: Document) -> Match? {
        let first = document.tokens[compound.tokens.lowerBound], last = document.tokens[compound.tokens.upperBound - 1]
        var best: (PatternView, Int32, MatchKind)?
        let stem = stemmer.stem(compound.key)
        var found = index.byKey[compound.key] ?? []
        found += index.byStem[stem] ?? []
        for candidate in found {
            let p = index.view(candidate)
            guard p.count == 1 else { continue }
            let kind: MatchKind = p.key(0) == compound.key ? .exact : .inflected
            let finalKind = p.form == .variant ? max(kind, .variant) : kind
            if best == nil || finalKind < best!.2 || (finalKind == best!.2 && candidate > best!.1) { best = (p, candidate, finalKind) }
        }
        guard let (p, _, kind) = best else { return nil }
        return Match(entry: Int(p.entry), tokens: compound.tokens, start: Int(first.start), end: Int(last.end), kind: kind, form: p.form, gloss: p.gloss)
    }

    /// Single-token patterns matching a piece of a word (a hyphen part or a compound part).
    /// - Parameter capitalized: whether the piece starts with a capital; nil for a compound's
    ///   head, whose case says nothing about the term's.
    private func pieceMatch(_ key: String, capitalized: Bool?, surface: String, allowStem: Bool) -> (PatternView, MatchKind)? {
        func caseAgrees(_ p: PatternView) -> Bool { capitalized.map { p.capitalized(0) == $0 } ?? true }
        var best: (PatternView, Int32, MatchKind)?
        func consider(_ list: [Int32]?, _ tier: (PatternView) -> MatchKind?) {
            for candidate in list ?? [] {
                let p = index.view(candidate)
                guard p.count == 1, let kind = tier(p) else { continue }
                if best == nil || kind < best!.2 || (kind == best!.2 && candidate > best!.1) { best = (p, candidate, kind) }
            }
        }
        consider(index.byKey[key]) { p in
            if p.caseSensitive { return surface == p.surface(0) ? .exact : nil }
            return caseAgrees(p) || surface == p.surface(0) ? .exact : nil
        }
        let loose = LooseKey.make(key)
        consider((index.byLoose[loose] ?? []) + (loose != key ? index.byKey[loose] ?? [] : [])) { p in
            !p.caseSensitive && caseAgrees(p) ? .diacritics : nil
        }
        for base in GermanGenitive.baseForms(of: key) {
            consider(index.byKey[base]) { p in !p.caseSensitive && p.isName && caseAgrees(p) ? .inflected : nil }
        }
        if allowStem {
            consider(index.byStem[stemmer.stem(key)]) { p in
                !p.caseSensitive && caseAgrees(p) && Self.stemMatchIsPlausible(key, p.key(0)) ? .inflected : nil
            }
        }
        guard let (p, _, kind) = best else { return nil }
        return (p, kind)
    }

    private func hyphenPartMatches(_ t: Int, atSentenceStart: Bool, in document: Document) -> [Match] {
        let token = document.tokens[t]
        var result: [Match] = []
        for part in document.hyphenParts(of: token) where part.key.unicodeScalars.count >= 2 {
            let surface = document.text(scalarRange: part.range)
            let capitalized = surface.first?.isUppercase ?? false
            guard let (p, _) = pieceMatch(part.key, capitalized: capitalized || atSentenceStart && part.range.lowerBound == Int(token.start), surface: surface, allowStem: true) else { continue }
            result.append(Match(entry: Int(p.entry), tokens: t..<(t + 1), start: part.range.lowerBound, end: part.range.upperBound,
                                kind: .hyphenPart, form: p.form, gloss: p.gloss))
        }
        return result
    }

    /// Derivational endings that make a word from a name rather than a compound ("Iran-er").
    static let derivationalRests: Set<String> = [
        "er", "erin", "erinnen", "ern", "isch", "ische", "ischen", "ischer", "ischem", "isches", "ismus", "ist", "isten",
        "istin", "ität", "ien", "ier", "ierin", "aner", "anerin", "ese", "esin", "ens", "ner", "nerin", "nern",
    ]
    /// German linking elements between the parts of a compound.
    static let linkingElements = ["", "s", "es", "n", "en", "er", "e"]

    /// A glossary term as the first part ("Lateinamerika|reise") or the head
    /// ("Bundes|außenministerium") of a closed compound, with a plausible rest.
    /// A single-token name or term (not an adjective or demonym, not an acronym) whose key, or
    /// key without diacritics, is `core`; the entry loaded later wins.
    private func compoundPrefixMatch(_ core: String) -> PatternView? {
        var best: (PatternView, Int32)?
        func consider(_ list: [Int32]?) {
            for candidate in list ?? [] {
                let p = index.view(candidate)
                // People are left out: a name inside a closed word is far more often a coincidence
                // ("Petro" in "Petrowitsch") than a compound ("Putinversteher").
                guard p.count == 1, !p.caseSensitive, p.capitalized(0), p.type != .adjective, p.type != .demonym, p.type != .person else { continue }
                if best == nil || candidate > best!.1 { best = (p, candidate) }
            }
        }
        consider(index.byKey[core])
        if best == nil && core.utf8.contains(where: { $0 >= 0xC3 }) { consider(index.byLoose[LooseKey.make(core)]) }
        return best?.0
    }

    private func compoundPartMatch(_ t: Int, in document: Document) -> Match? {
        let token = document.tokens[t]
        guard token.flags.contains(.capitalized), !token.flags.contains(.allCaps) else { return nil }
        let key = document.keys[Int(token.keyID)]
        let scalars = Array(key.unicodeScalars)
        let n = scalars.count
        let minPart = options.minimumCompoundPart, minRest = options.minimumCompoundRest
        guard n >= minPart + minRest else { return nil }
        let surfaceCount = Int(token.end - token.start)
        func string(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        func hasVowel(_ s: String) -> Bool { s.contains { "aeiouäöüy".contains($0) } }

        // First part, longest first (only when some glossary term starts like this word).
        var cut = index.prefixStarts.contains(string(0..<3)) || index.prefixStarts.contains(LooseKey.make(string(0..<3))) ? n - minRest : 0
        while cut >= minPart {
            let rest = string(cut..<n)
            if hasVowel(rest) && !Self.derivationalRests.contains(rest) {
                let prefix = string(0..<cut)
                for link in Self.linkingElements where prefix.count - link.count >= minPart && prefix.hasSuffix(link) {
                    let core = String(prefix.dropLast(link.count))
                    if let p = compoundPrefixMatch(core) {
                        // Map the core's length onto the original text when key and text align.
                        let end = surfaceCount == n ? Int(token.start) + core.unicodeScalars.count : Int(token.end)
                        return Match(entry: Int(p.entry), tokens: t..<(t + 1), start: Int(token.start), end: end,
                                     kind: .compoundPart, form: p.form, gloss: p.gloss)
                    }
                }
            }
            cut -= 1
        }
        // Head, longest first: only terms and organizations of six letters or more.
        var start = 3
        while start <= n - 6 {
            guard index.headStarts.contains(string(start..<(start + 3))) else {
                start += 1
                continue
            }
            let head = string(start..<n)
            if let (p, _) = pieceMatch(head, capitalized: nil, surface: "", allowStem: true), p.type == .term || p.type == .org {
                let begin = surfaceCount == n ? Int(token.start) + start : Int(token.start)
                return Match(entry: Int(p.entry), tokens: t..<(t + 1), start: begin, end: Int(token.end),
                             kind: .compoundPart, form: p.form, gloss: p.gloss)
            }
            start += 1
        }
        return nil
    }
}
