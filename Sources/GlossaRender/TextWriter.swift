import GlossaGlossary
import GlossaPipeline
import GlossaText

extension OutputFormat {
    /// Interlinear text for the terminal.
    ///
    /// Each sentence is wrapped to `context.width` columns at spaces. Under every line that
    /// holds annotated words come the glosses, each starting at the column of its span (a gloss
    /// that would run into the previous one moves to a further line); without color a row of
    /// `~` first marks the spans, with color the spans are underlined in their type's color.
    /// A guess (not from a glossary) shows its gloss with a question mark; the gloss of a
    /// `deprecated` or `forbidden` entry is followed by `[deprecated]` or `[forbidden]`, so that
    /// the German term's status is noticed (other statuses, notes and original-script names are
    /// left to the other formats, to keep the terminal uncluttered).
    /// Then the sentence's gloss line, labelled as an aid (left out for a sentence without
    /// annotations, as in Markdown and HTML). A blank line separates paragraphs.
    /// Columns are terminal display columns (wide characters count two, combining marks none).
    public static let text = OutputFormat(name: "text", fileExtension: "txt") { document, context, out in
        TextWriter(document: document, width: max(context.width, 20), color: context.color).write(into: &out)
    }
}

struct TextWriter {
    let document: AnnotatedDocument
    let width: Int
    let color: Bool

    /// One character of a laid-out line; `tag` is the index of the annotation it belongs to.
    struct Cell {
        let character: Character
        let width: Int
        let tag: Int?
    }

    static let reset = "\u{1B}[0m"
    static let glossIndent = 4

    func write(into out: inout String) {
        let doc = document.document
        for (p, paragraph) in doc.paragraphs.enumerated() {
            if p > 0 { out += "\n" }
            for s in paragraph.sentences {
                writeSentence(s, into: &out)
            }
        }
    }

    func writeSentence(_ index: Int, into out: inout String) {
        let cells = sentenceCells(index)
        let annotations = document.annotations
        var started = Set<Int>()
        for line in Self.wrap(cells, width: width, firstIndent: 0, indent: 0) {
            // The sentence line.
            out += styled(cells[line]) { tag in
                let style = TypeStyle.of(annotations[tag].type)
                return "\u{1B}[4;\(style.ansi)m"
            }
            out += "\n"
            // Which annotations start on this line, and at which column.
            var starts: [(tag: Int, column: Int)] = []
            var marker = ""
            var column = 0
            var previousTag: Int?
            var hasSpan = false
            for cell in cells[line] {
                if let tag = cell.tag {
                    if tag != previousTag, started.insert(tag).inserted {
                        starts.append((tag, column))
                    }
                    marker += String(repeating: "~", count: cell.width)
                    hasSpan = true
                } else {
                    marker += String(repeating: " ", count: cell.width)
                }
                previousTag = cell.tag
                column += cell.width
            }
            guard hasSpan else { continue }
            if !color { out += Self.trimmingTrailingSpaces(marker) + "\n" }
            for row in glossRows(starts) { out += row + "\n" }
        }
        // The gloss line (a sentence without annotations would only repeat itself).
        guard !document.annotationsBySentence[index].isEmpty else { return }
        let gloss = GlossLine(sentence: index, of: document)
        var glossCells: [Cell] = []
        let label = GlossLine.label + " "
        for character in label { glossCells.append(Cell(character: character, width: DisplayWidth.of(character), tag: -1)) }
        var tag = document.annotationsBySentence[index].lowerBound
        for segment in gloss.segments {
            switch segment {
            case .text(let string):
                for character in Self.collapse(string) {
                    glossCells.append(Cell(character: character, width: DisplayWidth.of(character), tag: nil))
                }
            case .gloss(let annotation):
                for character in "⟨" + GlossLine.shown(annotation) + "⟩" {
                    glossCells.append(Cell(character: character, width: DisplayWidth.of(character), tag: tag))
                }
                tag += 1
            }
        }
        for (n, line) in Self.wrap(glossCells, width: width, firstIndent: 2, indent: Self.glossIndent).enumerated() {
            out += String(repeating: " ", count: n == 0 ? 2 : Self.glossIndent)
            out += styled(glossCells[line]) { tag in
                if tag < 0 { return "\u{1B}[2m" }
                return "\u{1B}[1;\(TypeStyle.of(annotations[tag].type).ansi)m"
            }
            out += "\n"
        }
    }

    /// The glosses starting on one line, placed at their columns; a gloss that would touch the
    /// previous gloss of a row goes to the next row. A gloss running past the width moves left.
    private func glossRows(_ starts: [(tag: Int, column: Int)]) -> [String] {
        var rows: [(text: String, end: Int)] = []
        for (tag, column) in starts {
            let annotation = document.annotations[tag]
            let glossWidth = DisplayWidth.of(shown(annotation))
            var at = column
            if at + glossWidth > width { at = max(0, width - glossWidth) }
            var placed = false
            for r in rows.indices where rows[r].end + 1 <= at {
                rows[r].text += String(repeating: " ", count: at - rows[r].end) + paint(annotation)
                rows[r].end = at + glossWidth
                placed = true
                break
            }
            if !placed {
                rows.append((String(repeating: " ", count: at) + paint(annotation), at + glossWidth))
            }
        }
        return rows.map(\.text)
    }

