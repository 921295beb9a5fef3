import GlossaGlossary
import GlossaPipeline
import GlossaText

extension OutputFormat {
    /// One self-contained HTML5 page (styles inline, no script, no network): the German text
    /// (`lang="de"`) with every annotated span marked as a term in W3C ITS 2.0 markup
    /// (`its-term="yes"`, `its-term-info-ref` to its row in the entry list) and its English
    /// (`lang="en"`) shown above it as ruby text. Each span is focusable; hovering or focusing it
    /// shows the type, match kind, the entry's status (when not `preferred`), its name in the
    /// original script and its note, and the glossary source (on narrow screens as a bar at the
    /// bottom of the screen, so it never runs off the side). A span of a `deprecated` or
    /// `forbidden` entry is struck through (red for forbidden) and its tooltip says so. Under each paragraph come its gloss lines
    /// (labelled as aids); at the end a legend by type (same colors as the spans) and the list
    /// of the entries used. Everything from the input or a glossary is escaped (`HTMLEscape`).
    public static let html = OutputFormat(name: "html", fileExtension: "html") { document, context, out in
        HTMLWriter(document: document).write(name: context.name ?? document.document.name, into: &out)
    }
}

struct HTMLWriter {
    let document: AnnotatedDocument

    /// The entry list row id of each annotation (`e1`, `e2`, ... in order of first use).
    private let rowIDs: [String: String]
    private let usage: [(annotation: Annotation, entry: GlossaryEntry?, count: Int)]

    init(document: AnnotatedDocument) {
        self.document = document
        usage = document.usage
        var ids: [String: String] = [:]
        for (i, use) in usage.enumerated() { ids[Self.usageKey(use.annotation)] = "e\(i + 1)" }
        rowIDs = ids
    }

    static func usageKey(_ annotation: Annotation) -> String {
        annotation.entryID ?? "guess:" + annotation.gloss
    }

    func write(name: String, into out: inout String) {
        let doc = document.document
        out += """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Glossa">
            <title>\(HTMLEscape.escape(name)) – Glossa</title>
            <style>
            \(css)
            </style>
            </head>
            <body>
            <header>
            <h1>\(HTMLEscape.escape(name))</h1>
            <p class="intro">German text with English glosses from curated glossaries. Each gloss stands above its German words; hover or focus (Tab) a term for its type, how it matched and its glossary entry. The gloss lines are reading aids, not translations.</p>

            """
        legend(into: &out)
        out += """
            </header>
            <main>

            """
        for paragraph in doc.paragraphs {
            out += "<section class=\"para\">\n<p lang=\"de\" class=\"text\">"
            var cursor = paragraph.start
            for s in paragraph.sentences {
                let sentence = doc.sentences[s]
                if sentence.start > cursor { out += escapedText(cursor..<sentence.start) }
                cursor = sentence.start
                out += "<span class=\"s\" id=\"s\(s + 1)\">"
                for (k, annotation) in zip(document.annotationsBySentence[s], document.annotations(inSentence: s)) where annotation.start >= cursor {
                    out += escapedText(cursor..<annotation.start)
                    span(annotation, number: k + 1, into: &out)
                    cursor = annotation.end
                }
                out += escapedText(cursor..<max(cursor, sentence.end)) + "</span>"
                cursor = max(cursor, sentence.end)
            }
            if paragraph.end > cursor { out += escapedText(cursor..<paragraph.end) }
            out += "</p>\n"
            let glossed = paragraph.sentences.filter { !document.annotationsBySentence[$0].isEmpty }
            if !glossed.isEmpty {
                out += "<div class=\"glosses\">\n<p class=\"label\">\(HTMLEscape.escape(GlossLine.label))</p>\n<ul>\n"
                for s in glossed {
                    let line = GlossLine(sentence: s, of: document).rendered(
                        text: { HTMLEscape.escape($0) },
                        gloss: { "<b lang=\"en\" class=\"\(TypeStyle.cssClass($0.type))\">" + HTMLEscape.escape($0.gloss) + "</b>" })
                    out += "<li lang=\"de\"><a class=\"n\" href=\"#s\(s + 1)\" aria-label=\"sentence \(s + 1)\">\(s + 1)</a> \(line)</li>\n"
                }
                out += "</ul>\n</div>\n"
            }
            out += "</section>\n"
        }
        out += "</main>\n<footer>\n"
        entries(into: &out)
        out += "</footer>\n</body>\n</html>\n"
    }

