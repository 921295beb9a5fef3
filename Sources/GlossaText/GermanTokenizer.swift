public import GlossaICU
import GlossaStemmer

/// Splits German text into a `Document`.
///
/// Words come from ICU's word break iterator (UAX #29 with ICU's German data), found without
/// ICU where the text allows (`WordBoundaries`, verified to give exactly ICU's segments); on top of it
/// the tokenizer applies German conventions:
/// - hyphenated compounds and names are one token ("Castro-Diktatur", "Díaz-Canel",
///   "Spa-/Wellness-Bereich"), their parts available through `Document.hyphenParts(of:)`;
/// - a word ending in a hyphen keeps it ("US-", "Nord-"); when a word follows after a space
///   and is not a coordinator ("und", "oder"...), the pair is a `SpacedCompound`
///   ("US- Amerikaner"); across a line break, a lower-case continuation is joined into one
///   dehyphenated token ("Zusammen-\narbeit", key "zusammenarbeit");
/// - abbreviations keep their period ("Dr.", "z.", "B.", "Lat.") and single letters are
///   initials; an ordinal keeps its period before a month or after an article ("21. März");
/// - numbers keep German separators ("1.000,5", "21.03.2022") and "2021/22" is one number;
/// - runs of periods, hyphens and typewriter quotes are one token ("...", "--", "``").
///
/// Sentences end at ".", "!", "?", "…" (with closing quotes and brackets) before white space
/// and a capital, digit or opening quote, and at paragraph ends. Paragraphs are separated by
/// blank lines when the text has any, otherwise by each line break.
///
/// One tokenizer owns ICU handles: use one per thread.
public final class GermanTokenizer {
    private let words: WordBoundaries
    private let stemmer = GermanStemmer()
    /// The code units and token array of the last document, to build the next one in once that
    /// document is gone: their memory is then already mapped, while fresh arrays of that size
    /// (hundreds of megabytes for a large text) cost a page fault per 4 KiB written, a fourth
    /// of the building time.
    private var spareUnits: [UInt16] = []
    private var spareTokens: [Token] = []
    private var spareForms: [Int32] = []
    /// Keys and stems of the raw forms met so far, kept from one document to the next (see `Lexicon`).
    private var lexicon = Lexicon()

    /// - Parameter fastPath: false to have ICU's iterator find all word boundaries (for
    ///   comparisons: the documents are identical either way, see `WordBoundaries`).
    /// - Throws: `ICUError` when ICU's word break data cannot be loaded.
    public init(fastPath: Bool = true) throws(ICUError) {
        words = try WordBoundaries(fastPath: fastPath)
    }

    /// A tokenizer whose lexicon starts afresh past `lexiconLimit` keys, stems or forms (tests).
    init(fastPath: Bool = true, lexiconLimit: Int) throws(ICUError) {
        words = try WordBoundaries(fastPath: fastPath)
        lexicon = Lexicon(limit: lexiconLimit)
    }

    /// How many times the lexicon has started afresh (tests).
    var lexiconGeneration: Int { lexicon.generation }

    /// How the word boundaries of the last document were found: by the fast path, or by ICU
    /// for the stretches with characters outside its table (see `WordBoundaries`).
    public var wordBoundaryStatistics: WordBoundaries.Statistics { words.statistics }

    /// Tokenizes `text` into a document called `name`. Every scalar of `text` is part of the
    /// document and counted by its offsets, a U+FEFF at the start too: a byte order mark is
    /// dropped where bytes are decoded (`InputText.decode`), exactly once.
    /// - Parameter paragraphs: how paragraphs are separated; `.automatic` uses blank lines when
    ///   the text has any, otherwise every line break.
    public func document(_ text: String, name: String = "-", paragraphs: ParagraphMode = .automatic) -> Document {
        build(text: text, units: ICUText.utf16(text, reusing: &spareUnits), name: name, mode: paragraphs)
    }

    // MARK: - Segments

    private enum SegmentKind: UInt8 { case word, number, punct, symbol }

    private struct Segment {
        var start: Int32
        var end: Int32
        var kind: SegmentKind
    }

    /// Turns word segments into `Segment`s: white space is dropped, the rest gets its kind.
    private struct SegmentCollector: WordSegmentSink {
        let units: [UInt16]
        var result: [Segment] = []
        /// White space is dropped anyway.
        static var skipsWhiteSpace: Bool { true }

