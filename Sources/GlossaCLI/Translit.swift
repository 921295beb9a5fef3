import ArgumentParser
import GlossaGlossary
import Foundation
import GlossaTranslit

/// `glossa translit`: Cyrillic names ↔ German and English press spellings, and a consistency check.
struct Translit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Transliterate Russian, Ukrainian and Belarusian names; check name spellings.",
        subcommands: [TranslitConvert.self, TranslitCheck.self, TranslitAccuracy.self],
        defaultSubcommand: TranslitConvert.self
    )
}

extension SourceLanguage: ExpressibleByArgument {}
extension TargetForm: ExpressibleByArgument {}

/// Opens the engine with the bundled exceptions table (none with `--strict`).
func openTransliteration(strict: Bool) throws -> Transliteration {
    if strict { return Transliteration() }
    return Transliteration(exceptions: try ExceptionTable.bundled())
}

struct TranslitConvert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert names (one output line per input line; standard input without TEXT).",
        discussion: """
            Conventional names (Moskau, Kiew, Selenskyj ...) come from Glossaries/translit/exceptions.tsv; --strict uses the schemes alone. With --from de, capitalized words are read as German-spelled names (ordinary German words stay).

            Examples:
              glossa translit Борисов --from ru --to de
              echo "Юрий Борисов" | glossa translit --to en
              glossa translit Rjabkow --from de --to en --all
            """
    )

    @Argument(help: "Text to convert; read from standard input when absent.")
    var text: [String] = []

    @Option(help: "Source: ru, uk, be, de (German-spelled names) or auto (each word by its letters, else by its line).")
    var from: SourceLanguage = .auto

    @Option(help: "Target: de, en (English press), en-wiki (English Wikipedia), en-bgn or iso9.")
    var to: TargetForm = .en

    @Flag(help: "Use the schemes only, without the exceptions table.")
    var strict = false

    @Flag(help: "With German input: list every candidate with its score.")
    var all = false

    @OptionGroup var input: InputOptions

    func run() throws {
        try runReportingErrors {
            let engine = try openTransliteration(strict: strict)
            let sink = try OutputSink(path: nil)
            defer { sink.flush() }
            let lines: [String]
            if text.isEmpty {
                lines = inputLines(try input.readText("-"))
            } else {
                lines = [text.joined(separator: " ")]
            }
            for line in lines {
                let language = from == .auto ? Transliteration.detect(line) : from
                if all && language == .de {
                    for piece in Transliteration.pieces(of: line) where piece.kind == .latin {
                        let candidates = try engine.germanCandidates(piece.text, to: to, strict: strict)
                        sink.write(piece.text + "\n")
                        for candidate in candidates.prefix(12) {
                            let shown = RuleFile.applyWordCase(of: piece.text, to: candidate.output)
                            let mark = candidate.roundTrips ? "" : "  (does not round-trip)"
                            sink.write(String(format: "  %.3f  %@  %@%@\n", candidate.score, shown, candidate.cyrillic, mark))
                        }
                    }
                    continue
                }
                sink.write(try engine.transliterate(line, from: from, to: to, strict: strict) + "\n")
            }
        }
    }
}

struct TranslitCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Flag inconsistent name spellings in texts and glossaries.",
        discussion: """
            Reports glossary entries whose German or English disagree with the schemes, one name spelled several ways across the files and glossaries, words mixing Latin and Cyrillic letters, and text not in Unicode NFC. Exit codes: 0 clean, 1 findings, 2 usage or input error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Plain-text files to check.")
    var files: [String] = []

    @Option(name: .customLong("glossary"), help: "A glossary TSV file (repeatable).")
    var glossaries: [String] = []

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var input: InputOptions

    func run() throws {
        var found = false
        try runReportingErrors {
            guard !files.isEmpty || !glossaries.isEmpty else {
                throw CLIError("translit check: give FILEs and/or --glossary PATH")
            }
            var texts: [CheckText] = []
            var occurrences: [NameOccurrence] = []
            for file in files {
                let text = try input.readText(file)
                texts.append(CheckText(file: file, text: text))
                occurrences += NameScanner.scan(text, file: file)
            }
            var entries: [CheckEntry] = []
            for path in glossaries { entries += try readCheckEntries(path) }
            let checker = TranslitChecker(transliteration: try openTransliteration(strict: false))
            let findings = checker.check(entries: entries, occurrences: occurrences, texts: texts)
            found = !findings.isEmpty
            let sink = try OutputSink(path: nil)
            defer { sink.flush() }
            switch format {
            case .json:
                struct Report: Encodable { let findings: [TranslitFinding] }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(Report(findings: findings))
                sink.write(String(decoding: data, as: UTF8.self) + "\n")
            case .text:
                for finding in findings {
                    let first = finding.locations.first.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
                    sink.write("\(first)\(finding.kind.rawValue): \(finding.message)\n")
                    if finding.locations.count > 1 {
                        for location in finding.locations {
                            sink.write("    \(location.file):\(location.line):\(location.column)\n")
                        }
                    }
                }
            }
        }
        if found { throw ExitStatus.findings }
    }
}

/// The entries of glossary files or folders, read by the glossary loader (errors name file,
/// line and column).
func readCheckEntries(_ path: String) throws -> [CheckEntry] {
    try Glossary.load(paths: tsvFiles([path], standardInput: false)).entries.map { entry in
        var check = entry.checkEntry
        if let location = entry.location { check = CheckEntry(de: check.de, en: check.en, orig: check.orig, variants: check.variants,
                                                              type: check.type, file: displayPath(location.file), line: location.line) }
        return check
    }
}

struct TranslitAccuracy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accuracy",
        abstract: "Print the exact-match accuracy of the schemes on a names file (lang, orig, de, en).",
        discussion: "Prints each direction twice: with the schemes alone (strict) and with the exceptions table."
    )

    @Option(help: "The names file; repeat it to measure several files as one list (such as names.tsv and names-extra.tsv).")
    var data: [String] = ["Tests/GlossaTranslitTests/Data/names.tsv"]

    @Flag(help: "List every name that does not match.")
    var misses = false

    @Option(help: "Also measure spelling-key collisions on these glossary TSV files (de and en columns, word by word).")
    var collisions: [String] = []

    func run() throws {
        try runReportingErrors {
            var rows: [NameRow] = []
            for path in data {
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw CLIError("\(path): cannot read the names file")
                }
                rows += try NameAccuracy.parse(text, file: path)
            }
            let strict = try NameAccuracy.measure(rows, engine: Transliteration(), strict: true)
            let loose = try NameAccuracy.measure(rows, engine: openTransliteration(strict: false), strict: false)
            print(NameAccuracy.report(strict + loose, showMisses: misses), terminator: "")
            var sets: [(String, [(german: String, english: String)])] = [
                (data.joined(separator: " + "), rows.map { (german: $0.de, english: $0.en) }),
            ]
            for path in collisions {
                let entries = try readCheckEntries(path)
                sets.append((path, TranslitChecker.wordPairs(entries.map { (de: $0.de, en: $0.en) })))
            }
            for (name, pairs) in sets {
                let found = TranslitChecker.keyCollisions(pairs)
                print("spelling-key collisions in \(name): \(found.count) among \(Set(pairs.map(\.german)).count) spellings")
                for collision in found {
                    print("    \(collision.german.joined(separator: " / ")) → \(collision.english.joined(separator: " / "))")
                }
            }
        }
    }
}
