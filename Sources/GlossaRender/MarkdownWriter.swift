import GlossaGlossary
import GlossaPipeline
import GlossaText

extension OutputFormat {
    /// CommonMark: the text with each annotated span in bold and its gloss in brackets after it
    /// (`**Borissow** [*Borisov*]`), one Markdown paragraph per paragraph, then the paragraph's
    /// gloss lines (one per sentence) in a labelled blockquote, and at the end a table of the
    /// entries used (German, English, type, count, and a note column when an entry used has a
    /// note or a name in the original script) in order of first occurrence. A guess (not from a
    /// glossary) has a question mark after its gloss and "(guess)" after its type; an entry whose
    /// status is `deprecated` or `forbidden` has it in bold after its gloss (`[*Macedonia*
    /// **deprecated**]`), and every status but `preferred` follows its type in the table.
    ///
    /// Everything taken from the input or a glossary is escaped (`MarkdownEscape`), so input
    /// text can never become markup; line breaks inside a paragraph become spaces.
    public static let markdown = OutputFormat(name: "markdown", fileExtension: "md") { document, context, out in
        MarkdownWriter(document: document).write(name: context.name ?? document.document.name, into: &out)
    }
}

struct MarkdownWriter {
    let document: AnnotatedDocument

    func write(name: String, into out: inout String) {
        let doc = document.document
        out += "# " + MarkdownEscape.inline(name) + "\n\n"
        out += "German text with English glosses from curated glossaries. Glossed spans are **bold**, "
        out += "their English follows in brackets; the gloss lines are reading aids, not translations.\n"
        for paragraph in doc.paragraphs {
            out += "\n"
            var line = ""
            var cursor = paragraph.start
            for s in paragraph.sentences {
                for annotation in document.annotations(inSentence: s) where annotation.start >= cursor {
                    line += escapedText(cursor..<annotation.start)
                    let warning = document.details(of: annotation).warning.map { " **" + $0.rawValue + "**" } ?? ""
                    line += "**" + escapedText(annotation.start..<annotation.end) + "** [*" + MarkdownEscape.inline(annotation.gloss) + "*"
                        + (annotation.isFromGlossary ? "" : "?") + warning + "]"
                    cursor = annotation.end
                }
            }
            line += escapedText(cursor..<paragraph.end)
            out += MarkdownEscape.lineStart(line) + "\n"
            let glossed = paragraph.sentences.filter { !document.annotationsBySentence[$0].isEmpty }
            if glossed.isEmpty { continue }
            out += "\n> *" + GlossLine.label + "*\n"
            for s in glossed {
                let gloss = GlossLine(sentence: s, of: document).rendered(
                    text: { MarkdownEscape.inline($0) },
                    gloss: { "**" + MarkdownEscape.inline($0.gloss) + "**" + ($0.isFromGlossary ? "" : "?") })
                out += ">\n> " + MarkdownEscape.lineStart(gloss) + "\n"
            }
        }
        let usage = document.usage
        if usage.isEmpty { return }
        let hasNotes = usage.contains { let details = EntryDetails($0.entry); return details.note != nil || details.orig != nil }
        out += "\n## Entries used\n\n| German | English | Type | Count |" + (hasNotes ? " Note |\n|---|---|---|---:|---|\n" : "\n|---|---|---|---:|\n")
        for use in usage {
            let german = use.entry?.de ?? use.annotation.text
            let english = use.entry?.en ?? use.annotation.gloss
            let details = EntryDetails(use.entry)
            var type = MarkdownEscape.cell(use.annotation.type.rawValue)
            if use.entry == nil { type += " (guess)" }
            if let status = details.status { type += details.warning != nil ? ", **\(status.rawValue)**" : ", \(status.rawValue)" }
            out += "| " + MarkdownEscape.cell(german) + " | " + MarkdownEscape.cell(english) + " | "
            out += type + " | \(use.count) |"
            if hasNotes {
                // The original-script name first, then the note.
                let note = [details.orig, details.note].compactMap { $0 }.joined(separator: "; ")
                out += " " + MarkdownEscape.cell(note) + " |"
            }
            out += "\n"
        }
    }

    /// Original text between two scalar offsets, line breaks flattened, escaped.
    private func escapedText(_ range: Range<Int>) -> String {
        guard range.lowerBound < range.upperBound else { return "" }
        return MarkdownEscape.inline(TextWriter.collapse(document.document.text(scalarRange: range)))
    }
}

/// Escaping for CommonMark text.
enum MarkdownEscape {
    /// Backslash-escapes every ASCII punctuation character that can start or end markup
    /// (emphasis, links, code, HTML, entities, tables); turns line breaks into spaces.
    static func inline(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "(", ")", "#", "<", ">", "|", "&", "!", "~", "{", "}", "$":
                out.append("\\")
                out.append(character)
            case "\n", "\r", "\r\n", "\u{2028}", "\u{2029}":
                out.append(" ")
            default:
                out.append(character)
            }
        }
        return out
    }

    /// Text for a table cell: escaped inline; the pipe is already escaped.
    static func cell(_ text: String) -> String { inline(text) }

    /// Escapes what would make a line a block (list item, heading underline, thematic break,
    /// ordered list item, indented code) when it starts a line.
    static func lineStart(_ line: String) -> String {
        var line = line
        // Leading spaces would make code blocks (4+) or be dropped: keep none.
        while line.first == " " || line.first == "\t" { line.removeFirst() }
        guard let first = line.first else { return line }
        if first == "-" || first == "+" || first == "=" {
            return "\\" + line
        }
        // "1. " or "1) " would start an ordered list.
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = line.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")" {
                return String(digits) + "\\" + String(rest)
            }
        }
        return line
    }
}