        init(units: [UInt16]) {
            self.units = units
            result.reserveCapacity(8192)
        }

        @inline(__always)
        mutating func segment(_ start: Int, _ end: Int, _ status: Int32) {
            let kind: SegmentKind
            if status >= 100 {
                kind = status < 200 ? .number : .word
            } else {
                // Status "none": white space, punctuation, symbols, control characters.
                let first = units[start]
                if first == 0x20 && end - start == 1 { return }  // the most frequent segment
                if first == 0x20 || first == 0x0A || first == 0x0D || first == 0x09 || first == 0xA0 || first == 0x0C || first == 0x0B {
                    if GermanTokenizer.allWhiteSpace(units, start, end) { return }
                } else if first > 0x7F && GermanTokenizer.allWhiteSpace(units, start, end) {
                    return
                }
                kind = GermanTokenizer.isPunctuation(units, start) ? .punct : .symbol
            }
            result.append(Segment(start: Int32(start), end: Int32(end), kind: kind))
        }
    }

    /// The segments of a text as `build` reads them: found in installments just ahead of the
    /// reader, which drops those it has passed, so that a large text never has all of its
    /// segments in memory at once.
    private struct SegmentStream {
        let words: WordBoundaries
        /// `collector.result[k]` is segment `k` (counted from the last `drop`).
        var collector: SegmentCollector
        var progress = WordBoundaries.Progress()
        /// The UTF-16 offsets of the surrogate pairs (astral scalars) of the segmented text, in
        /// order: they can only lie in the stretches that ICU segmented.
        var astral: [Int32] = []

        init(words: WordBoundaries, units: [UInt16]) {
            self.words = words
            collector = SegmentCollector(units: units)
        }

        @inline(__always)
        subscript(_ k: Int) -> Segment { collector.result[k] }

        /// Whether segment `k` exists (finding segments up to it as needed).
        @inline(__always)
        mutating func has(_ k: Int) -> Bool {
            k < collector.result.count || find(through: k)
        }

        private mutating func find(through k: Int) -> Bool {
            let units = collector.units
            while k >= collector.result.count && progress.position < units.count {
                let stretches = progress.icuStretches.count
                words.continueSegments(of: units, &progress, into: &collector, atLeast: 4096)
                for stretch in progress.icuStretches[stretches...] { GermanTokenizer.appendAstralOffsets(units, stretch, to: &astral) }
            }
            return k < collector.result.count
        }

        /// The number of segments at hand.
        var count: Int { collector.result.count }

        /// Forgets the first `count` segments.
        mutating func drop(_ count: Int) {
            collector.result.removeFirst(count)
        }

        /// Whether segment `k` exists and starts at `offset`.
        @inline(__always)
        mutating func startsAt(_ k: Int, _ offset: Int) -> Bool { has(k) && Int(self[k].start) == offset }

        /// Whether segment `k` is the single code unit `c`.
        @inline(__always)
        func isChar(_ k: Int, _ c: UInt16) -> Bool {
            let segment = self[k]
            return segment.end - segment.start == 1 && collector.units[Int(segment.start)] == c
        }

        /// Whether segment `k` is a single hyphen.
        @inline(__always)
        func isHyphen(_ k: Int) -> Bool {
            let segment = self[k]
            return segment.end - segment.start == 1 && MatchKey.isHyphen(collector.units[Int(segment.start)])
        }

        @inline(__always)
        func isWordLike(_ k: Int) -> Bool { self[k].kind == .word || self[k].kind == .number }

        /// How many astral scalars `scalarOffset` has passed.
        private var astralBefore = 0

        /// The Unicode scalar offset of a UTF-16 offset up to which the text is segmented, given in
        /// ascending order: the UTF-16 offset minus the surrogate pairs before it.
        @inline(__always)
        mutating func scalarOffset(_ target: Int) -> Int32 {
            while astralBefore < astral.count && Int(astral[astralBefore]) < target { astralBefore += 1 }
            return Int32(target - astralBefore)
        }
    }

    fileprivate static func allWhiteSpace(_ units: [UInt16], _ from: Int, _ to: Int) -> Bool {
        var i = from
        while i < to {
            let u = units[i]
            switch u {
            case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: break
            default: return false
            }
            i += 1
        }
        return true
    }

