import Foundation
import GlossaGlossary
import GlossaPipeline
import GlossaRender
import GlossaText
import Testing

/// An entry's status, its name in the original script (`orig`) and its note reach every output
/// format; a `deprecated` or `forbidden` entry is marked where the gloss is shown.
@Suite struct EntryDetailsTests {
    static let text = "Der Sprecher Juri Borissow lobte Swasiland, Kuba und Moskau. Petrow schwieg."

    static func document() throws -> AnnotatedDocument {
        try Synthetic.document(text, [
            .init(text: "Sprecher", gloss: "spokesman", note: "also the Speaker of a parliament"),
            .init(text: "Juri Borissow", gloss: "Yury Borisov", type: .person, orig: "Юрий Борисов", note: "Deputy <Prime> Minister & \"co\""),
            .init(text: "Swasiland", gloss: "Swaziland", type: .country, status: .forbidden, note: "today Eswatini"),
            .init(text: "Kuba", gloss: "Cuba", type: .country, status: .admitted),
            .init(text: "Moskau", gloss: "Moscow", type: .city),
            .init(text: "Petrow", gloss: "Petrov", type: .person, fromGlossary: false),
        ])
    }

    static func annotations(_ json: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(object["annotations"] as? [[String: Any]])
    }

    @Test func jsonHasStatusOrigAndNoteOnlyWhenTheEntryHasThem() throws {
        let json = OutputFormat.json.render(try Self.document())
        let byText = Dictionary(uniqueKeysWithValues: try Self.annotations(json).map { ($0["text"] as! String, $0) })
        #expect(byText["Sprecher"]?["note"] as? String == "also the Speaker of a parliament")
        #expect(byText["Sprecher"]?["status"] == nil && byText["Sprecher"]?["orig"] == nil)
        #expect(byText["Juri Borissow"]?["orig"] as? String == "Юрий Борисов")
        #expect(byText["Juri Borissow"]?["note"] as? String == "Deputy <Prime> Minister & \"co\"")
        #expect(byText["Swasiland"]?["status"] as? String == "forbidden")
        #expect(byText["Kuba"]?["status"] as? String == "admitted")
        for plain in ["Moskau", "Petrow"] {
            let annotation = try #require(byText[plain])
            #expect(annotation["status"] == nil && annotation["orig"] == nil && annotation["note"] == nil, "\(plain)")
        }
        // Added after "source": the fields before it are as they were.
        #expect(json.contains(#""source":"test.tsv:4","status":"forbidden","note":"today Eswatini"}"#))
        #expect(json.contains(#""source":"test.tsv:3","orig":"Юрий Борисов","note":"Deputy <Prime> Minister & \"co\""}"#))
    }

    /// With an annotator's records, a tail is made once per glossary form and match kind and
    /// copied after that: the details are in the copies too, in json, jsonl and streamed jsonl.
    @Test func sharedTailsOfAnAnnotatorCarryTheDetails() throws {
        let annotator = try RenderFixtures.loadedAnnotator()
        let text = "Juri Borissow besuchte Mazedonien. Borissow lobte Mazedonien.\n\nDann sprach Borissow.\n"
        let document = annotator.annotate(try GermanTokenizer().document(text, name: "x"))
        let annotations = try Self.annotations(OutputFormat.json.render(document))
        let borissow = annotations.filter { ($0["entry"] as? String) == "people/juri-borissow" }
        let mazedonien = annotations.filter { ($0["entry"] as? String) == "countries-extra/mazedonien" }
        #expect(borissow.count == 3 && mazedonien.count == 2)
        #expect(borissow.allSatisfy { $0["orig"] as? String == "Юрий Борисов" && ($0["note"] as? String)?.hasPrefix("Russian Deputy Prime Minister") == true })
        #expect(mazedonien.allSatisfy { $0["status"] as? String == "deprecated" && $0["note"] as? String == "name before 2019; today North Macedonia" })
        let lines = OutputFormat.jsonl.render(document, context: WriterContext(name: "x"))
        #expect(lines.components(separatedBy: #""status":"deprecated""#).count - 1 == 2)
        #expect(lines.components(separatedBy: #""orig":"Юрий Борисов""#).count - 1 == 3)
        var streamed = ""
        try StreamingAnnotation.jsonl(text: text, name: "x", annotator: annotator, tokenizers: ResourcePool { try GermanTokenizer() },
                                      jobs: 2, pieceSize: 20) { streamed += $0 }
        #expect(streamed == lines)
    }

