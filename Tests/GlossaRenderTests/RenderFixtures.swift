import Foundation
import GlossaGlossary
import GlossaPipeline
import GlossaRender
import GlossaTestSupport
import GlossaText
import Testing

/// The bundled glossaries, loaded once for all render tests, and the fixtures annotated with them.
enum RenderFixtures {
    static let annotator: Annotator? = {
        guard let glossary = try? Glossary.load(paths: [TestSupport.file("Glossaries/de-en").path]),
              let index = try? GlossaryIndex(glossary) else { return nil }
        let root = TestSupport.root.path + "/"
        return Annotator(index: index, displayPath: { path in
            path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
        })
    }()

    /// The fixture files rendered by the golden tests.
    static let names = ["kuba-russland", "tokenizer-cases"]

    static func loadedAnnotator(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Annotator {
        try #require(annotator, "the bundled glossaries in Glossaries/de-en do not load", sourceLocation: sourceLocation)
    }

    /// A fixture of `Fixtures/de`, annotated with the bundled glossaries.
    static func document(_ name: String) throws -> AnnotatedDocument {
        let text = try TestSupport.text("Fixtures/de/\(name).txt")
        return try annotate(text, name: "\(name).txt")
    }

    /// Any text, annotated with the bundled glossaries.
    static func annotate(_ text: String, name: String = "test.txt") throws -> AnnotatedDocument {
        try loadedAnnotator().annotate(GermanTokenizer().document(text, name: name))
    }
}

/// Writes every format of every fixture to `GLOSSA_RENDER_OUT` when set (for Scripts/check-html.sh
/// and for looking at the outputs); does nothing otherwise.
@Test func exportRenderings() throws {
    guard let out = ProcessInfo.processInfo.environment["GLOSSA_RENDER_OUT"] else { return }
    let dir = URL(fileURLWithPath: out)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for name in RenderFixtures.names {
        let document = try RenderFixtures.document(name)
        for format in [OutputFormat.text, .markdown, .html, .xliff, .json] {
            let context = WriterContext(name: "\(name).txt", color: false, width: 100)
            try format.render(document, context: context).write(to: dir.appendingPathComponent("\(name).\(format.fileExtension)"), atomically: true, encoding: .utf8)
        }
        let colored = OutputFormat.text.render(document, context: WriterContext(name: "\(name).txt", color: true, width: 80))
        try colored.write(to: dir.appendingPathComponent("\(name).color.txt"), atomically: true, encoding: .utf8)
    }
}