    /// One annotated span: ruby with the German term (ITS) as base and the English above;
    /// the details as a tooltip shown on hover and focus.
    private func span(_ annotation: Annotation, number: Int, into out: inout String) {
        let typeClass = TypeStyle.cssClass(annotation.type)
        let gloss = HTMLEscape.escape(annotation.gloss)
        let guess = annotation.isFromGlossary ? "" : " guess"
        let details = document.details(of: annotation)
        let warning = details.warning.map { " st-\($0.rawValue)" } ?? ""
        let row = rowIDs[Self.usageKey(annotation)] ?? "entries"
        out += "<span class=\"a \(typeClass)\(guess)\(warning)\" tabindex=\"0\" aria-describedby=\"tip\(number)\">"
        out += "<ruby><span its-term=\"yes\" its-term-info-ref=\"#\(row)\" data-gloss=\"\(gloss)\">"
        out += escapedText(annotation.start..<annotation.end)
        out += "</span><rp>(</rp><rt lang=\"en\">\(gloss)</rt><rp>)</rp></ruby>"
        out += "<span class=\"tip\" role=\"tooltip\" id=\"tip\(number)\" lang=\"en\">"
        out += "<b>\(gloss)</b> · \(HTMLEscape.escape(annotation.type.rawValue)) · match: \(HTMLEscape.escape(annotation.kind.rawValue))"
        if let status = details.status {
            let advice = status == .forbidden ? " (do not use)" : status == .deprecated ? " (outdated, avoid)" : ""
            out += "<br><span class=\"status\">status: \(status.rawValue)\(advice)</span>"
        }
        if let entry = document.entry(of: annotation) {
            out += "<br>entry: <span lang=\"de\">\(HTMLEscape.escape(entry.de))</span> → \(HTMLEscape.escape(entry.en))"
        } else {
            out += "<br>guess, not from a glossary"
        }
        if let orig = details.orig {
            out += "<br>original script: <span lang=\"und\">\(HTMLEscape.escape(orig))</span>"
        }
        if let note = details.note {
            out += "<br>note: \(HTMLEscape.escape(note))"
        }
        if let source = annotation.source {
            out += "<br><code>\(HTMLEscape.escape(source))</code>"
        }
        out += "</span></span>"
    }

    private func legend(into out: inout String) {
        var types: [EntryType] = []
        for annotation in document.annotations where !types.contains(annotation.type) { types.append(annotation.type) }
        guard !types.isEmpty else { return }
        types.sort()
        out += "<section class=\"legend\" aria-label=\"Types\">\n<ul>\n"
        for type in types {
            out += "<li class=\"\(TypeStyle.cssClass(type))\"><span class=\"swatch\"></span>\(HTMLEscape.escape(type.rawValue))</li>\n"
        }
        if document.annotations.contains(where: { !$0.isFromGlossary }) {
            out += "<li class=\"guess\"><span class=\"swatch\"></span>guess (dashed: not from a glossary)</li>\n"
        }
        out += "</ul>\n</section>\n"
    }

    private func entries(into out: inout String) {
        guard !usage.isEmpty else { return }
        out += "<section class=\"entries\" id=\"entries\" aria-labelledby=\"entries-h\">\n<h2 id=\"entries-h\">Entries used</h2>\n"
        // A note column only when some entry used has a note.
        let hasNotes = usage.contains { EntryDetails($0.entry).note != nil }
        out += "<div class=\"scroll\"><table>\n<thead><tr><th>German</th><th>English</th><th>Type</th><th>Count</th>"
        out += hasNotes ? "<th>Note</th><th>Source</th></tr></thead>\n<tbody>\n" : "<th>Source</th></tr></thead>\n<tbody>\n"
        for (i, use) in usage.enumerated() {
            let german = use.entry?.de ?? use.annotation.text
            let english = use.entry?.en ?? use.annotation.gloss
            let source = use.annotation.source ?? "guess"
            let details = EntryDetails(use.entry)
            out += "<tr id=\"e\(i + 1)\" class=\"\(TypeStyle.cssClass(use.annotation.type))\">"
            out += "<td lang=\"de\">\(HTMLEscape.escape(german))"
            if let orig = details.orig { out += "<br><span class=\"orig\" lang=\"und\">\(HTMLEscape.escape(orig))</span>" }
            out += "</td><td lang=\"en\">\(HTMLEscape.escape(english))</td>"
            out += "<td class=\"type\"><span class=\"swatch\"></span>\(HTMLEscape.escape(use.annotation.type.rawValue))"
            if let status = details.status { out += "<br><span class=\"status st-\(status.rawValue)\">\(status.rawValue)</span>" }
            out += "</td><td class=\"num\">\(use.count)</td>"
            if hasNotes { out += "<td class=\"note\">\(HTMLEscape.escape(details.note ?? ""))</td>" }
            out += "<td><code>\(HTMLEscape.escape(source))</code></td></tr>\n"
        }
        out += "</tbody>\n</table></div>\n</section>\n"
    }

    /// Original text between two offsets, escaped.
    private func escapedText(_ range: Range<Int>) -> String {
        guard range.lowerBound < range.upperBound else { return "" }
        return HTMLEscape.escape(document.document.text(scalarRange: range))
    }

    /// The style sheet: base styles plus one color rule per type used.
    private var css: String {
        var types: [EntryType] = EntryType.known
        for annotation in document.annotations where !types.contains(annotation.type) { types.append(annotation.type) }
        var rules = Self.baseCSS
        for type in types {
            rules += ".\(TypeStyle.cssClass(type)){--c:\(TypeStyle.of(type).css)}\n"
        }
        return rules
    }

