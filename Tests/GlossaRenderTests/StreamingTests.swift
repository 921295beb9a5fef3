import GlossaGlossary
import GlossaPipeline
import GlossaRender
import GlossaTestSupport
import GlossaText
import Testing

@Suite struct StreamingTests {
    /// Pieces cut at paragraph boundaries, annotated on several threads, give exactly the JSON
    /// Lines of the whole text annotated at once.
    @Test(arguments: [1, 2, 4])
    func piecesInParallelEqualTheWhole(jobs: Int) throws {
        let article = try TestSupport.text("Fixtures/de/kuba-russland.txt")
        let text = Array(repeating: article, count: 6).joined()
        let index = try GlossaryIndex(Glossary.load(paths: [TestSupport.file("Glossaries/de-en").path]))
        let annotator = Annotator(index: index)
        let whole = OutputFormat.jsonl.render(annotator.annotate(try GermanTokenizer().document(text, name: "x", paragraphs: .lines)),
                                              context: WriterContext(name: "x"))
        var streamed = ""
        let counts = try StreamingAnnotation.jsonl(text: text, name: "x", annotator: annotator, tokenizers: ResourcePool { try GermanTokenizer() },
                                                   jobs: jobs, pieceSize: 700) { streamed += $0 }
        #expect(streamed == whole)
        #expect(counts.sentences == whole.split(separator: "\n").count)
    }

    /// Offsets count Unicode scalars, whatever the UTF-8 length of the characters before.
    @Test(arguments: [ParagraphMode.lines, .blankLines])
    func chunkerOffsetsCountScalars(mode: ParagraphMode) {
        let text = "Größe 😀 Ärger.\r\nZeile zwei –\n\nΔρόμος drei.\n\nМосква vier-\nfünf.\n\nEnde 🇨🇺.\n"
        let pieces = TextChunker.pieces(of: text, mode: mode, targetScalars: 8)
        #expect(pieces.count > 2)
        #expect(pieces.map(\.text).joined() == text)
        var offset = 0
        for piece in pieces {
            #expect(piece.scalarOffset == offset)
            #expect(piece.text.unicodeScalars.last == "\n")
            #expect(!piece.text.hasSuffix("-\n"))
            offset += piece.text.unicodeScalars.count
        }
    }

    @Test func chunkerCutsOnlyAtParagraphBoundaries() {
        let text = "Eins zwei.\nDrei vier Zusammen-\narbeit.\n\nFünf.\nSechs."
        let pieces = TextChunker.pieces(of: text, mode: .lines, targetScalars: 5)
        #expect(pieces.map(\.text).joined() == text)
        #expect(!pieces.contains { $0.text.hasSuffix("Zusammen-\n") })
        for piece in pieces {
            #expect(Array(text.unicodeScalars)[piece.scalarOffset...].starts(with: piece.text.unicodeScalars))
        }
    }
}
