import GlossaGlossary
import GlossaPipeline
import GlossaText
import Testing

/// Hand-made annotated documents, independent of the bundled glossary data, for tests that need
/// exact control over spans and glosses (escaping, alignment, collisions).
enum Synthetic {
    struct Span {
        let text: String
        let gloss: String
        var type: EntryType = .term
        var occurrence: Int = 1
        /// Whether the span comes from a (made-up) glossary entry; false makes a guess.
        var fromGlossary: Bool = true
        /// The entry's status, name in the original script and note.
        var status: EntryStatus = .preferred
        var orig: String = ""
        var note: String = ""
    }

    /// Annotates `text` with `spans`, found by their text (the n-th occurrence).
    static func document(_ text: String, _ spans: [Span]) throws -> AnnotatedDocument {
        let document = try GermanTokenizer().document(text, name: "synthetic.txt")
        let scalars = Array(text.unicodeScalars)
        var entries: [GlossaryEntry] = []
        var annotations: [Annotation] = []
        for span in spans {
            let needle = Array(span.text.unicodeScalars)
            var found: Int?
            var seen = 0
            var i = 0
            while i + needle.count <= scalars.count {
                if Array(scalars[i..<i + needle.count]) == needle {
                    seen += 1
                    if seen == span.occurrence { found = i; break }
                }
                i += 1
            }
            let start = try #require(found, "span \(span.text) not in text")
            let end = start + needle.count
            let sentence = try #require(document.sentences.firstIndex { $0.start <= start && start < $0.end })
            let firstToken = document.tokens.firstIndex { Int($0.end) > start } ?? 0
            let lastToken = document.tokens.lastIndex { Int($0.start) < end } ?? firstToken
            var entryIndex: Int?
            var id: String?
            var source: GlossaGlossary.SourceLocation?
            if span.fromGlossary {
                let slug = span.text.lowercased().replacingOccurrences(of: " ", with: "-")
                if let existing = entries.firstIndex(where: { $0.de == span.text }) {
                    entryIndex = existing
                } else {
                    entries.append(GlossaryEntry(de: span.text, en: span.gloss, type: span.type, status: span.status, orig: span.orig, note: span.note,
                                                 id: "test/\(slug)",
                                                 location: SourceLocation(file: "test.tsv", line: entries.count + 2)))
                    entryIndex = entries.count - 1
                }
                id = entries[entryIndex!].id
                source = GlossaGlossary.SourceLocation(file: "test.tsv", line: entries[entryIndex!].location!.line)
            }
            annotations.append(Annotation(start: start, end: end, text: span.text, gloss: span.gloss, type: span.type,
                                          kind: span.fromGlossary ? .exact : .guess, entryID: id, entryIndex: entryIndex,
                                          source: source, sentence: sentence, tokens: firstToken..<(lastToken + 1)))
        }
        annotations.sort { $0.start < $1.start }
        return AnnotatedDocument(document: document, annotations: annotations, glossaries: [], entries: entries)
    }
}
