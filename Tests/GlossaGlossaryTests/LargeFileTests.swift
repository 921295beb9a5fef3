import GlossaGlossary
import Testing

/// Files over a megabyte are parsed in pieces on several cores: the result must be the same
/// as reading line by line.
@Suite struct LargeFileTests {
    static func largeText(rows: Int, badLine: Int? = nil) -> String {
        var text = "# header comment\nde\ten\tnote\n"
        var line = 2
        for i in 0..<rows {
            if i % 997 == 0 {
                text += "# comment before row \(i)\n"
                line += 1
            }
            line += 1
            if line == badLine {
                text += "\tmissing German \(i)\n"
            } else {
                text += "Wort\(i)\tword \(i)\tnote number \(i) with some padding to make the file large\n"
            }
        }
        return text + "# trailing\n"
    }

    @Test func piecesGiveTheSameRowsLinesAndComments() throws {
        let text = Self.largeText(rows: 40_000)
        #expect(text.utf8.count > 3 << 20)
        let file = try GlossaryFile.parse(text, path: "big.tsv")
        #expect(file.rows.count == 40_000)
        #expect(file.headerComments == ["# header comment"])
        #expect(file.trailingComments == ["# trailing"])
        // Every row's line holds its own text.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for row in file.rows where row.line % 101 == 0 || row.fields["de"] == "Wort39999" {
            #expect(lines[row.line - 1].hasPrefix(row["de"] + "\t"))
        }
        for (i, row) in file.rows.enumerated() where i % 997 == 0 {
            #expect(row.comments == ["# comment before row \(i)"])
        }
        #expect(file.serialized() == text)
        let ids = file.entries.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.first == "big/wort0")
    }

    @Test func theFirstErrorIsReportedWithItsLine() {
        let text = Self.largeText(rows: 40_000, badLine: 35_123)
        do {
            _ = try GlossaryFile.parse(text, path: "big.tsv")
            Issue.record("an empty de field must fail")
        } catch {
            #expect(error.line == 35_123)
            #expect(error.code == .emptyField)
        }
    }
}
