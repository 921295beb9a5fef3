import Foundation
import GlossaGlossary
import GlossaPipeline
import GlossaRender
import GlossaTestSupport
import Testing

@Suite struct XLIFFWriterTests {
    @Test func escapeFunction() {
        #expect(XMLText.escape("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;")
        // Characters XML 1.0 forbids become U+FFFD, one for one; tab and line feed stay.
        #expect(XMLText.escape("a\u{0}b\u{8}c\u{B}d\u{C}e\u{1F}f\u{FFFE}g\u{FFFF}h") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g\u{FFFD}h")
        #expect(XMLText.escape("x\ty\nz") == "x\ty\nz")
        #expect(XMLText.escape("x\r\ny") == "x&#13;\ny")
        #expect(XMLText.escape("𝔘 Díaz") == "𝔘 Díaz")
    }

    @Test func structure() throws {
        let doc = try Synthetic.document("Kuba und Moskau reden. Moskau schweigt.\nNeuer Absatz ohne Treffer.", [
            .init(text: "Kuba", gloss: "Cuba", type: .country),
            .init(text: "Moskau", gloss: "Moscow", type: .city),
            .init(text: "Moskau", gloss: "Moscow", type: .city, occurrence: 2),
        ])
        try #require(doc.document.paragraphs.count == 2)
        let xlf = OutputFormat.xliff.render(doc)
        #expect(xlf.contains("<unit id=\"u1\">") && xlf.contains("<unit id=\"u2\">"))
        #expect(xlf.components(separatedBy: "<segment ").count - 1 == doc.document.sentences.count)
        // One glossEntry per distinct entry in the unit, pointing to the first span.
        #expect(xlf.components(separatedBy: "<gls:glossEntry ").count - 1 == 2)
        #expect(xlf.contains("<gls:glossEntry id=\"g2\" ref=\"#m2\">"))
        #expect(xlf.contains("<gls:translation>Moscow</gls:translation>"))
        #expect(xlf.contains("<gls:definition>type: city</gls:definition>"))
        #expect(xlf.contains("<source><mrk id=\"m1\" type=\"term\">Kuba</mrk> und <mrk id=\"m2\" type=\"term\">Moskau</mrk> reden.</source>"))
        #expect(xlf.contains("<ignorable id=\"i1\"><source> </source></ignorable>"))
        // A unit without annotations has no glossary (gls:glossary needs at least one entry).
        let second = try #require(xlf.range(of: "<unit id=\"u2\">"))
        #expect(!xlf[second.lowerBound...].contains("gls:glossary"))
    }

    @Test func sourceTextRoundTrips() throws {
        let text = "Kuba & Russland.  Zweiter <Satz>.\u{1} Dritter."
        let doc = try Synthetic.document(text, [.init(text: "Kuba", gloss: "Cuba & more", type: .country)])
        let xlf = OutputFormat.xliff.render(doc)
        // Concatenating the sources of the unit gives the paragraph (forbidden characters replaced).
        var sources = ""
        var rest = xlf[...]
        while let open = rest.range(of: "<source>"), let close = rest.range(of: "</source>", range: open.upperBound..<rest.endIndex) {
            sources += rest[open.upperBound..<close.lowerBound]
            rest = rest[close.upperBound...]
        }
        let plain = sources.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        #expect(plain == text.replacingOccurrences(of: "\u{1}", with: "\u{FFFD}"))
    }

    /// Every fixture, plus a hostile document, validates against XLIFF 2.1 core + modules.
    @Test func validatesWithXmllint() throws {
        guard let schema = TestSupport.sharedFile("schemas/xliff/drivers/xliff21-core+modules.xsd") else { return }
        guard let xmllint = Self.executable("xmllint") else {
            Issue.record("xmllint not found on PATH: install libxml2-utils (apt-get install -y libxml2-utils)")
            return
        }
        var documents: [(String, AnnotatedDocument)] = []
        for name in RenderFixtures.names { documents.append((name, try RenderFixtures.document(name))) }
        documents.append(("hostile", try Synthetic.document("Die <b>Kuba</b> & \"Moskau\"\u{0}\u{1B}\u{FFFF} 'x'.\r\nGuess Petrow.", [
            .init(text: "Kuba", gloss: "Cuba <&>", type: .country, status: .forbidden, orig: "Куба\u{1}", note: "a <note> & ]]> \u{FFFE}"),
            .init(text: "Moskau", gloss: "Moscow \"'", type: "odd\u{1}type"),
            .init(text: "Petrow", gloss: "Petrov", type: .person, fromGlossary: false),
        ])))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-xliff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, document) in documents {
            let file = dir.appendingPathComponent("\(name).xlf")
            try OutputFormat.xliff.render(document, context: WriterContext(name: "\(name).txt")).write(to: file, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = xmllint
            process.currentDirectoryURL = schema.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            process.arguments = ["--nonet", "--noout", "--schema", schema.path, file.path]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(name).xlf does not validate:\n\(message)")
        }
    }

    static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