    /// The gloss under the German words: as in the gloss line, and the status of a `deprecated`
    /// or `forbidden` entry in brackets.
    private func shown(_ annotation: Annotation) -> String {
        guard let warning = document.details(of: annotation).warning else { return GlossLine.shown(annotation) }
        return GlossLine.shown(annotation) + " [" + warning.rawValue + "]"
    }

    private func paint(_ annotation: Annotation) -> String {
        guard color else { return shown(annotation) }
        guard let warning = document.details(of: annotation).warning else {
            return "\u{1B}[\(TypeStyle.of(annotation.type).ansi)m" + GlossLine.shown(annotation) + Self.reset
        }
        // The status in bold red (reverse video for forbidden), after the gloss in its type's color.
        let mark = warning == .forbidden ? "\u{1B}[1;7;31m" : "\u{1B}[1;31m"
        return "\u{1B}[\(TypeStyle.of(annotation.type).ansi)m" + GlossLine.shown(annotation) + Self.reset + " " + mark + "[" + warning.rawValue + "]" + Self.reset
    }

    /// The cells of a line, with runs of tagged cells wrapped in the escape `open` gives for the tag.
    private func styled(_ cells: ArraySlice<Cell>, open: (Int) -> String) -> String {
        var out = ""
        var current: Int?
        for cell in cells {
            if color, cell.tag != current {
                if current != nil { out += Self.reset }
                if let tag = cell.tag { out += open(tag) }
                current = cell.tag
            }
            out.append(cell.character)
        }
        if color, current != nil { out += Self.reset }
        return out
    }

    /// The sentence as cells: its text with whitespace runs collapsed to one space, each
    /// character tagged with the annotation covering it.
    private func sentenceCells(_ index: Int) -> [Cell] {
        let doc = document.document
        let bounds = doc.sentences[index]
        var cells: [Cell] = []
        var cursor = bounds.start
        func add(_ text: String, tag: Int?) {
            for character in Self.collapse(text) {
                if character == " ", cells.last?.character == " " { continue }
                cells.append(Cell(character: character, width: DisplayWidth.of(character), tag: tag))
            }
        }
        let range = document.annotationsBySentence[index]
        for tag in range {
            let annotation = document.annotations[tag]
            let start = max(annotation.start, cursor)
            if start > cursor { add(doc.text(scalarRange: cursor..<start), tag: nil) }
            if annotation.end > start { add(doc.text(scalarRange: start..<annotation.end), tag: tag) }
            cursor = max(cursor, annotation.end)
        }
        if cursor < bounds.end { add(doc.text(scalarRange: cursor..<bounds.end), tag: nil) }
        return cells
    }

    /// Text with tabs and line breaks turned into spaces and space runs collapsed to one.
    static func collapse(_ text: String) -> String {
        var out = ""
        var lastWasSpace = false
        for character in text {
            let isSpace = character == " " || character == "\t" || character == "\n" || character == "\r\n" || character == "\r"
                || character == "\u{2028}" || character == "\u{2029}"
            if isSpace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(character)
                lastWasSpace = false
            }
        }
        return out
    }

    /// Greedy wrapping at spaces: the cell ranges of each line (spaces at line ends left out).
    /// The caller indents the first line by `firstIndent` columns and the others by `indent`.
    /// A word wider than a line gets a line of its own and runs over.
    static func wrap(_ cells: [Cell], width: Int, firstIndent: Int, indent: Int) -> [Range<Int>] {
        // Words: maximal runs of non-space cells.
        var words: [Range<Int>] = []
        var i = 0
        while i < cells.count {
            if cells[i].character == " " { i += 1; continue }
            let start = i
            while i < cells.count && cells[i].character != " " { i += 1 }
            words.append(start..<i)
        }
        var lines: [Range<Int>] = []
        guard var lineStart = words.first?.lowerBound else { return lines }
        var lineEnd = words[0].upperBound
        var lineWidth = cells[lineStart..<lineEnd].reduce(0) { $0 + $1.width }
        for word in words.dropFirst() {
            let added = cells[lineEnd..<word.upperBound].reduce(0) { $0 + $1.width }
            let available = width - (lines.isEmpty ? firstIndent : indent)
            if lineWidth + added <= available {
                lineEnd = word.upperBound
                lineWidth += added
            } else {
                lines.append(lineStart..<lineEnd)
                lineStart = word.lowerBound
                lineEnd = word.upperBound
                lineWidth = cells[lineStart..<lineEnd].reduce(0) { $0 + $1.width }
            }
        }
        lines.append(lineStart..<lineEnd)
        return lines
    }

    static func trimmingTrailingSpaces(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}
