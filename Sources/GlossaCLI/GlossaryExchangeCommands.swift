import ArgumentParser
import Foundation
import GlossaGlossary

/// Parses glossary files for reading (no rewrite).
func parseGlossaryFiles(_ arguments: [String]) throws -> [GlossaryFile] {
    try glossaryFiles(arguments).map { path in
        try GlossaryFile.parse(try readGlossaryText(path), path: glossaryName(path))
    }
}

/// Writes a command's result to `-o FILE` (atomically) or standard output.
func writeResult(_ text: String, to output: String?) throws {
    if let output, output != "-" {
        try SafeFileWriter.writeAtomically(Data(text.utf8), to: output)
    } else {
        let sink = try OutputSink(path: nil)
        sink.write(text)
        sink.flush()
    }
}

extension GlossaryExchange.ExportFormat: ExpressibleByArgument {}

struct GlossaryExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Convert glossaries to TBX, CSV, or the glossary formats of DeepL, Google Cloud and OmegaT.",
        discussion: """
            tbx: TBX v3 (ISO 30042:2019), TBX-Basic dialect; keeps every field and comment (see Glossaries/README.md): importing it back gives the same entries and comments.

            csv: RFC 4180 CSV with a header of Glossa's columns, CRLF line ends.

            deepl: DeepL glossary entries: TSV, German then English, no header. Variants become entries of their own; a source term already exported is left out (DeepL rejects duplicate source terms) and reported on stderr.

            google: Google Cloud Translation unidirectional glossary: CSV, German then English, no header; duplicates left out as for deepl.

            omegat: OmegaT glossary: TSV source, target, comment (the note and type); variants as rows.

            Comments: only tbx keeps the files' comment lines (the header block naming a file's sources, comments above rows). csv, deepl, google and omegat have no place for them: they are left out, with a one-line warning on stderr.

            Examples:
              glossa glossary export --to tbx -o glossa.tbx
              glossa glossary export --to deepl Glossaries/de-en/people.tsv > deepl.tsv
            """
    )

    @Option(name: .customLong("to"), help: "tbx, csv, deepl, google or omegat.") var format: GlossaryExchange.ExportFormat
    @Argument(help: "Glossary files or folders, or - for standard input (default: the bundled glossaries).") var files: [String] = []
    @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?

    func run() throws {
        try runReportingErrors {
            let export = GlossaryExchange.export(try parseGlossaryFiles(files), to: format)
            for note in export.notes { printError("glossa: \(note)") }
            if export.droppedComments > 0 {
                let lines = export.droppedComments == 1 ? "1 comment line" : "\(export.droppedComments) comment lines"
                printError("glossa: warning: \(format.rawValue) cannot hold comments: \(lines) left out (--to tbx keeps them)")
            }
            try writeResult(export.text, to: output)
        }
    }
}

struct GlossaryImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert a TBX, CSV or TSV glossary of another tool to Glossa's TSV (canonical form).",
        discussion: """
            tbx: TBX v3 (conceptEntry/langSec/termSec) or TBX 2 (termEntry/langSet/tig). A concept with German and English terms becomes an entry: the first German term is 'de', other German terms are variants, the preferred (else first) English term is 'en', other English terms go to the column en-alternatives; data categories without a Glossa column go to columns tbx-TYPE. Concepts without both languages are skipped and counted on stderr. Entity declarations (<!ENTITY) are refused: no external entities, no expansion bombs.

            csv: RFC 4180 CSV. A first row naming de/en, source/target or language codes is a header; otherwise columns are source, target, comment.

            tsv: The same for tab-separated files (DeepL, OmegaT, Glossa's own TSV). Lines starting with # are comments and are kept: those above the header at the top, the others with the row below them (at the end after the last row); a canonical Glossa file imports unchanged.

            Examples:
              glossa glossary import --from tbx terms.tbx -o terms.tsv
              glossa glossary import --from csv deepl-export.csv
              glossa glossary import --from csv - -o terms.tsv < export.csv
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case tbx, csv, tsv }

    @Option(name: .customLong("from"), help: "tbx, csv or tsv.") var format: Format
    @Argument(help: "The file to import, or - for standard input.") var file: String
    @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?

    func run() throws {
        try runReportingErrors {
            let text = try readGlossaryText(file)
            let shown = glossaryName(file)
            let outputPath = output ?? "imported.tsv"
            let imported: GlossaryFile
            let skipped: [(line: Int, reason: String)]
            switch format {
            case .tbx:
                let result = try TBX.read(text, path: shown, outputPath: outputPath)
                (imported, skipped) = (result.file, result.skipped)
            case .csv:
                let result = GlossaryExchange.importRecords(try DelimitedText.parseCSV(text, file: shown), outputPath: outputPath)
                (imported, skipped) = (result.file, result.skipped)
            case .tsv:
                let (records, trailing) = DelimitedText.parseTSVKeepingComments(text)
                let result = GlossaryExchange.importRecords(records, trailingComments: trailing, outputPath: outputPath)
                (imported, skipped) = (result.file, result.skipped)
            }
            for item in skipped { printError("glossa: \(shown):\(item.line): skipped: \(item.reason)") }
            let canonical = try GlossaryFormatter.format(imported)
            try writeResult(canonical.serialized(), to: output)
            printError("glossa: imported \(imported.rows.count) entr\(imported.rows.count == 1 ? "y" : "ies") from \(shown); skipped \(skipped.count)")
        }
    }
}