    static let baseCSS = """
        :root{color-scheme:light;--fg:#1d1d1f;--muted:#5a5a60;--bg:#fdfdfb;--line:#d8d8d0;--tipbg:#1d1d1f;--tipfg:#fff}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--fg);font:17px/1.5 Georgia,"Times New Roman",serif}
        header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}
        h1{font:600 1.3rem/1.3 system-ui,sans-serif;margin:1.2rem 0 .3rem;overflow-wrap:anywhere}
        h2{font:600 1.05rem/1.3 system-ui,sans-serif;margin:1.5rem 0 .5rem}
        .intro{font:.85rem/1.4 system-ui,sans-serif;color:var(--muted);margin:0 0 1rem}
        .para{border-top:1px solid var(--line);padding:.6rem 0 .4rem}
        .text{line-height:2.5;margin:0 0 .4rem;overflow-wrap:break-word}
        .a{position:relative;display:inline-block;white-space:nowrap;line-height:1.2;padding-top:.1rem;border-radius:3px;outline:none}
        .a ruby{ruby-position:over;ruby-align:center}
        .a ruby>span{border-bottom:2px solid var(--c);padding:0 1px}
        .a.guess ruby>span{border-bottom-style:dashed}
        .a.st-deprecated ruby>span{text-decoration:line-through 1px}
        .a.st-forbidden ruby>span{text-decoration:line-through 2px #c5221f}
        .tip .status{font-weight:600;color:#ffd27a}
        td .status{font-size:.75rem;font-weight:600;color:#8a5a00}
        td .st-forbidden{color:#b3261e}
        td .orig{font-size:.8rem;color:var(--muted)}
        .a rt{font:600 .66rem/1.1 system-ui,sans-serif;color:var(--c);letter-spacing:0;padding-bottom:1px}
        .a:hover ruby>span,.a:focus ruby>span{background:color-mix(in srgb,var(--c) 14%,transparent)}
        .a:focus-visible{outline:2px solid var(--c);outline-offset:2px}
        .tip{display:none;position:absolute;left:0;top:100%;z-index:10;margin-top:2px;min-width:12rem;max-width:min(22rem,80vw);
          padding:.4rem .55rem;border-radius:6px;background:var(--tipbg);color:var(--tipfg);
          font:.78rem/1.4 system-ui,sans-serif;white-space:normal;box-shadow:0 3px 10px rgba(0,0,0,.25)}
        .tip code{font-size:.72rem;color:#cfe3ff;overflow-wrap:anywhere}
        .a:hover .tip,.a:focus .tip,.a:focus-within .tip{display:block}
        .glosses{font:.9rem/1.5 system-ui,sans-serif;color:var(--muted);background:#f3f3ee;border-left:3px solid var(--line);padding:.3rem .7rem;margin:.2rem 0 .6rem}
        .glosses .label{margin:0;font-size:.75rem;text-transform:uppercase;letter-spacing:.04em}
        .glosses ul{list-style:none;margin:.2rem 0;padding:0}
        .glosses li{margin:.25rem 0;color:var(--fg)}
        .glosses b{color:var(--c);font-weight:600}
        .glosses b::before{content:"⟨";color:var(--muted);font-weight:400}
        .glosses b::after{content:"⟩";color:var(--muted);font-weight:400}
        .n{display:inline-block;min-width:1.4rem;font-size:.7rem;color:var(--muted);text-decoration:none}
        .legend ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem;font:.85rem system-ui,sans-serif}
        .swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;background:var(--c);margin-right:.35rem;vertical-align:-.1rem}
        .legend .guess .swatch{background:none;border:2px dashed var(--muted)}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;font:.85rem/1.35 system-ui,sans-serif;width:100%;margin-bottom:2rem}
        th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
        td.num{text-align:right}
        td code{font-size:.75rem;color:var(--muted);white-space:nowrap}
        td.type{white-space:nowrap}
        .legend{margin:0 0 .8rem}
        tr:target{background:#fff6c9}
        @media (max-width:600px){body{font-size:16px}.text{line-height:2.6}header,main,footer{padding:0 .75rem}td code{white-space:normal;overflow-wrap:anywhere}
          .tip{position:fixed;left:.75rem;right:.75rem;top:auto;bottom:.75rem;min-width:0;max-width:none;font-size:.85rem}}

        """
}

/// Escaping for HTML text and attribute values.
public enum HTMLEscape {
    /// `&`, `<`, `>`, `"` and `'` as character references; safe in text and in quoted
    /// attribute values. Characters HTML does not allow (C0 controls but tab, line feed, form
    /// feed and carriage return; U+007F–U+009F; noncharacters) become U+FFFD, one for one.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if XMLText.isAllowed(scalar) && !(0x7F...0x9F).contains(scalar.value) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "\u{FFFD}"
                }
            }
        }
        return out
    }
}
