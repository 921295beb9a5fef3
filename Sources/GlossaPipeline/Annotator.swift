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
        var records: [AnnotationRecord] = []
        records.reserveCapacity(matches.count)
        var infos: [AnnotationInfo] = []
        var sentence = 0
        // Entries of one file share its path: the shown path is worked out once per file.
        var lastFile = "", lastShown = ""
        // The entry-dependent part of the annotations, made once per glossary form in this
        // document (a small direct-mapped cache by form number; a collision only makes another).
        var infoForms = [Int](repeating: -1, count: Self.infoCacheSize)
        var infoNumbers = [Int32](repeating: 0, count: Self.infoCacheSize)
        for match in matches {
            while sentence + 1 < document.sentences.count && document.sentences[sentence].tokens.upperBound <= match.tokens.lowerBound {
                sentence += 1
            }
            let cacheSlot = match.formIndex & (Self.infoCacheSize - 1)
            if infoForms[cacheSlot] != match.formIndex {
                // Fields are read one by one: copying a whole entry would retain all its strings.
                var source: SourceLocation?
                if let location = entries[match.entry].location {
                    if location.file != lastFile {
                        lastFile = location.file
                        lastShown = displayPath(location.file)
                    }
                    source = SourceLocation(file: lastShown, line: location.line)
                }
                infos.append(AnnotationInfo(gloss: index.gloss(of: match), type: entries[match.entry].type, entryID: entries[match.entry].id, source: source))
                infoForms[cacheSlot] = match.formIndex
                infoNumbers[cacheSlot] = Int32(infos.count - 1)
            }
            // The text is the document's between the offsets: kept as a range of its code units.
            records.append(AnnotationRecord(
                start: Int32(match.start), end: Int32(match.end),
                textStart: Int32(document.utf16Offset(ofScalar: match.start)), textEnd: Int32(document.utf16Offset(ofScalar: match.end)),
                kind: match.kind, sentence: Int32(sentence), tokenStart: Int32(match.tokens.lowerBound), tokenEnd: Int32(match.tokens.upperBound),
                entryIndex: Int32(match.entry), formIndex: Int32(match.formIndex), info: infoNumbers[cacheSlot]))
        }
        var texts: [String] = []
        if let guessStage {
            let guesses = guessStage.guesses(in: document, covered: matches)
            if !guesses.isEmpty {
                for guess in guesses {
                    texts.append(guess.text)
                    infos.append(guess.info)
                    records.append(AnnotationRecord(
                        start: Int32(guess.start), end: Int32(guess.end), textStart: -Int32(texts.count), textEnd: 0,
                        kind: guess.kind, sentence: Int32(guess.sentence), tokenStart: Int32(guess.tokens.lowerBound), tokenEnd: Int32(guess.tokens.upperBound),
                        entryIndex: Int32(guess.entryIndex ?? -1), formIndex: Int32(guess.formIndex ?? -1), info: Int32(infos.count - 1)))
                }
                records.sort { $0.start < $1.start }
            }
        }
        let sources = index.glossary.sources.map { Glossary.Source(path: displayPath($0.path), entries: $0.entries) }
        return AnnotatedDocument(document: document, annotations: Annotations(records: records, infos: infos, texts: texts, units: document.utf16),
                                 glossaries: sources, entries: entries)
    }
}
