import ArgumentParser
import GlossaGlossary
import GlossaText

struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the glossary matches in a German text, one per line.",
        discussion: """
            Prints TSV: start, end (Unicode scalar offsets, end-exclusive), text, gloss, type, match kind, entry id, the entry's file:line, and its status (preferred, admitted, deprecated, forbidden). For full annotated output, with the entries' notes and original scripts, use `glossa annotate`.
            Example: glossa match Fixtures/de/kuba-russland.txt
            """
    )

    @Argument(help: "A UTF-8 text file, or - for standard input.")
    var file: String = "-"

    @OptionGroup var glossaries: GlossaryOptions
    @OptionGroup var input: InputOptions

    func run() throws {
        try runReportingErrors {
            let text = try input.readText(file)
            let index = try GlossaryIndex(glossaries.load())
            let document = try GermanTokenizer().document(text, name: file)
            let sink = try OutputSink(path: nil)
            sink.write("start\tend\ttext\tgloss\ttype\tmatch\tentry\tsource\tstatus\n")
            for match in Matcher(index: index).matches(in: document) {
                let entry = index.glossary.entries[match.entry]
                let source = entry.location.map { "\(displayPath($0.file)):\($0.line)" } ?? ""
                sink.write("\(match.start)\t\(match.end)\t\(TokenWriter.escapeTSV(document.text(scalarRange: match.start..<match.end)))\t")
                sink.write("\(index.gloss(of: match))\t\(entry.type)\t\(match.kind.rawValue)\t\(entry.id)\t\(source)\t\(entry.status.rawValue)\n")
            }
            sink.flush()
        }
    }
}
