import Foundation
import GlossaGlossary
import GlossaTestSupport
import Testing

/// The bundled glossary files, by path: tests take paths as arguments, since a whole file as an
/// argument is printed in full in the test log.
private func bundledPaths() throws -> [String] {
    try Glossary.tsvFiles(at: TestSupport.file("Glossaries/de-en").path)
}

/// What Glossa knows of an entry (ids aside, which depend on the file name).
private func knownFields(_ file: GlossaryFile) -> [[String]] {
    file.entries.map { entry in
        [entry.de, entry.en, entry.type.rawValue, entry.status.rawValue, entry.caseRule?.rawValue ?? "", entry.variants.joined(separator: "|"),
         entry.orig, entry.note, entry.source, entry.extra.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")]
    }
}

@Suite struct TBXTests {
    let sample = try! GlossaryFile.parse("""
        # A sample.
        de\ten\ttype\tstatus\tcase\tvariants\torig\tnote\tsource\tweight
        # About Lawrow.
        Sergej Lawrow\tSergey Lavrov\tperson\tadmitted\tinsensitive\tSergei Lawrow|Lavrov\tСергей Лавров\tForeign Minister <of Russia> & more\twikipedia\t3
        Waffenruhe\tceasefire
        russisch\tRussian\tadjective\tforbidden
        """, path: "sample.tsv")

    @Test func exportHasTheTBXBasicShape() throws {
        let tbx = TBX.export([sample])
        #expect(tbx.contains(#"<tbx type="TBX-Basic" style="dca" xml:lang="de" xmlns="urn:iso:std:iso:30042:ed-2">"#))
        #expect(tbx.contains(#"<conceptEntry id="c-sergej-lawrow">"#))
        #expect(tbx.contains(#"<termNote type="partOfSpeech">properNoun</termNote>"#))
        #expect(tbx.contains(#"<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>"#))
        #expect(tbx.contains(#"<termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>"#))
        #expect(tbx.contains(#"<termNote type="partOfSpeech">adjective</termNote>"#))
        #expect(tbx.contains("<note>Foreign Minister &lt;of Russia&gt; &amp; more</note>"))
        #expect(tbx.contains(#"<admin type="source">wikipedia</admin>"#))
        #expect(tbx.contains(#"<termNote type="termType">variant</termNote>"#))
    }

    @Test func tsvToTBXToTSVKeepsEveryField() throws {
        let tbx = TBX.export([sample])
        let back = try TBX.read(tbx, path: "s.tbx", outputPath: "sample.tsv")
        #expect(back.skipped.isEmpty)
        #expect(knownFields(back.file) == knownFields(sample))
        #expect(back.file.rows[0].comments == ["# About Lawrow."])
        #expect(back.file.headerComments == ["# A sample."])
    }

    @Test(arguments: try bundledPaths())
    func bundledGlossaryRoundTrips(path: String) throws {
        let file = try GlossaryFile.parse(try Glossary.readText(path), path: path)
        // TSV → TBX → TSV: same entries, and after formatting the same file text.
        let tbx = TBX.export([file])
        let back = try TBX.read(tbx, path: "x.tbx", outputPath: file.path)
        #expect(knownFields(back.file) == knownFields(file))
        var columnsAsOriginal = try GlossaryFormatter.format(back.file)
        columnsAsOriginal.columns = file.columns
        #expect(columnsAsOriginal.serialized() == file.serialized())
        // TBX → TSV → TBX: the same document.
        #expect(TBX.export([back.file]) == tbx)
    }

    @Test func readsTheValidExampleOfAnotherTool() throws {
        guard let url = TestSupport.sharedFile("schemas/tbx/examples/valid-tbx-basic-dca.tbx") else { return }
        let result = try TBX.read(try String(contentsOf: url, encoding: .utf8), path: url.path, outputPath: "out.tsv")
        #expect(result.skipped.isEmpty)
        let entry = try #require(result.file.entries.first)
        #expect(entry.de == "Kündigungsfrist")
        #expect(entry.en == "notice period")
        #expect(entry.extra["en-alternatives"] == "term of notice")
        #expect(entry.extra["tbx-de-grammaticalgender"] == "feminine")
        #expect(entry.extra["tbx-de-definition"] == "Zeitraum zwischen Zugang der Kündigung und Vertragsende.")
    }

    @Test func conceptsWithoutBothLanguagesAreSkippedAndCounted() throws {
        let text = """
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
            <conceptEntry id="a"><langSec xml:lang="de"><termSec><term>Frieden</term></termSec></langSec></conceptEntry>
            <conceptEntry id="b"><langSec xml:lang="de-DE"><termSec><term>Krieg</term></termSec></langSec>
            <langSec xml:lang="en-GB"><termSec><term>war</term></termSec></langSec></conceptEntry>
            </body></text></tbx>
            """
        let result = try TBX.read(text, path: "t.tbx", outputPath: "o.tsv")
        #expect(result.file.rows.count == 1)
        #expect(result.file.rows[0]["de"] == "Krieg")
        #expect(result.skipped.count == 1)
        #expect(result.skipped[0].line == 2)
        #expect(result.skipped[0].reason.contains("'a' has no English term"))
    }
}

@Suite struct XMLSafetyTests {
    @Test func billionLaughsIsRefused() throws {
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            ]>
            <tbx>&lol3;</tbx>
            """
        #expect {
            _ = try XMLReader.parse(bomb, file: "bomb.tbx")
        } throws: { error in
            let error = error as! XMLReader.Error
            return error.file == "bomb.tbx" && error.line == 3 && error.message.contains("entity declarations are not allowed")
        }
    }

    @Test func externalEntityIsRefused() throws {
        let xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<tbx>&xxe;</tbx>\n"
        do {
            _ = try TBX.read(xxe, path: "xxe.tbx", outputPath: "o.tsv")
            Issue.record("external entity accepted")
        } catch {
            #expect(error.description.hasPrefix("xxe.tbx:2:"))
            #expect(error.message.contains("entity declarations are not allowed"))
        }
    }

    @Test func undeclaredEntityIsRefusedAndPredefinedOnesWork() throws {
        #expect(throws: XMLReader.Error.self) { try XMLReader.parse("<a>\n&xxe;</a>", file: "u.xml") }
        let element = try XMLReader.parse("<a b='x &amp; y'>&lt;&#65;&#x42;<![CDATA[<c>]]></a>", file: "p.xml")
        #expect(element.text == "<AB<c>")
        #expect(element["b"] == "x & y")
    }

    @Test func doctypeWithoutDeclarationsIsSkipped() throws {
        let element = try XMLReader.parse("<!DOCTYPE martif PUBLIC \"ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN\" \"TBXcdv04.dtd\">\n<martif/>", file: "m.xml")
        #expect(element.name == "martif")
    }

    @Test func malformedXMLNamesLineAndColumn() throws {
        #expect {
            _ = try XMLReader.parse("<a>\n  <b></c>\n</a>", file: "bad.xml")
        } throws: { error in
            let error = error as! XMLReader.Error
            return error.line == 2 && error.column == 6 && error.message.contains("</c> closes <b>")
        }
    }
}

@Suite struct CSVTests {
    @Test func quotingFollowsRFC4180() throws {
        let record = DelimitedText.csvRecord(["a,b", "say \"hi\"", "line\nbreak", "plain"])
        #expect(record == "\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",plain\r\n")
        let parsed = try DelimitedText.parseCSV(record + "x,y\r\n", file: "q.csv")
        #expect(parsed.map(\.fields) == [["a,b", "say \"hi\"", "line\nbreak", "plain"], ["x", "y"]])
        #expect(parsed.map(\.line) == [1, 3])
    }

    @Test func brokenQuotesAreErrorsWithLineAndColumn() throws {
        #expect {
            _ = try DelimitedText.parseCSV("de,en\n\"Frieden,peace\n", file: "b.csv")
        } throws: { error in
            (error as? DelimitedText.Error)?.description == "b.csv:2:1: the quoted field starting here is never closed"
        }
        #expect {
            _ = try DelimitedText.parseCSV("de,en\n\"Frieden\"x,peace\n", file: "b.csv")
        } throws: { error in
            let error = error as! DelimitedText.Error
            return error.line == 2 && error.column == 10
        }
        #expect {
            _ = try DelimitedText.parseCSV("de,en\nFrie\"den,peace\n", file: "b.csv")
        } throws: { error in
            let error = error as! DelimitedText.Error
            return error.line == 2 && error.column == 5
        }
    }

    @Test func csvExportImportKeepsEveryField() throws {
        let path = try bundledPaths().first { $0.hasSuffix("people.tsv") }!
        let file = try GlossaryFile.parse(try Glossary.readText(path), path: path)
        let csv = GlossaryExchange.export([file], to: .csv).text
        #expect(csv.hasPrefix("de,en,type,status,case,variants,orig,note,source\r\n"))
        let back = GlossaryExchange.importRecords(try DelimitedText.parseCSV(csv, file: "p.csv"), outputPath: file.path)
        #expect(back.skipped.isEmpty)
        #expect(knownFields(back.file) == knownFields(file))
    }

    @Test func headerDetection() throws {
        let withHeader = GlossaryExchange.importRecords(try DelimitedText.parseCSV("source,target\nFrieden,peace\n", file: "a.csv"), outputPath: "o.tsv")
        #expect(withHeader.file.rows.map { [$0["de"], $0["en"]] } == [["Frieden", "peace"]])
        let codes = GlossaryExchange.importRecords(try DelimitedText.parseCSV("en-US,de-DE\npeace,Frieden\n", file: "a.csv"), outputPath: "o.tsv")
        #expect(codes.file.rows.map { [$0["de"], $0["en"]] } == [["Frieden", "peace"]])
        let noHeader = GlossaryExchange.importRecords(DelimitedText.parseTSV("Frieden\tpeace\tnote here\nKrieg\n"), outputPath: "o.tsv")
        #expect(noHeader.file.rows.map { [$0["de"], $0["en"], $0["note"]] } == [["Frieden", "peace", "note here"]])
        #expect(noHeader.skipped.map(\.line) == [2])
        // Without a header the third field is the note even when the first record has two
        // fields (it was a new column 'column3'); later fields are numbered columns.
        for records in [try DelimitedText.parseCSV("Kuba,Cuba\nMoskau,Moscow,capital\nRom,Rome,capital,x\n", file: "a.csv"),
                        DelimitedText.parseTSV("Kuba\tCuba\nMoskau\tMoscow\tcapital\nRom\tRome\tcapital\tx\n")] {
            let short = GlossaryExchange.importRecords(records, outputPath: "o.tsv")
            #expect(short.file.rows.map { [$0["de"], $0["en"], $0["note"], $0["column4"]] }
                == [["Kuba", "Cuba", "", ""], ["Moskau", "Moscow", "capital", ""], ["Rom", "Rome", "capital", "x"]])
            #expect(!short.file.columns.contains("column3"))
        }
        // With a header, fields past it are numbered after the header's columns.
        let longer = GlossaryExchange.importRecords(try DelimitedText.parseCSV("de,en\nKuba,Cuba,x\n", file: "a.csv"), outputPath: "o.tsv")
        #expect(longer.file.rows.map { $0["column3"] } == ["x"])
    }

    @Test func deeplExportLeavesOutDuplicateSources() throws {
        let file = try GlossaryFile.parse("de\ten\ttype\tstatus\tcase\tvariants\nGeorgien\tGeorgia\tcountry\t\t\tSakartwelo\nGeorgien\tGeorgia (US state)\tplace\n", path: "g.tsv")
        let export = GlossaryExchange.export([file], to: .deepl)
        #expect(export.text == "Georgien\tGeorgia\nSakartwelo\tGeorgia\n")
        #expect(export.notes == ["g.tsv:3: 'Georgien' left out: already exported from g.tsv:2"])
        #expect(GlossaryExchange.export([file], to: .google).text == "Georgien,Georgia\r\nSakartwelo,Georgia\r\n")
        #expect(GlossaryExchange.export([file], to: .omegat).text == "Georgien\tGeorgia\tcountry\nSakartwelo\tGeorgia\tcountry\nGeorgien\tGeorgia (US state)\tplace\n")
    }
}

/// Comments survive import and TBX: the header block naming a file's sources, comments above rows
/// and after the last row. Formats without comments report how many they leave out.
@Suite struct CommentExchangeTests {
    static let commented = """
        # Sources: somewhere.  
        #\tindented
        de\ten\ttype
        # About Kuba.
        Kuba\tCuba\tcountry
        # Above a record without English.
        nur Deutsch
        # About Rom.
        Rom\tRome\tcity
        # After the last row.
        #

        """

    @Test func tsvImportKeepsCommentsInPlace() throws {
        let (records, trailing) = DelimitedText.parseTSVKeepingComments(Self.commented)
        let result = GlossaryExchange.importRecords(records, trailingComments: trailing, outputPath: "o.tsv")
        #expect(result.skipped.map(\.line) == [7])
        let file = result.file
        #expect(file.headerComments == ["# Sources: somewhere.  ", "#\tindented"])
        #expect(file.rows.map(\.comments) == [["# About Kuba."], ["# Above a record without English.", "# About Rom."]])
        #expect(file.trailingComments == ["# After the last row.", "#"])
        // Without a header, comments at the top stay at the top.
        let (plain, none) = DelimitedText.parseTSVKeepingComments("# OmegaT glossary\nFrieden\tpeace\n# war\nKrieg\twar\n")
        let headerless = GlossaryExchange.importRecords(plain, trailingComments: none, outputPath: "o.tsv").file
        #expect(headerless.headerComments == ["# OmegaT glossary"])
        #expect(headerless.rows.map(\.comments) == [[], ["# war"]])
    }

    /// `glossary import --from tsv` of a canonical Glossa file gives the file back, comments and all.
    @Test(arguments: try bundledPaths())
    func bundledGlossaryImportsUnchanged(path: String) throws {
        let text = try Glossary.readText(path)
        let file = try GlossaryFile.parse(text, path: path)
        let (records, trailing) = DelimitedText.parseTSVKeepingComments(text)
        #expect(!file.headerComments.isEmpty)
        let imported = GlossaryExchange.importRecords(records, trailingComments: trailing, outputPath: file.path)
        #expect(try GlossaryFormatter.format(imported.file).serialized() == text)
    }

    @Test func tbxKeepsCommentsAfterTheLastRowAndCommentsAsWritten() throws {
        let file = try GlossaryFile.parse(Self.commented.replacingOccurrences(of: "nur Deutsch\n", with: "nur\tonly\n"), path: "c.tsv")
        #expect(file.trailingComments == ["# After the last row.", "#"])
        let tbx = TBX.export([file])
        #expect(tbx.contains("<descrip type=\"x-glossa-comment-after\"># After the last row.\n#</descrip>"))
        let back = try TBX.read(tbx, path: "c.tbx", outputPath: "c.tsv").file
        #expect(back.headerComments == file.headerComments)
        #expect(back.rows.map(\.comments) == file.rows.map(\.comments))
        #expect(back.trailingComments == file.trailingComments)
        #expect(TBX.export([back]) == tbx)
        // A file without rows: its comments go to the header.
        let empty = try GlossaryFile.parse("# top\nde\ten\n# end\n", path: "e.tsv")
        #expect(try TBX.read(TBX.export([empty]), path: "e.tbx", outputPath: "e.tsv").file.headerComments == ["# top", "# end"])
    }

    @Test func tbxOfAFileWithoutCommentsGivesNoComment() throws {
        let file = try GlossaryFile.parse("de\ten\nKuba\tCuba\n", path: "n.tsv")
        let tbx = TBX.export([file])
        #expect(tbx.contains("<p type=\"x-glossa-placeholder\">"))
        let back = try TBX.read(tbx, path: "n.tbx", outputPath: "n.tsv").file
        #expect(back.headerComments.isEmpty && back.trailingComments.isEmpty)
        #expect(TBX.export([back]) == tbx)
        // Another tool's header paragraphs become comments.
        let other = tbx.replacingOccurrences(of: "<p type=\"x-glossa-placeholder\">Exported by glossa glossary export</p>", with: "<p>  Made by hand.  </p>")
        #expect(try TBX.read(other, path: "o.tbx", outputPath: "o.tsv").file.headerComments == ["# Made by hand."])
    }

    @Test func exportsWithoutCommentsCountWhatTheyLeaveOut() throws {
        let file = try GlossaryFile.parse(Self.commented.replacingOccurrences(of: "nur Deutsch\n", with: "nur\tonly\n"), path: "c.tsv")
        for format in [GlossaryExchange.ExportFormat.csv, .deepl, .google, .omegat] {
            #expect(GlossaryExchange.export([file], to: format).droppedComments == 7, "\(format)")
            #expect(!GlossaryExchange.keepsComments(format))
        }
        #expect(GlossaryExchange.export([file], to: .tbx).droppedComments == 0)
        #expect(GlossaryExchange.export([try GlossaryFile.parse("de\ten\nKuba\tCuba\n", path: "n.tsv")], to: .csv).droppedComments == 0)
    }
}