    static func isPunctuation(_ units: [UInt16], _ at: Int) -> Bool {
        let u = units[at]
        if u < 0x80 {
            switch u {
            case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D, 0x60: return true
            default: return false
            }
        }
        // General Punctuation U+2010...U+2027 (dashes, quotes, ellipsis) and « »: all punctuation,
        // and the most frequent non-ASCII segments of German text. Arrows, box drawing, block
        // elements and geometric shapes (frequent in tables and plain-text layouts): all symbols.
        if (u >= 0x2010 && u <= 0x2027) || u == 0xAB || u == 0xBB { return true }
        if (u >= 0x2190 && u <= 0x21FF) || (u >= 0x2500 && u <= 0x25FF) { return false }
        return hasPunctuationCategory(u)
    }

    // The lookups of Unicode properties are functions of their own, never inlined: the standard
    // library's property types are resilient, and a function that uses them sets up their type
    // metadata on every call (two calls into the runtime), also when it returns before reaching
    // them, as the character tests called for every segment or word do on ASCII and Latin-1.

    @inline(never)
    private static func hasPunctuationCategory(_ u: UInt16) -> Bool {
        guard let scalar = Unicode.Scalar(u) else { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    @inline(never)
    private static func hasUppercaseProperty(_ u: UInt16) -> Bool {
        guard let scalar = Unicode.Scalar(u) else { return false }
        return scalar.properties.isUppercase
    }

    @inline(never)
    private static func hasLowercaseProperty(_ u: UInt16) -> Bool {
        guard let scalar = Unicode.Scalar(u) else { return false }
        return scalar.properties.isLowercase
    }

    // MARK: - Building

    /// An empty array with room for `capacity` elements, in `spare`'s memory when that is not
    /// much larger than needed (while the last document is alive, emptying it allocates a new
    /// array of its capacity); `spare` is left empty.
    private static func emptied<Element>(_ spare: inout [Element], capacity: Int) -> [Element] {
        var array: [Element] = []
        if spare.capacity >= capacity && spare.capacity <= 2 * capacity {
            swap(&array, &spare)
            array.removeAll(keepingCapacity: true)
        }
        spare = []
        array.reserveCapacity(capacity)
        return array
    }

    private func build(text: String, units: [UInt16], name: String, mode: ParagraphMode) -> Document {
        var stream = SegmentStream(words: words, units: units)
        // Taken out while the document is built (so that it is changed in place), put back after.
        var lexicon = self.lexicon
        self.lexicon = Lexicon.placeholder
        defer { self.lexicon = lexicon }
        lexicon.beginDocument(expectedForms: min(units.count / 256, 1 << 16))
        let expectedTokens = units.count / 6 + 16
        var tokens = Self.emptied(&spareTokens, capacity: expectedTokens)
        var forms = Self.emptied(&spareForms, capacity: expectedTokens)
        var compounds: [SpacedCompound] = []

        /// The index of the token's first segment in the stream.
        var i = 0
        var previousWordKeyID: Int32 = -1
        var previousContinuesCompound = false
        /// The end of the last token: the gap before the next one starts there.
        var gapStart = 0
        var lookForBlankLine = mode == .automatic
        var splitter = SentenceSplitter()
        /// The key of a raw form, through the lexicon cache (interning it on a miss).
        func cachedKey(_ from: Int, _ to: Int) -> String {
            let hash = Lexicon.hash(units, from, to)
            if let cached = lexicon.lookup(units, from, to, hash: hash) { return lexicon.keys[Int(cached.key)] }
            return MatchKey.make(units: units, from, to)
        }
        while stream.has(i) {
            let first = stream[i]
            var end = Int(first.end)
            var kind = first.kind
            var flags: Token.Flags = []
            var j = i + 1


            if kind == .word || kind == .number {
                extend: while true {
                    if stream.startsAt(j, end) && stream.isHyphen(j) {
                        let afterHyphen = j + 1
                        if stream.has(afterHyphen) && Int(stream[afterHyphen].start) == Int(stream[j].end) && stream.isWordLike(afterHyphen) {
                            end = Int(stream[afterHyphen].end)
                            flags.insert(.hyphenated)
                            if kind == .number { kind = .word }
                            j = afterHyphen + 1
                            continue extend
                        }
                        if stream.has(afterHyphen + 1) && Int(stream[afterHyphen].start) == Int(stream[j].end) && stream.isChar(afterHyphen, 0x2F)
                            && Int(stream[afterHyphen + 1].start) == Int(stream[afterHyphen].end) && stream.isWordLike(afterHyphen + 1) {
                            // "Spa-/Wellness-Bereich"
                            end = Int(stream[afterHyphen + 1].end)
                            flags.insert(.hyphenated)
                            j = afterHyphen + 2
                            continue extend
                        }
                        // A trailing hyphen: "US-", "Nord-", "Zusammen-".
                        end = Int(stream[j].end)
                        j += 1
                        if stream.has(j) && stream.isWordLike(j) && Self.gapIsLineBreak(units, end, Int(stream[j].start)) {
                            // Hyphenation across a line break: join into one token.
                            if Self.startsLowercase(units, Int(stream[j].start)) {
                                flags.insert(.dehyphenated)
                            } else {
                                flags.insert(.hyphenated)
                            }
                            end = Int(stream[j].end)
                            j += 1
                            continue extend
                        }
                        flags.insert(.continuesCompound)
                        break extend
                    }
                    if kind == .number && stream.startsAt(j, end) && stream.isChar(j, 0x2F) && stream.has(j + 1) && Int(stream[j + 1].start) == Int(stream[j].end)
                        && stream[j + 1].kind == .number {
                        // "2021/22"
                        end = Int(stream[j + 1].end)
                        j += 2
                        continue extend
                    }
                    if stream.startsAt(j, end) && stream.isChar(j, 0x2E) {
                        let wordKey = cachedKey(Int(first.start), end)
                        if kind == .word && isAbbreviation(units, Int(first.start), end, key: wordKey) {
                            end = Int(stream[j].end)
                            flags.insert(.abbreviation)
                            j += 1
                            // "Lat.-" keeps a trailing hyphen too.
                            if stream.startsAt(j, end) && stream.isHyphen(j) && !(stream.has(j + 1) && Int(stream[j + 1].start) == Int(stream[j].end)) {
                                end = Int(stream[j].end)
                                j += 1
                                flags.insert(.continuesCompound)
                            }
                        } else if kind == .number && isOrdinal(units, Int(first.start), end, followedAt: j + 1, in: &stream,
                                                                         previousWordKey: previousWordKeyID >= 0 ? lexicon.documentKeys[Int(previousWordKeyID)] : "") {
                            end = Int(stream[j].end)
                            j += 1
                        }
                    }
                    break extend
                }
            } else if kind == .punct, let emoticonEnd = Self.emoticonEnd(units, &stream, i) {
                // ":-)", ";-)", ":)" are one symbol.
                kind = .symbol
                while stream.has(j) && Int(stream[j].end) <= emoticonEnd { j += 1 }
                end = emoticonEnd
            } else if kind == .punct && first.end - first.start == 1 && Self.isApostrophe(units[Int(first.start)])
                        && stream.startsAt(j, end) && stream[j].kind == .word && stream[j].end - stream[j].start == 1
                        && (units[Int(stream[j].start)] | 0x20) == 0x73
                        && (!stream.has(j + 1) || Int(stream[j + 1].start) > Int(stream[j].end) || stream[j + 1].kind == .punct) {
                // The clitic "'s" ("Ich fand 's gut") is one word.
                kind = .word
                end = Int(stream[j].end)
                j += 1
            } else if kind == .punct {
                // Runs of periods, hyphens or typewriter quotes are one token: "...", "--", "``", "''".
                let c = units[Int(first.start)]
                if first.end - first.start == 1 && (c == 0x2E || c == 0x2D || c == 0x60 || c == 0x27) {
                    while stream.startsAt(j, end) && stream.isChar(j, c) {
                        end = Int(stream[j].end)
                        j += 1
                    }
                }
            }

            let start = Int(first.start)
            let tokenKind: TokenKind
            switch kind {
            case .word: tokenKind = .word
            case .number: tokenKind = .number
            case .punct: tokenKind = .punct
            case .symbol: tokenKind = .symbol
            }
            let startScalar = stream.scalarOffset(start)
            let endScalar = stream.scalarOffset(end)

            // Key and stem, through the lexicon cache, then numbered in this document.
            var keyNumber: Int32
            var stemNumber: Int32
            var formNumber: Int32 = -1
            let isWord = tokenKind == .word
            if flags.contains(.dehyphenated) || flags.contains(.hyphenated) && Self.containsLineBreak(units, start, end) {
                let raw = Self.removingLineBreakHyphenation(units, start, end, keepHyphen: !flags.contains(.dehyphenated))
                keyNumber = lexicon.internKey(utf8: MatchKey.utf8(units: raw, 0, raw.count))
                stemNumber = lexicon.stemID(ofKey: keyNumber, isWord: isWord, stemmer: stemmer)
            } else {
                let hash = Lexicon.hash(units, start, end)
                if let cached = lexicon.lookup(units, start, end, hash: hash) {
                    keyNumber = cached.key
                    stemNumber = cached.isWord == isWord ? cached.stem : lexicon.stemID(ofKey: keyNumber, isWord: isWord, stemmer: stemmer)
                    formNumber = cached.form
                } else {
                    keyNumber = lexicon.internKey(utf8: MatchKey.utf8(units: units, start, end))
                    stemNumber = lexicon.stemID(ofKey: keyNumber, isWord: isWord, stemmer: stemmer)
                    formNumber = lexicon.remember(units, start, end, hash: hash, key: keyNumber, stem: stemNumber, isWord: isWord)
                }
            }
            let keyID = lexicon.localKey(keyNumber)
            let stemID = lexicon.localStem(stemNumber)
            if tokenKind == .word {
                let u = units[start]
                if Self.isUppercase(u) {
                    flags.insert(.capitalized)
                    if end - start >= 2 && Self.isAllCaps(units, start, end) { flags.insert(.allCaps) }
                }
                previousWordKeyID = keyID
            } else {
                previousWordKeyID = -1
            }
            // Spaced compounds: a token ending in a hyphen, then (after spaces only) a word that is not a coordinator.
            if previousContinuesCompound && tokenKind == .word && !Self.gapIsLineBreak(units, gapStart, start) {
                let key = lexicon.documentKeys[Int(keyID)]
                if !GermanAbbreviations.coordinators.contains(key) {
                    let t = tokens.count - 1
                    compounds.append(SpacedCompound(tokens: t..<(t + 2), key: lexicon.documentKeys[Int(tokens[t].keyID)] + key))
                }
            }
            previousContinuesCompound = flags.contains(.continuesCompound)
            // Blank lines can only lie in the gaps between tokens: a token holds at most one line break.
            if lookForBlankLine && start - gapStart >= 2 && Self.hasBlankLine(units, gapStart, start) { lookForBlankLine = false }
            gapStart = end
            tokens.append(Token(start: startScalar, end: endScalar, utf16Start: Int32(start), utf16End: Int32(end),
                                keyID: keyID, stemID: stemID, kind: tokenKind, flags: flags))
            forms.append(formNumber)
            // Sentences are split a little behind the tokens, while these are still in the cache,
            // once it is known whether single line breaks end paragraphs.
            if tokens.count & 4095 == 0 && (mode != .automatic || !lookForBlankLine) {
                splitter.advance(tokens: tokens, units: units, keys: lexicon.documentKeys, blankLineMode: mode != .lines, complete: false)
            }
            i = j
            if i >= 16_384 && 2 * i >= stream.count {
                // Drop the segments behind: the stream keeps only a window of the text's segments.
                stream.drop(i)
                i = 0
            }
        }
        if lookForBlankLine && Self.hasBlankLine(units, gapStart, units.count) { lookForBlankLine = false }

        let blankLines = mode == .automatic ? !lookForBlankLine : mode == .blankLines
        splitter.advance(tokens: tokens, units: units, keys: lexicon.documentKeys, blankLineMode: blankLines, complete: true)
        let (sentences, paragraphs) = splitter.finish(tokens: tokens)
        spareUnits = units
        spareTokens = tokens
        spareForms = forms
        return Document(name: name, text: text, utf16: units, tokens: tokens, sentences: sentences, paragraphs: paragraphs,
                        spacedCompounds: compounds, keys: lexicon.documentKeys, stems: lexicon.documentStems,
                        keyNumbers: KeyNumbers(numbering: lexicon.numbering, numbers: lexicon.documentKeyNumbers, tokenForms: forms),
                        astralOffsets: stream.astral)
    }

    // MARK: - Decisions

    private func isAbbreviation(_ units: [UInt16], _ start: Int, _ end: Int, key: String) -> Bool {
        // Single letters: initials and "z. B.", "u. a.".
        if end - start == 1 { return true }
        // Words with inner periods: "z.B", "U.S.A", "u.a".
        if units[start..<end].contains(0x2E) { return true }
        // (The sets hold short words: longer keys skip hashing.)
        if key.utf8.count > GermanAbbreviations.longestAbbreviation { return false }
        if GermanAbbreviations.nonFinal.contains(key) { return true }
        if GermanAbbreviations.mayEndSentence.contains(key) { return true }
        return false
    }

    private func isOrdinal(_ units: [UInt16], _ start: Int, _ end: Int, followedAt next: Int, in stream: inout SegmentStream, previousWordKey: String) -> Bool {
        guard end - start <= 3, units[start..<end].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        guard stream.has(next), stream[next].kind == .word || stream[next].kind == .number else { return false }
        // There must be white space (not a line break followed by a capital) between.
        let nextStart = Int(stream[next].start)
        let nextKey = MatchKey.make(units: units, nextStart, Int(stream[next].end))
        if GermanAbbreviations.months.contains(nextKey) { return true }
        if stream[next].kind == .word && !Self.isUppercase(units[nextStart]) && !Self.gapIsLineBreak(units, end + 1, nextStart) { return true }
        if GermanAbbreviations.ordinalContext.contains(previousWordKey) { return true }
        return false
    }

    /// Groups tokens into sentences and paragraphs, in installments while the tokens are being made.
    ///
    /// A sentence ends at a terminator (".", "!", "?", "…", or an abbreviation that may end a
    /// sentence), with the further terminators and closing quotes or brackets that touch it, when
    /// white space and a capital, digit or opening quote follow; and at every paragraph end. A
    /// paragraph ends at a blank line, and in `blankLineMode == false` at every line break.
    struct SentenceSplitter {
        private(set) var sentences: [Sentence] = []
        private(set) var paragraphs: [Paragraph] = []
        private var sentenceStart = 0
        private var paragraphStart = 0
        /// The next token to look at.
        private var t = 0

        /// Looks at the tokens from where it stopped. Unless `complete` (`tokens` are all of the
        /// text's), stops before a token whose decision needs tokens that do not exist yet.
        mutating func advance(tokens: [Token], units: [UInt16], keys: [String], blankLineMode: Bool, complete: Bool) {
            var t = self.t
            defer { self.t = t }
            while t < tokens.count {
                let token = tokens[t]
                let isLast = t == tokens.count - 1
                if isLast && !complete { return }
                if !isLast {
                    let gapStart = Int(token.utf16End), gapEnd = Int(tokens[t + 1].utf16Start)
                    // (Most gaps are empty or one space.)
                    let breaks = gapEnd == gapStart || gapEnd - gapStart == 1 && units[gapStart] == 0x20 ? 0 : GermanTokenizer.lineBreaks(units, gapStart, gapEnd)
                    if breaks >= 2 || (breaks >= 1 && !blankLineMode) {
                        closeSentence(t, tokens)
                        closeParagraph()
                        t += 1
                        continue
                    }
                }
                if GermanTokenizer.isTerminator(token, units: units, keys: keys) {
                    // Take further terminators and closing quotes or brackets that touch it.
                    var last = t
                    while last + 1 < tokens.count, tokens[last + 1].utf16Start == tokens[last].utf16End,
                          tokens[last + 1].kind == .punct, GermanTokenizer.isTerminatorOrCloser(tokens[last + 1], units: units) {
                        last += 1
                    }
                    if last + 1 == tokens.count {
                        if !complete { return }
                        t = last + 1
                        continue
                    }
                    let next = tokens[last + 1]
                    let spaced = next.utf16Start > tokens[last].utf16End
                    if spaced && GermanTokenizer.startsSentence(next, units: units) {
                        closeSentence(last, tokens)
                    }
                    t = last + 1
                    continue
                }
                t += 1
            }
        }

        /// Closes the last sentence and paragraph; returns them all. (After `advance` with `complete`.)
        mutating func finish(tokens: [Token]) -> ([Sentence], [Paragraph]) {
            guard !tokens.isEmpty else { return ([], []) }
            closeSentence(tokens.count - 1, tokens)
            closeParagraph()
            return (sentences, paragraphs)
        }

        private mutating func closeSentence(_ last: Int, _ tokens: [Token]) {
            guard last >= sentenceStart else { return }
            sentences.append(Sentence(tokens: sentenceStart..<(last + 1), start: Int(tokens[sentenceStart].start), end: Int(tokens[last].end)))
            sentenceStart = last + 1
        }

        private mutating func closeParagraph() {
            guard sentences.count > paragraphStart else { return }
            let first = sentences[paragraphStart], last = sentences[sentences.count - 1]
            paragraphs.append(Paragraph(sentences: paragraphStart..<sentences.count, start: first.start, end: last.end))
            paragraphStart = sentences.count
        }
    }

    @inline(__always)
    fileprivate static func isTerminator(_ token: Token, units: [UInt16], keys: [String]) -> Bool {
        switch token.kind {
        case .punct:
            let first = units[Int(token.utf16Start)]
            return first == 0x2E || first == 0x21 || first == 0x3F || first == 0x2026
        case .word where token.flags.contains(.abbreviation):
            // "usw." and "etc." may end a sentence; titles and "z." do not.
            let key = keys[Int(token.keyID)]
            return key.utf8.count <= GermanAbbreviations.longestAbbreviation + 1 && GermanAbbreviations.mayEndSentence.contains(String(key.dropLast()))
        default:
            return false
        }
    }

    fileprivate static func isTerminatorOrCloser(_ token: Token, units: [UInt16]) -> Bool {
        let u = units[Int(token.utf16Start)]
        switch u {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x201C, 0x201D, 0x2019, 0x00BB, 0x00AB, 0x203A, 0x2039, 0x60:
            return true
        default:
            return false
        }
    }

    fileprivate static func startsSentence(_ token: Token, units: [UInt16]) -> Bool {
        let u = units[Int(token.utf16Start)]
        if isUppercase(u) { return true }
        if u >= 0x30 && u <= 0x39 { return true }
        switch u {
        case 0x22, 0x27, 0x28, 0x5B, 0x201E, 0x201C, 0x201A, 0x2018, 0x00BB, 0x00AB, 0x2039, 0x203A, 0x60, 0x2013, 0x2014, 0x2D:
            return true
        default:
            return false
        }
    }

    // MARK: - Character tests

    static func isApostrophe(_ u: UInt16) -> Bool { u == 0x27 || u == 0x2019 || u == 0x02BC }

    /// The end of an emoticon starting at segment `i` (":-)", ";-)", ":)", ":-(", ":D"), or nil.
    private static func emoticonEnd(_ units: [UInt16], _ stream: inout SegmentStream, _ i: Int) -> Int? {
        let start = Int(stream[i].start)
        guard units[start] == 0x3A || units[start] == 0x3B else { return nil }
        var k = start + 1
        if k < units.count && units[k] == 0x2D { k += 1 }
        guard k < units.count else { return nil }
        switch units[k] {
        case 0x29, 0x28, 0x44, 0x50, 0x70:  // ) ( D P p
            let end = k + 1
            // It must stand alone: followed by space, end of text or punctuation.
            if end < units.count {
                let after = units[end]
                if after != 0x20 && after != 0x0A && after != 0x0D && after != 0x09 && after != 0x2E && after != 0x21 && after != 0x2C { return nil }
            }
            // Segment boundaries must line up with the emoticon's end.
            var j = i
            while stream.has(j) && Int(stream[j].end) < end { j += 1 }
            guard stream.has(j), Int(stream[j].end) == end else { return nil }
            return end
        default:
            return nil
        }
    }

    @inline(__always)
    static func isUppercase(_ u: UInt16) -> Bool {
        if u >= 0x41 && u <= 0x5A { return true }
        if u < 0xC0 { return false }
        if u <= 0xDE { return u != 0xD7 }
        return hasUppercaseProperty(u)
    }

    static func isAllCaps(_ units: [UInt16], _ from: Int, _ to: Int) -> Bool {
        var letters = 0
        for i in from..<to {
            let u = units[i]
            if u >= 0x61 && u <= 0x7A { return false }
            // Latin-1 without property lookups: ß...ÿ are lower case (÷ is no letter).
            if u >= 0xDF && u <= 0xFF {
                if u != 0xF7 { return false }
                continue
            }
            if isUppercase(u) { letters += 1; continue }
            if u >= 0xDF && hasLowercaseProperty(u) { return false }
        }
        return letters >= 2
    }

    static func startsLowercase(_ units: [UInt16], _ at: Int) -> Bool {
        let u = units[at]
        if u >= 0x61 && u <= 0x7A { return true }
        return u >= 0xDF && hasLowercaseProperty(u)
    }

    static func lineBreaks(_ units: [UInt16], _ from: Int, _ to: Int) -> Int {
        var count = 0
        var i = from
        while i < to {
            let u = units[i]
            if u == 0x0A || u == 0x2028 || u == 0x2029 || u == 0x0B || u == 0x0C || u == 0x85 {
                count += 1
            } else if u == 0x0D {
                count += 1
                if i + 1 < to && units[i + 1] == 0x0A { i += 1 }
            }
            i += 1
        }
        return count
    }

    /// The gap holds exactly one line break and otherwise only spaces and tabs.
    static func gapIsLineBreak(_ units: [UInt16], _ from: Int, _ to: Int) -> Bool {
        guard to > from else { return false }
        for i in from..<to {
            switch units[i] {
            case 0x0A, 0x0D, 0x20, 0x09: continue
            default: return false
            }
        }
        return lineBreaks(units, from, to) == 1
    }

    /// Appends the UTF-16 offsets of the surrogate pairs (scalars outside the BMP) in `units[range]`.
    static func appendAstralOffsets(_ units: [UInt16], _ range: Range<Int>, to result: inout [Int32]) {
        var i = range.lowerBound
        while i + 1 < range.upperBound {
            if units[i] & 0xFC00 == 0xD800 && units[i + 1] & 0xFC00 == 0xDC00 {
                result.append(Int32(i))
                i += 2
            } else {
                i += 1
            }
        }
    }

    static func containsLineBreak(_ units: [UInt16], _ from: Int, _ to: Int) -> Bool {
        units[from..<to].contains { $0 == 0x0A || $0 == 0x0D }
    }

    /// Whether the text separates paragraphs with blank lines. Decided on its UTF-8 bytes: the
    /// characters involved are ASCII, and no byte of a multi-byte sequence is below 0x80.
    public static func hasBlankLine(_ text: String) -> Bool { hasBlankLine(codeUnits: text.utf8) }

    static func hasBlankLine(_ units: [UInt16]) -> Bool { hasBlankLine(codeUnits: units) }

    /// Whether `units[from..<to]` holds a line break followed by only spaces, tabs and carriage returns up to another line break.
    static func hasBlankLine(_ units: [UInt16], _ from: Int, _ to: Int) -> Bool { hasBlankLine(codeUnits: units[from..<to]) }

    /// The rule of `hasBlankLine`, on UTF-8 or UTF-16 code units.
    static func hasBlankLine<Units: Sequence>(codeUnits: Units) -> Bool where Units.Element: FixedWidthInteger {
        var lineIsBlank = false
        var sawBreak = false
        for unit in codeUnits {
            switch unit {
            case 0x0A:
                if sawBreak && lineIsBlank { return true }
                sawBreak = true
                lineIsBlank = true
            case 0x0D, 0x20, 0x09: continue
            default: lineIsBlank = false
            }
        }
        return false
    }

    /// The code units of a token hyphenated across a line break, without the break
    /// (and without the hyphen unless `keepHyphen`).
    static func removingLineBreakHyphenation(_ units: [UInt16], _ from: Int, _ to: Int, keepHyphen: Bool) -> [UInt16] {
        var out: [UInt16] = []
        var i = from
        while i < to {
            let u = units[i]
            if MatchKey.isHyphen(u) && i + 1 < to && (units[i + 1] == 0x0A || units[i + 1] == 0x0D || units[i + 1] == 0x20 || units[i + 1] == 0x09) {
                if keepHyphen { out.append(u) }
                i += 1
                while i < to && (units[i] == 0x0A || units[i] == 0x0D || units[i] == 0x20 || units[i] == 0x09) { i += 1 }
                continue
            }
            out.append(u)
            i += 1
        }
        return out
    }
}
