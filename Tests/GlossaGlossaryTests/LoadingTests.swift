import Foundation
@testable import GlossaGlossary
import GlossaTestSupport
import Testing

/// The loader reads files straight to entries (`GlossaryFile.entries(parsing:path:)`); it must
/// give exactly what parsing into rows and converting them gives: entries, ids, locations and
/// errors.
@Suite struct LoadingTests {
    /// Both paths' outcome: the entries, or the error.
    static func both(_ text: String, path: String = "dir/test.tsv") -> (rows: Result<[GlossaryEntry], GlossaryError>, direct: Result<[GlossaryEntry], GlossaryError>) {
        let rows = Result { () throws(GlossaryError) in try GlossaryFile.parse(text, path: path).entries }
        let direct = Result { () throws(GlossaryError) in try GlossaryFile.entries(parsing: text, path: path) }
        return (rows, direct)
    }

    static func expectSame(_ text: String, path: String = "dir/test.tsv", sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (rows, direct) = both(text, path: path)
        #expect(rows == direct, sourceLocation: sourceLocation)
    }

    @Test func everyColumnAndOddRows() throws {
        let text = """
            # a comment\r
            de\tEN\ttype\tstatus\tcase\tvariants\torig\tnote\tsource\tx-extra\tother\r
            Russland\tRussia\tcountry\tpreferred\t\t\t\t\t\tvalue\r
            \r
            # comment before a row
               \t \t
            \u{A0}Straße \tstreet\u{A0}\tterm\tadmitted\tinsensitive\tStrasse | Str. ||  \tУлица\tsome note\tsrc\t\tother value
            EU\tEuropean Union\torg\t\tsensitive
            Ökologie\tecology\t\tdeprecated
            Ökologie\tecology (2)
            ÖKOLOGIE\tecology (3)
             Maß × Zahl ÷ 2\tmeasure\tterm
            Ελλάδα\tGreece\tcountry
            µ-Meson\tmuon
            Fußball-WM 2026\tWorld Cup
            ---\tdashes
            ...\tdots
            Café\u{301}\tcafe
            Ǟ ǟ Ǻ\tletters
            \u{301}x\tmark first
            x \u{301}\tmark after space
            ª º ² ½\tordinals
            Miguel Díaz-Canel\tMiguel Díaz-Canel\tperson
            """
        let entries = try GlossaryFile.entries(parsing: text, path: "dir/test.tsv")
        #expect(entries.count == 18)
        #expect(entries[1].de == "Straße")
        #expect(entries[1].en == "street")
        #expect(entries[1].variants == ["Strasse", "Str."])
        #expect(entries[1].extra == ["other": "other value"])
        #expect(entries[0].extra == ["x-extra": "value"])
        #expect(entries[4].id == "test/ökologie~2")
        #expect(entries[5].id == "test/ökologie~3")
        #expect(entries[10].id == "test/entry")
        #expect(entries[11].id == "test/entry~2")
        #expect(entries[4].location == GlossaGlossary.SourceLocation(file: "dir/test.tsv", line: 10))
        Self.expectSame(text)
        // Without a final line end, with LF only, with a BOM-free CR-only last line.
        Self.expectSame(text.replacingOccurrences(of: "\r", with: ""))
        Self.expectSame(text + "\n")
        Self.expectSame(text + "\n# trailing\n\n")
    }

    @Test func errorsAreTheRowParsersErrors() {
        let header = "de\ten\tstatus\tcase\n"
        let bodies = [
            "a\tb\n\tmissing\n",
            "a\tb\n \u{A0} \tblank German\n",
            "a\tb\nGerman\t  \n",
            "a\tb\nGerman\n",
            "a\tb\nGerman\tEnglish\tpreferred\tsensitive\textra\n",
            "a\tb\nGerman\tEnglish\tpreferred\tsensitive\t\n",
            "a\tb\nGerman\tEnglish\tbest\n",
            "a\tb\nGerman\tEnglish\t\tmaybe\n",
            "a\tb\nGerman\tEnglish\t Preferred\n",
            "Ä\tb\tbest\tmaybe\textra\n",
        ]
        for body in bodies {
            let (rows, direct) = Self.both(header + body)
            #expect(rows == direct, "\(body)")
            if case .success = direct { Issue.record("\(body) must fail") }
        }
        for text in ["", "# only a comment\n", "de\tde\n", "de\t\ten\n", "de\tnote\n", "  \n\t\nen\tde\nx\ty\n"] {
            Self.expectSame(text)
        }
    }

