import GlossaGlossary
import GlossaPipeline
import GlossaRender
import Testing

@Suite struct GlossLineTests {
    @Test func replacesEachSpanAndKeepsTheRest() throws {
        let doc = try Synthetic.document("Der Präsident traf Juri Borissow in Moskau.", [
            .init(text: "Präsident", gloss: "President"),
            .init(text: "Juri Borissow", gloss: "Yury Borisov", type: .person),
            .init(text: "Moskau", gloss: "Moscow", type: .city),
        ])
        let line = GlossLine(sentence: 0, of: doc)
        #expect(line.plain == "Der ⟨President⟩ traf ⟨Yury Borisov⟩ in ⟨Moscow⟩.")
        let glosses = line.segments.compactMap { segment -> String? in
            if case .gloss(let a) = segment { return a.gloss } else { return nil }
        }
        #expect(glosses == ["President", "Yury Borisov", "Moscow"])
        // Custom rendering sees exactly the text between spans.
        let custom = line.rendered(text: { $0.uppercased() }, gloss: { "[\($0.type)]" })
        #expect(custom == "DER [term] TRAF [person] IN [city].")
    }

    @Test func sentencesAreSeparateAndLineBreaksFlatten() throws {
        let doc = try Synthetic.document("Kuba liegt nahe.\nDie Zusammen-\narbeit mit Russland wächst.", [
            .init(text: "Kuba", gloss: "Cuba", type: .country),
            .init(text: "Russland", gloss: "Russia", type: .country),
        ])
        try #require(doc.document.sentences.count == 2)
        #expect(GlossLine(sentence: 0, of: doc).plain == "⟨Cuba⟩ liegt nahe.")
        let second = GlossLine(sentence: 1, of: doc).plain
        #expect(!second.contains("\n"))
        #expect(second.hasSuffix("mit ⟨Russia⟩ wächst."))
    }

    @Test func sentenceWithoutAnnotationsIsItsText() throws {
        let doc = try Synthetic.document("Nichts zu sehen hier.", [])
        #expect(GlossLine(sentence: 0, of: doc).plain == "Nichts zu sehen hier.")
    }

    @Test func labelSaysItIsNotATranslation() {
        #expect(GlossLine.label.contains("not a translation"))
    }

    @Test func displayWidth() {
        #expect(DisplayWidth.of("Moskau") == 6)
        #expect(DisplayWidth.of("Außenministerium") == 16)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("ｆｕｌｌ") == 8)
        // e + combining acute, decomposed: one column.
        #expect(DisplayWidth.of("Fe\u{301}") == 2)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("한국") == 4)
    }
}

@Suite struct GuessTests {
    @Test func guessesAreMarkedInEveryFormat() throws {
        let doc = try Synthetic.document("Minister Petrow reist nach Moskau.", [
            .init(text: "Petrow", gloss: "Petrov", type: .person, fromGlossary: false),
            .init(text: "Moskau", gloss: "Moscow", type: .city),
        ])
        #expect(GlossLine(sentence: 0, of: doc).plain == "Minister ⟨Petrov?⟩ reist nach ⟨Moscow⟩.")
        let text = OutputFormat.text.render(doc)
        #expect(text.contains("Petrov?") && !text.contains("Moscow?"))
        let md = OutputFormat.markdown.render(doc)
        #expect(md.contains("**Petrow** [*Petrov*?]") && md.contains("**Moskau** [*Moscow*]"))
        #expect(md.contains("| Petrow | Petrov | person (guess) | 1 |"))
        let html = OutputFormat.html.render(doc)
        #expect(html.contains("class=\"a t-person guess\""))
        #expect(html.contains("guess, not from a glossary"))
        let xlf = OutputFormat.xliff.render(doc)
        #expect(xlf.contains("<gls:definition>type: person (guess, not from a glossary)</gls:definition>"))
    }
}
