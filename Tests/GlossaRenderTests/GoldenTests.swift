import GlossaPipeline
import GlossaRender
import GlossaTestSupport
import Testing

/// Every format over every fixture, compared with `Fixtures/golden/render/NAME.EXT`
/// (re-record with GLOSSA_RECORD=1 after reviewing the change).
@Suite struct GoldenTests {
    static let formats: [(OutputFormat, WriterContext, String)] = [
        (.text, WriterContext(color: false, width: 100), "txt"),
        (.text, WriterContext(color: true, width: 72), "color.txt"),
        (.markdown, WriterContext(), "md"),
        (.html, WriterContext(), "html"),
        (.xliff, WriterContext(), "xlf"),
    ]

    @Test(arguments: RenderFixtures.names)
    func golden(_ name: String) throws {
        let document = try RenderFixtures.document(name)
        for (format, baseContext, ext) in Self.formats {
            var context = baseContext
            context.name = "\(name).txt"
            try TestSupport.assertGolden(format.render(document, context: context), "render/\(name).\(ext)")
        }
    }
}

/// A document's annotations are kept as records whose texts are the document's code units;
/// annotations made one by one keep their texts as strings. Both must render alike.
@Suite struct AnnotationStorageTests {
    @Test(arguments: RenderFixtures.names)
    func recordsAndAnnotationsMadeOneByOneRenderAlike(_ name: String) throws {
        let annotated = try RenderFixtures.document(name)
        #expect(annotated.annotations.count >= 5)
        let remade = AnnotatedDocument(document: annotated.document, annotations: Array(annotated.annotations),
                                       glossaries: annotated.glossaries, entries: annotated.entries)
        #expect(remade.annotations == annotated.annotations)
        #expect(remade.annotations.records.allSatisfy { $0.textStart < 0 })
        #expect(annotated.annotations.records.allSatisfy { $0.textStart >= 0 || $0.kind == .guess })
        for format in [OutputFormat.json, .jsonl, .markdown, .html] {
            let context = WriterContext(name: "\(name).txt")
            #expect(format.render(remade, context: context) == format.render(annotated, context: context), "\(format.name)")
        }
        // Each annotation's text is the input between its offsets.
        let scalars = Array(annotated.document.text.unicodeScalars)
        for annotation in annotated.annotations {
            #expect(String(String.UnicodeScalarView(scalars[annotation.start..<annotation.end])) == annotation.text)
        }
    }
}