    /// Rows made from a small alphabet of letters, spaces, marks and punctuation that keys,
    /// slugs and trimming treat specially; many repeats, so that ids are numbered.
    @Test func randomRowsInPieces() {
        var generator = SplitMix(seed: 20261129)
        let alphabet: [String] = ["a", "B", "ß", "Ä", "ö", "é", "\u{301}", " ", "\u{A0}", "-", "'", "’", "µ", "×", "Ж", "ı", "İ", "1", "·", "\u{200B}", "ﬁ", "Ǆ", "\u{AD}", "."]
        func word() -> String {
            let word = (0..<Int.random(in: 1...4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            return word.unicodeScalars.allSatisfy { $0 == " " || $0 == "\u{A0}" } ? word + "z" : word
        }
        var text = "de\ten\ttype\textra\n"
        var rows = 0
        while text.utf8.count < 3 << 20 {
            switch Int.random(in: 0..<50, using: &generator) {
            case 0: text += "# comment\n"
            case 1: text += " \t \n"
            case 2: text += "\n"
            default:
                text += "\(word())\tx\(rows)\(Bool.random(using: &generator) ? "\tperson" : "")\(Bool.random(using: &generator) ? "\t\(word())" : "")\n"
                rows += 1
            }
        }
        let (byRows, direct) = Self.both(text, path: "/tmp/glossaries/random.tsv")
        #expect(byRows == direct)
        if case .success(let entries) = direct {
            #expect(entries.count == rows)
            #expect(Set(entries.map(\.id)).count == rows)
        } else {
            Issue.record("random rows must load")
        }
        // An error in a later piece: the first error, with its line.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines[lines.count * 3 / 4] = "German\tEnglish\tterm\textra\ttoo many"
        lines[lines.count * 4 / 5] = "\tno German"
        let bad = lines.joined(separator: "\n")
        let (badRows, badDirect) = Self.both(bad)
        #expect(badRows == badDirect)
        if case .failure(let error) = badDirect {
            #expect(error.line == lines.count * 3 / 4 + 1)
            #expect(error.code == .tooManyFields)
        } else {
            Issue.record("a row with too many fields must fail")
        }
    }

    /// A file that cannot be read is an I/O error saying why: missing, a folder, or (where the
    /// process may not read it) permission denied.
    @Test func unreadableFilesSayWhy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-unreadable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func message(_ path: String) -> String? {
            do throws(GlossaryError) {
                _ = try Glossary.readText(path)
                return nil
            } catch {
                #expect(error.code == .io && error.file == path)
                return error.message
            }
        }
        #expect(message(folder.appendingPathComponent("missing.tsv").path) == "no such file")
        #expect(message(folder.path) == "is a folder, not a file")
        let file = folder.appendingPathComponent("file.tsv")
        try Data("de\ten\n".utf8).write(to: file)
        #expect(message(file.path) == nil)
        #expect(throws: GlossaryError.self) { _ = try SafeFileWriter.read(folder.path) }
    }

    @Test func largeFileLoadsAsParsed() throws {
        let text = LargeFileTests.largeText(rows: 40_000)
        #expect(try GlossaryFile.entries(parsing: text, path: "big.tsv") == GlossaryFile.parse(text, path: "big.tsv").entries)
        let bad = LargeFileTests.largeText(rows: 40_000, badLine: 35_123)
        let (rows, direct) = Self.both(bad, path: "big.tsv")
        #expect(rows == direct)
    }

    @Test func bundledGlossariesLoadAsParsed() throws {
        for path in try Glossary.tsvFiles(at: TestSupport.file("Glossaries").path) {
            let text = try Glossary.readText(path)
            #expect(try GlossaryFile.entries(parsing: text, path: path) == GlossaryFile.parse(text, path: path).entries, "\(path)")
        }
    }

    @Test func latinSlugsAreTheSlugs() {
        var generator = SplitMix(seed: 7)
        let scalars = (0x20..<0x180).compactMap(Unicode.Scalar.init).map(String.init)
        for _ in 0..<20_000 {
            let term = (0..<Int.random(in: 0...8, using: &generator)).map { _ in scalars.randomElement(using: &generator)! }.joined()
            var out: [UInt8] = [0x41]
            if GlossaryFile.appendSlug(of: term, to: &out) {
                #expect(String(decoding: out.dropFirst(), as: UTF8.self) == GlossaryFile.slug(term), "\(term.unicodeScalars.map(\.value))")
            } else {
                #expect(out == [0x41])
            }
        }
    }
}
