import GlossaGlossary
import GlossaPipeline
import GlossaRender
import GlossaTestSupport
import Testing

@Suite struct TextWriterTests {
    /// The display column where `needle` starts in `line`.
    static func column(of needle: String, in line: String) -> Int? {
        guard let range = line.range(of: needle) else { return nil }
        return DisplayWidth.of(line[..<range.lowerBound])
    }

    @Test func glossesStartAtTheColumnOfTheirSpan() throws {
        // Wide characters before the spans: columns are display columns, not characters.
        let doc = try Synthetic.document("日本と Moskau und die Vereinigten Staaten reden.", [
            .init(text: "Moskau", gloss: "Moscow", type: .city),
            .init(text: "Vereinigten Staaten", gloss: "United States", type: .country),
        ])
        let out = OutputFormat.text.render(doc, context: WriterContext(width: 80))
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let sentence = try #require(lines.first)
        let glossRow = try #require(lines.first { $0.contains("Moscow") && !$0.contains("⟨") })
        #expect(Self.column(of: "Moscow", in: glossRow) == Self.column(of: "Moskau", in: sentence))
        #expect(Self.column(of: "United States", in: glossRow) == Self.column(of: "Vereinigten", in: sentence))
        #expect(Self.column(of: "Moskau", in: sentence) == 7)
        // The marker row underlines exactly the spans.
        let marker = lines[1]
        #expect(marker.trimmingCharacters(in: .whitespaces).hasPrefix("~~~~~~ "))
        #expect(marker.filter { $0 == "~" }.count == 6 + "Vereinigten Staaten".count)
    }

    @Test func collidingGlossesMoveToAnotherRow() throws {
        let doc = try Synthetic.document("Die EU und USA reden.", [
            .init(text: "EU", gloss: "European Union", type: .org),
            .init(text: "USA", gloss: "United States", type: .country),
        ])
        let out = OutputFormat.text.render(doc, context: WriterContext(width: 80))
        let lines = out.split(separator: "\n").map(String.init)
        let sentence = lines[0]
        let first = try #require(lines.firstIndex { $0.contains("European Union") && !$0.contains("⟨") })
        let second = try #require(lines.firstIndex { $0.contains("United States") && !$0.contains("⟨") })
        #expect(first != second)
        #expect(Self.column(of: "European Union", in: lines[first]) == Self.column(of: "EU", in: sentence))
        #expect(Self.column(of: "United States", in: lines[second]) == Self.column(of: "USA", in: sentence))
    }

    @Test func wrapsToTheWidthAndKeepsGlossesUnderTheirLine() throws {
        let document = try RenderFixtures.document("kuba-russland")
        for width in [40, 60, 100] {
            let out = OutputFormat.text.render(document, context: WriterContext(width: width))
            for line in out.split(separator: "\n") {
                // Single words longer than the width may run over; nothing in the fixture is that long
                // except the gloss rows of long glosses, which are shifted left to fit.
                #expect(DisplayWidth.of(line) <= width, "width \(width): \(line)")
            }
            // Every annotation's gloss appears in a gloss line (joined where it wraps).
            let joined = out.replacingOccurrences(of: "\n    ", with: " ")
            for annotation in document.annotations {
                #expect(joined.contains("⟨\(annotation.gloss)⟩"))
            }
            let glossed = document.annotationsBySentence.filter { !$0.isEmpty }.count
            #expect(out.components(separatedBy: GlossLine.label).count - 1 == glossed)
        }
    }

    @Test func colorOnlyWhenAsked() throws {
        let doc = try Synthetic.document("Putin reist nach Kuba.", [
            .init(text: "Putin", gloss: "Putin", type: .person),
            .init(text: "Kuba", gloss: "Cuba", type: .country),
        ])
        let plain = OutputFormat.text.render(doc, context: WriterContext(color: false, width: 80))
        let colored = OutputFormat.text.render(doc, context: WriterContext(color: true, width: 80))
        #expect(!plain.contains("\u{1B}"))
        #expect(colored.contains("\u{1B}[4;"))
        #expect(colored.contains("\u{1B}[0m"))
        // Colored output underlines instead of adding a marker row.
        #expect(plain.contains("~~~~~"))
        #expect(!colored.contains("~~~~~"))
        // Stripping the escapes gives the same text as uncolored output minus the marker rows.
        let stripped = colored.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        let withoutMarkers = plain.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("~") }.joined(separator: "\n")
        #expect(stripped == withoutMarkers)
    }

    @Test func paragraphsAreSeparatedByABlankLine() throws {
        let doc = try Synthetic.document("Kuba ist eine Insel.\n\nRussland ist groß.", [
            .init(text: "Kuba", gloss: "Cuba", type: .country),
        ])
        try #require(doc.document.paragraphs.count == 2)
        let out = OutputFormat.text.render(doc, context: WriterContext(width: 80))
        #expect(out.components(separatedBy: "\n\n").count == 2)
        // The second paragraph has no annotations: its sentence alone, no gloss line.
        #expect(out.hasSuffix("\n\nRussland ist groß.\n"))
        #expect(out.components(separatedBy: GlossLine.label).count == 2)
    }
}

import Foundation
