import GlossaGlossary
import GlossaPipeline
import GlossaText

extension OutputFormat {
    /// XLIFF 2.1 with the Glossary module, for CAT tools: one `<file>`, one `<unit>` per
    /// paragraph (`u1`, `u2`, ...), one `<segment>` per sentence holding only its `<source>`, the
    /// whitespace between sentences in `<ignorable>` (so the unit's text is the paragraph as
    /// written). Each annotated span is `<mrk type="term">` in the source; each unit has a
    /// `<gls:glossary>` with one `<gls:glossEntry>` per distinct entry used in it, whose `ref`
    /// points to the entry's first span: `<gls:term>` holds the glossary headword (its
    /// `source` the glossary file and line), `<gls:translation>` the English shown, and
    /// `<gls:definition>` the type and what the entry says of itself: its status when not
    /// `preferred`, its name in the original script and its note ("type: person; original
    /// script: Юрий Борисов; note: Russian Deputy Prime Minister"; a guess says it is not from a
    /// glossary). The glossary module allows no other note element, so these go into the
    /// definition.
    ///
    /// Text is escaped for XML 1.0; characters XML 1.0 forbids (U+0000–U+0008, U+000B, U+000C,
    /// U+000E–U+001F, lone surrogates, U+FFFE, U+FFFF) become U+FFFD one for one, so scalar
    /// offsets stay valid. A carriage return is written `&#xD;` so parsers keep it.
    /// Validates against the XLIFF 2.1 core and module schemas.
    public static let xliff = OutputFormat(name: "xliff", fileExtension: "xlf") { document, context, out in
        XLIFFWriter(document: document).write(name: context.name ?? document.document.name, into: &out)
    }
}

struct XLIFFWriter {
    let document: AnnotatedDocument

    func write(name: String, into out: inout String) {
        let doc = document.document
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"de\" trgLang=\"en\"\n"
        out += "       xmlns:gls=\"urn:oasis:names:tc:xliff:glossary:2.0\">\n"
        out += "  <file id=\"f1\" original=\"\(XMLText.escape(name))\">\n"
        for (p, paragraph) in doc.paragraphs.enumerated() {
            out += "    <unit id=\"u\(p + 1)\">\n"
            // The unit's entries, in order of first use, each with the id of its first span.
            var entries: [(key: String, annotation: Annotation, marker: String)] = []
            var markers = 0
            var body = ""
            var segmentNumber = 0
            var ignorableNumber = 0
            var cursor = paragraph.start
            for s in paragraph.sentences {
                let sentence = doc.sentences[s]
                if sentence.start > cursor {
                    ignorableNumber += 1
                    body += "      <ignorable id=\"i\(ignorableNumber)\"><source>\(escapedText(cursor..<sentence.start))</source></ignorable>\n"
                }
                cursor = sentence.start
                segmentNumber += 1
                body += "      <segment id=\"s\(segmentNumber)\"><source>"
                for annotation in document.annotations(inSentence: s) where annotation.start >= cursor {
                    body += escapedText(cursor..<annotation.start)
                    markers += 1
                    let marker = "m\(markers)"
                    let key = annotation.entryID ?? "guess:" + annotation.gloss
                    if !entries.contains(where: { $0.key == key }) { entries.append((key, annotation, marker)) }
                    body += "<mrk id=\"\(marker)\" type=\"term\">" + escapedText(annotation.start..<annotation.end) + "</mrk>"
                    cursor = annotation.end
                }
                body += escapedText(cursor..<max(cursor, sentence.end)) + "</source></segment>\n"
                cursor = max(cursor, sentence.end)
            }
            if paragraph.end > cursor {
                ignorableNumber += 1
                body += "      <ignorable id=\"i\(ignorableNumber)\"><source>\(escapedText(cursor..<paragraph.end))</source></ignorable>\n"
            }
            if !entries.isEmpty {
                out += "      <gls:glossary>\n"
                for (g, item) in entries.enumerated() {
                    let annotation = item.annotation
                    out += "        <gls:glossEntry id=\"g\(g + 1)\" ref=\"#\(item.marker)\">\n"
                    if let entry = document.entry(of: annotation) {
                        let source = annotation.source.map { " source=\"\(XMLText.escape($0))\"" } ?? ""
                        out += "          <gls:term\(source)>\(XMLText.escape(entry.de))</gls:term>\n"
                        out += "          <gls:translation>\(XMLText.escape(annotation.gloss))</gls:translation>\n"
                        out += "          <gls:definition>\(XMLText.escape(Self.definition(annotation.type, document.details(of: annotation))))</gls:definition>\n"
                    } else {
                        out += "          <gls:term>\(XMLText.escape(annotation.text))</gls:term>\n"
                        out += "          <gls:translation>\(XMLText.escape(annotation.gloss))</gls:translation>\n"
                        out += "          <gls:definition>type: \(XMLText.escape(annotation.type.rawValue)) (guess, not from a glossary)</gls:definition>\n"
                    }
                    out += "        </gls:glossEntry>\n"
                }
                out += "      </gls:glossary>\n"
            }
            out += body
            out += "    </unit>\n"
        }
        out += "  </file>\n</xliff>\n"
    }

    /// The text of a glossary entry's `<gls:definition>`: `type: T`, then `; status: S`,
    /// `; original script: O` and `; note: N` for what the entry has.
    static func definition(_ type: EntryType, _ details: EntryDetails) -> String {
        var text = "type: " + type.rawValue
        if let status = details.status { text += "; status: " + status.rawValue }
        if let orig = details.orig { text += "; original script: " + orig }
        if let note = details.note { text += "; note: " + note }
        return text
    }

    private func escapedText(_ range: Range<Int>) -> String {
        guard range.lowerBound < range.upperBound else { return "" }
        return XMLText.escape(document.document.text(scalarRange: range))
    }
}
