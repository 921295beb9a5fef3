import GlossaGlossary
import GlossaText

/// A stage that proposes annotations for text no glossary entry covers (such as guessed
/// renderings of unknown Russian names). It sees the document and the glossary matches
/// and returns its own annotations; it never changes the matches.
public protocol GuessStage: Sendable {
    func guesses(in document: Document, covered: [Match]) -> [Annotation]
}

/// Turns a document into an annotated document: glossary matches, then optional guesses.
///
/// No global state: one annotator (with its shared, immutable index) can annotate many
/// documents in parallel.
public struct Annotator: Sendable {
    public let index: GlossaryIndex
    public let matcher: Matcher
    public let guessStage: (any GuessStage)?
    /// How entry sources are shown (`path:line`); the default keeps paths as loaded.
    public let displayPath: @Sendable (String) -> String

    public init(index: GlossaryIndex, options: MatchOptions = .default, guessStage: (any GuessStage)? = nil,
                displayPath: @escaping @Sendable (String) -> String = { $0 }) {
        self.index = index
        matcher = Matcher(index: index, options: options)
        self.guessStage = guessStage
        self.displayPath = displayPath
    }

    /// Entries of the per-document cache of annotation infos (a power of two).
    static let infoCacheSize = 4096

    /// Annotates one document.
    public func annotate(_ document: Document) -> AnnotatedDocument {
        annotate(document, memory: MatchMemory())
    }

    /// Annotates one document, with the matcher's memory of earlier documents (one memory per
    /// thread; see `MatchMemory`). The result is the same as without it.
    public func annotate(_ document: Document, memory: MatchMemory) -> AnnotatedDocument {
        annotate(document, matches: matcher.matches(in: document, memory: memory))
    }

    /// Annotates one document given its glossary matches (`matcher.matches(in:)` of this
    /// annotator's matcher), for callers that run the matching stage on its own.
    public func annotate(_ document: Document, matches: [Match]) -> AnnotatedDocument {
        let entries = index.glossary.entries
        var annotations: [Annotation] = []
        annotations.reserveCapacity(matches.count)
        var sentence = 0
        // Entries of one file share its path: the shown path is worked out once per file.
        var lastFile = "", lastShown = ""
        // The entry-dependent part of the annotations, made once per glossary form in this
        // document (a small direct-mapped cache by form number; a collision only makes another).
        var infoForms = [Int](repeating: -1, count: Self.infoCacheSize)
        var infos = [AnnotationInfo?](repeating: nil, count: Self.infoCacheSize)
        var texts = SpellingCache()
        for match in matches {
            while sentence + 1 < document.sentences.count && document.sentences[sentence].tokens.upperBound <= match.tokens.lowerBound {
                sentence += 1
            }
            let cacheSlot = match.formIndex & (Self.infoCacheSize - 1)
            let info: AnnotationInfo
            if infoForms[cacheSlot] == match.formIndex, let known = infos[cacheSlot] {
                info = known
            } else {
                // Fields are read one by one: copying a whole entry would retain all its strings.
                var source: SourceLocation?
                if let location = entries[match.entry].location {
                    if location.file != lastFile {
                        lastFile = location.file
                        lastShown = displayPath(location.file)
                    }
                    source = SourceLocation(file: lastShown, line: location.line)
                }
                info = AnnotationInfo(gloss: index.gloss(of: match), type: entries[match.entry].type, entryID: entries[match.entry].id, source: source)
                infoForms[cacheSlot] = match.formIndex
                infos[cacheSlot] = info
            }
            annotations.append(Annotation(
                start: match.start, end: match.end,
                text: texts.string(document.utf16, document.utf16Offset(ofScalar: match.start), document.utf16Offset(ofScalar: match.end)),
                kind: match.kind,
                entryIndex: match.entry, sentence: sentence, tokens: match.tokens, formIndex: match.formIndex, info: info))
        }
        if let guessStage {
            let guesses = guessStage.guesses(in: document, covered: matches)
            if !guesses.isEmpty {
                annotations = (annotations + guesses).sorted { $0.start < $1.start }
            }
        }
        let sources = index.glossary.sources.map { Glossary.Source(path: displayPath($0.path), entries: $0.entries) }
        return AnnotatedDocument(document: document, annotations: annotations, glossaries: sources, entries: entries)
    }
}

/// The strings of spellings met in one document's text, so that an annotation repeating a
/// spelling shares the string made for it before: a direct-mapped cache by a hash of the code
/// units, holding where in the text the spelling was seen (a collision only makes another).
struct SpellingCache {
    static let size = 4096
    private var ranges = [SIMD2<Int32>](repeating: SIMD2(0, -1), count: SpellingCache.size)
    private var strings = [String](repeating: "", count: SpellingCache.size)

    /// `units[from..<to]` as a string.
    mutating func string(_ units: [UInt16], _ from: Int, _ to: Int) -> String {
        var hash: UInt32 = 2_166_136_261
        for i in from..<to { hash = (hash ^ UInt32(units[i])) &* 16_777_619 }
        let slot = Int(hash >> 20) & (Self.size - 1)
        let seen = ranges[slot]
        if Int(seen.y) - Int(seen.x) == to - from && units[Int(seen.x)..<Int(seen.y)].elementsEqual(units[from..<to]) {
            return strings[slot]
        }
        let text = UTF16Text.string(units, from, to)
        ranges[slot] = SIMD2(Int32(from), Int32(to))
        strings[slot] = text
        return text
    }
}