    @Test func htmlDetailsShowStatusOrigAndNote() throws {
        let html = OutputFormat.html.render(try Self.document(), context: WriterContext(name: "x.txt"))
        let page = try HTMLStructure(html)
        let tips = page.elements.filter { $0.attributes["role"] == "tooltip" }.map(\.text)
        let borissow = try #require(tips.first { $0.hasPrefix("Yury Borisov") })
        #expect(borissow.contains("original script: Юрий Борисов"))
        #expect(borissow.contains("note: Deputy <Prime> Minister & \"co\""))
        #expect(!borissow.contains("status"))
        let swasiland = try #require(tips.first { $0.hasPrefix("Swaziland") })
        #expect(swasiland.contains("status: forbidden (do not use)") && swasiland.contains("note: today Eswatini"))
        #expect(try #require(tips.first { $0.hasPrefix("Cuba") }).contains("status: admitted"))
        #expect(try #require(tips.first { $0.hasPrefix("Moscow") }).components(separatedBy: "status:").count == 1)
        // The forbidden term's span is marked (struck through in red by the style sheet); the others are not.
        let marked = page.elements.filter { ($0.attributes["class"] ?? "").contains("st-forbidden") && $0.attributes["tabindex"] == "0" }
        #expect(marked.map(\.text).first?.hasPrefix("Swasiland") == true && marked.count == 1)
        #expect(html.contains(".a.st-forbidden ruby>span{"))
        #expect(!page.elements.contains { ($0.attributes["class"] ?? "").contains("st-admitted") && $0.attributes["tabindex"] == "0" })
        // The entry list has a note column, the original script under the German and the status under the type.
        #expect(page.texts(of: "th").contains("Note"))
        let rows = page.elements.filter { $0.name == "tr" && $0.attributes["id"] != nil }.map(\.text)
        #expect(rows.contains { $0.hasPrefix("Juri BorissowЮрий БорисовYury Borisov") && $0.contains("Deputy <Prime> Minister") })
        #expect(rows.contains { $0.hasPrefix("SwasilandSwazilandcountryforbidden1today Eswatini") })
        #expect(!html.contains("<Prime>"))
    }

    @Test func htmlWithoutNotesHasNoNoteColumn() throws {
        let doc = try Synthetic.document("Kuba und Moskau.", [.init(text: "Kuba", gloss: "Cuba", type: .country)])
        let page = try HTMLStructure(OutputFormat.html.render(doc))
        #expect(page.texts(of: "th") == ["German", "English", "Type", "Count", "Source"])
    }

    @Test func xliffDefinitionHasStatusOrigAndNote() throws {
        let xlf = OutputFormat.xliff.render(try Self.document())
        #expect(xlf.contains("<gls:definition>type: term; note: also the Speaker of a parliament</gls:definition>"))
        #expect(xlf.contains("<gls:definition>type: person; original script: Юрий Борисов; note: Deputy &lt;Prime&gt; Minister &amp; &quot;co&quot;</gls:definition>"))
        #expect(xlf.contains("<gls:definition>type: country; status: forbidden; note: today Eswatini</gls:definition>"))
        #expect(xlf.contains("<gls:definition>type: country; status: admitted</gls:definition>"))
        #expect(xlf.contains("<gls:definition>type: city</gls:definition>"))
        #expect(xlf.contains("<gls:definition>type: person (guess, not from a glossary)</gls:definition>"))
    }

    @Test func textMarksDeprecatedAndForbiddenOnly() throws {
        let doc = try Self.document()
        let plain = OutputFormat.text.render(doc, context: WriterContext(width: 200))
        #expect(plain.contains("Swaziland [forbidden]"))
        // Nothing else is added: no other status, no note, no original script.
        #expect(plain.components(separatedBy: "[").count - 1 == 1)
        #expect(!plain.contains("admitted") && !plain.contains("Eswatini") && !plain.contains("Юрий"))
        // The gloss line stays as it was.
        #expect(plain.contains("⟨Swaziland⟩"))
        let colored = OutputFormat.text.render(doc, context: WriterContext(color: true, width: 200))
        #expect(colored.contains("Swaziland\u{1B}[0m \u{1B}[1;7;31m[forbidden]\u{1B}[0m"))
        let deprecated = try Synthetic.document("Mazedonien.", [.init(text: "Mazedonien", gloss: "Macedonia", type: .country, status: .deprecated)])
        #expect(OutputFormat.text.render(deprecated).contains("Macedonia [deprecated]"))
        #expect(OutputFormat.text.render(deprecated, context: WriterContext(color: true)).contains("\u{1B}[1;31m[deprecated]"))
    }

    @Test func markdownMarksStatusAndListsNotes() throws {
        let md = OutputFormat.markdown.render(try Self.document())
        #expect(md.contains("**Swasiland** [*Swaziland* **forbidden**]"))
        #expect(md.contains("**Kuba** [*Cuba*]"))
        #expect(md.contains("| German | English | Type | Count | Note |\n|---|---|---|---:|---|\n"))
        #expect(md.contains("| Swasiland | Swaziland | country, **forbidden** | 1 | today Eswatini |"))
        #expect(md.contains("| Kuba | Cuba | country, admitted | 1 |  |"))
        #expect(md.contains("| Juri Borissow | Yury Borisov | person | 1 | Юрий Борисов; Deputy \\<Prime\\> Minister \\& \"co\" |"))
        let plain = try Synthetic.document("Kuba.", [.init(text: "Kuba", gloss: "Cuba", type: .country)])
        #expect(OutputFormat.markdown.render(plain).contains("| German | English | Type | Count |\n|---|---|---|---:|\n"))
    }
}
