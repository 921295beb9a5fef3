import Foundation
import GlossaGlossary
import GlossaPipeline
import GlossaRender
import Testing

@Suite struct HTMLWriterTests {
    @Test func escapeFunction() {
        #expect(HTMLEscape.escape("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        #expect(HTMLEscape.escape("AT&T \"Zitat\"") == "AT&amp;T &quot;Zitat&quot;")
        #expect(HTMLEscape.escape("&amp;") == "&amp;amp;")
        #expect(HTMLEscape.escape("Díaz-Canel „brüderlich“") == "Díaz-Canel „brüderlich“")
        #expect(HTMLEscape.escape("a\u{0}b\u{7}c\u{85}d") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d")
        #expect(HTMLEscape.escape("Zeile\nzwei\tTab") == "Zeile\nzwei\tTab")
    }

    @Test func hostileInputStaysText() throws {
        let text = "Die <script>alert(\"x\")</script> Kuba & \"Havanna\" 'zitiert'."
        let doc = try Synthetic.document(text, [
            .init(text: "Kuba", gloss: "<script>Cuba</script>", type: .country),
            .init(text: "Havanna", gloss: "Ha\"va'na & co", type: "weird type<>"),
        ])
        let html = OutputFormat.html.render(doc, context: WriterContext(name: "<script>name.txt"))
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(html.contains("data-gloss=\"Ha&quot;va&#39;na &amp; co\""))
        let page = try HTMLStructure(html)
        #expect(page.elements.filter { $0.attributes["its-term"] == "yes" }.count == 2)
        #expect(page.texts(of: "rt") == ["<script>Cuba</script>", "Ha\"va'na & co"])
    }

    @Test(arguments: RenderFixtures.names)
    func fixtureStructure(_ name: String) throws {
        let document = try RenderFixtures.document(name)
        let html = OutputFormat.html.render(document, context: WriterContext(name: "\(name).txt"))
        let page = try HTMLStructure(html)
        let terms = page.elements.filter { $0.attributes["its-term"] == "yes" }
        #expect(terms.count == document.annotations.count)
        #expect(terms.map { $0.attributes["data-gloss"] } == document.annotations.map(\.gloss))
        #expect(page.texts(of: "rt") == document.annotations.map(\.gloss))
        // Every term's info reference points to a row of the entry list.
        let ids = Set(page.elements.compactMap { $0.attributes["id"] })
        for term in terms {
            let ref = try #require(term.attributes["its-term-info-ref"])
            #expect(ref.hasPrefix("#") && ids.contains(String(ref.dropFirst())), "dangling \(ref)")
        }
        // Spans are focusable and carry a tooltip with the source.
        let spans = page.elements.filter { $0.name == "span" && $0.attributes["tabindex"] == "0" }
        #expect(spans.count == document.annotations.count)
        for span in spans {
            let tip = try #require(span.attributes["aria-describedby"])
            #expect(ids.contains(tip))
        }
        for annotation in document.annotations {
            if let source = annotation.source { #expect(page.text.contains(source)) }
        }
        // Languages: German text, English glosses.
        #expect(page.elements.filter { $0.name == "rt" }.allSatisfy { $0.attributes["lang"] == "en" })
        #expect(page.elements.filter { $0.name == "p" && $0.attributes["class"] == "text" }.allSatisfy { $0.attributes["lang"] == "de" })
        // Self-contained, with the metadata the brief asks for.
        #expect(page.elements.contains { $0.name == "meta" && $0.attributes["name"] == "viewport" })
        #expect(page.elements.contains { $0.name == "meta" && $0.attributes["name"] == "generator" && $0.attributes["content"] == "Glossa" })
        #expect(!page.elements.contains { $0.name == "link" || $0.name == "script" || $0.name == "img" })
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("@import"))
        // One gloss line per sentence with annotations, one legend item per type.
        let glossItems = page.elements.filter { $0.name == "li" && $0.attributes["lang"] == "de" }
        #expect(glossItems.count == document.annotationsBySentence.filter { !$0.isEmpty }.count)
        #expect(page.text.contains(GlossLine.label))
        let types = Set(document.annotations.map(\.type.rawValue))
        let legend = page.elements.filter { $0.name == "li" && ($0.attributes["class"] ?? "").hasPrefix("t-") }
        #expect(legend.count == types.count)
        let rows = page.elements.filter { $0.name == "tr" && $0.attributes["id"] != nil }
        #expect(rows.count == document.usage.count)
    }
}

/// A small HTML scanner for tests: checks that non-void elements nest properly and collects
/// every element with its attributes and the text inside it (character references decoded).
struct HTMLStructure {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text = ""
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static let void: Set<String> = ["meta", "br", "img", "link", "input", "hr", "wbr", "source", "col", "area", "base", "embed", "track"]

    private(set) var elements: [Element] = []
    private(set) var text = ""

    init(_ html: String) throws {
        var stack: [Int] = []
        var i = html.startIndex
        while i < html.endIndex {
            if html[i] == "<" {
                guard let close = html[i...].firstIndex(of: ">") else { throw Malformed(description: "unclosed tag") }
                let tag = html[html.index(after: i)..<close]
                i = html.index(after: close)
                if tag.hasPrefix("!") { continue }
                if tag.hasPrefix("/") {
                    let name = tag.dropFirst().lowercased()
                    guard let top = stack.popLast(), elements[top].name == name else {
                        throw Malformed(description: "unexpected </\(name)>")
                    }
                    continue
                }
                let (name, attributes) = try Self.parseTag(String(tag))
                elements.append(Element(name: name, attributes: attributes))
                if !Self.void.contains(name) { stack.append(elements.count - 1) }
                if name == "style" || name == "script" {
                    // Raw text up to the end tag.
                    guard let end = html[i...].range(of: "</\(name)>") else { throw Malformed(description: "unclosed \(name)") }
                    i = end.lowerBound
                }
            } else {
                let next = html[i...].firstIndex(of: "<") ?? html.endIndex
                let chunk = Self.decode(String(html[i..<next]))
                text += chunk
                for index in stack { elements[index].text += chunk }
                i = next
            }
        }
        if let open = stack.last { throw Malformed(description: "unclosed <\(elements[open].name)>") }
    }

    /// The texts of all elements named `name`, in document order.
    func texts(of name: String) -> [String] {
        elements.filter { $0.name == name }.map(\.text)
    }

    static func parseTag(_ tag: String) throws -> (String, [String: String]) {
        let scalars = Array(tag)
        var i = 0
        var name = ""
        while i < scalars.count && !scalars[i].isWhitespace && scalars[i] != "/" { name.append(scalars[i]); i += 1 }
        var attributes: [String: String] = [:]
        while i < scalars.count {
            while i < scalars.count && (scalars[i].isWhitespace || scalars[i] == "/") { i += 1 }
            var key = ""
            while i < scalars.count && scalars[i] != "=" && !scalars[i].isWhitespace { key.append(scalars[i]); i += 1 }
            if key.isEmpty { break }
            var value = ""
            if i < scalars.count && scalars[i] == "=" {
                i += 1
                guard i < scalars.count, scalars[i] == "\"" else { throw Malformed(description: "unquoted attribute in <\(tag)>") }
                i += 1
                while i < scalars.count && scalars[i] != "\"" { value.append(scalars[i]); i += 1 }
                i += 1
            }
            guard attributes[key] == nil else { throw Malformed(description: "duplicate attribute \(key)") }
            attributes[key] = decode(value)
        }
        return (name.lowercased(), attributes)
    }

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = text
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: value)
        }
        return out
    }
}
