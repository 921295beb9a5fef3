import GlossaGlossary
import GlossaPipeline
import GlossaRender
import Testing

@Suite struct MarkdownWriterTests {
    @Test func spansAreBoldWithTheirGloss() throws {
        let doc = try Synthetic.document("Juri Borissow besuchte Havanna.", [
            .init(text: "Juri Borissow", gloss: "Yury Borisov", type: .person),
            .init(text: "Havanna", gloss: "Havana", type: .city),
        ])
        let md = OutputFormat.markdown.render(doc, context: WriterContext(name: "t.txt"))
        #expect(md.contains("**Juri Borissow** [*Yury Borisov*] besuchte **Havanna** [*Havana*]."))
        #expect(md.contains("> *\(GlossLine.label)*"))
        #expect(md.contains("> **Yury Borisov** besuchte **Havana**."))
        #expect(md.contains("| German | English | Type | Count |"))
        #expect(md.contains("| Juri Borissow | Yury Borisov | person | 1 |"))
    }

    @Test func metacharactersFromTheInputAreEscaped() throws {
        let text = "Die *Partei* [sic] (RT) <b>#1</b> nutzt `Code` | _Kuba_ & mehr."
        let doc = try Synthetic.document(text, [
            .init(text: "Kuba", gloss: "Cuba | [x]*", type: .country),
        ])
        let md = OutputFormat.markdown.render(doc)
        #expect(md.contains(##"Die \*Partei\* \[sic\] \(RT\) \<b\>\#1\</b\> nutzt \`Code\` \| \_**Kuba** [*Cuba \| \[x\]\**]\_ \& mehr."##))
        // The table cell escapes the pipe, so the row keeps its four columns.
        let row = try #require(md.split(separator: "\n").first { $0.hasPrefix("| Kuba") })
        #expect(row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 5)
        #expect(!md.contains("<b>"))
    }

    @Test func tableIsInOrderOfFirstOccurrenceWithCounts() throws {
        let doc = try Synthetic.document("Moskau und Kuba. Dann Moskau wieder und Kuba und Moskau.", [
            .init(text: "Moskau", gloss: "Moscow", type: .city),
            .init(text: "Kuba", gloss: "Cuba", type: .country),
            .init(text: "Moskau", gloss: "Moscow", type: .city, occurrence: 2),
            .init(text: "Kuba", gloss: "Cuba", type: .country, occurrence: 2),
            .init(text: "Moskau", gloss: "Moscow", type: .city, occurrence: 3),
        ])
        let md = OutputFormat.markdown.render(doc)
        let rows = md.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| German") }
        #expect(rows == ["| Moskau | Moscow | city | 3 |", "| Kuba | Cuba | country | 2 |"])
    }

    @Test func lineStartsThatWouldBecomeBlocksAreEscaped() throws {
        let doc = try Synthetic.document("1. Kuba\n\n- Russland\n\n# Titel\n\n+ Moskau", [
            .init(text: "Kuba", gloss: "Cuba", type: .country),
            .init(text: "Moskau", gloss: "Moscow", type: .city),
        ])
        let md = OutputFormat.markdown.render(doc)
        let lines = md.split(separator: "\n").map(String.init)
        #expect(lines.contains("1\\. **Kuba** [*Cuba*]"))
        #expect(lines.contains("\\- Russland"))
        #expect(lines.contains("\\# Titel"))
        #expect(lines.contains("\\+ **Moskau** [*Moscow*]"))
        #expect(lines.contains("> \\+ **Moscow**"))
    }
}
