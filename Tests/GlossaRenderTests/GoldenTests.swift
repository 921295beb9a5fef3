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
