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
        infos = GlossaryInfos(index: index, displayPath: displayPath)
    }

    /// The English, type, id and source of glossary annotations, made when a writer asks.
    let infos: GlossaryInfos

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
        for match in matches {
            while sentence + 1 < document.sentences.count && document.sentences[sentence].tokens.upperBound <= match.tokens.lowerBound {
                sentence += 1
            }
            // The text is the document's between the offsets: kept as a range of its code units;
            // English, type, id and source are made from the form and entry when asked for.
            records.append(AnnotationRecord(
                start: Int32(match.start), end: Int32(match.end),
                textStart: Int32(document.utf16Offset(ofScalar: match.start)), textEnd: Int32(document.utf16Offset(ofScalar: match.end)),
                kind: match.kind, sentence: Int32(sentence), tokenStart: Int32(match.tokens.lowerBound), tokenEnd: Int32(match.tokens.upperBound),
                entryIndex: Int32(match.entry), formIndex: Int32(match.formIndex), info: -1))
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
        return AnnotatedDocument(document: document, annotations: Annotations(records: records, infos: infos, glossaryInfos: self.infos, texts: texts, units: document.utf16),
                                 glossaries: self.infos.sources, entries: entries)
    }
}
