import ArgumentParser
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
            Examples: glossa translit Борисов --from ru --to de   → Borissow
                      glossa translit Rjabkow --from de --to en --all
            Conventional names (Moskau, Kiew, Jelzin, Selenskyj ...) come from
            Glossaries/translit/exceptions.tsv; --strict uses the schemes alone.
            """
    )

    @Argument(help: "Text to convert; read from standard input when absent.")
    var text: [String] = []

    @Option(help: "Source: ru, uk, be, de (German-spelled names) or auto.")
    var from: SourceLanguage = .auto

    @Option(help: "Target: de, en, en-bgn or iso9.")
    var to: TargetForm = .en

    @Flag(help: "Use the schemes only, without the exceptions table.")
    var strict = false

    @Flag(help: "With German input: list every candidate with its score.")
    var all = false

    func run() throws {
        try runReportingErrors {
            let engine = try openTransliteration(strict: strict)
            let sink = try OutputSink(path: nil)
            defer { sink.flush() }
            let lines: [String]
            if text.isEmpty {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                guard let input = String(data: data, encoding: .utf8) else { throw CLIError("standard input is not UTF-8") }
                var split = input.components(separatedBy: "\n")
                if split.last == "" { split.removeLast() }
                lines = split
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
                sink.write(try engine.transliterate(line, from: language, to: to, strict: strict) + "\n")
            }
        }
    }
}

struct TranslitCheck: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "(in progress)")
}

struct TranslitAccuracy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accuracy",
        abstract: "Print the exact-match accuracy of the schemes on a names file (lang, orig, de, en).",
        discussion: "Prints each direction twice: with the schemes alone (strict) and with the exceptions table."
    )

    @Option(help: "The names file.")
    var data: String = "Tests/GlossaTranslitTests/Data/names.tsv"

    @Flag(help: "List every name that does not match.")
    var misses = false

    func run() throws {
        try runReportingErrors {
            guard let text = try? String(contentsOfFile: data, encoding: .utf8) else {
                throw CLIError("\(data): cannot read the names file")
            }
            let rows = try NameAccuracy.parse(text, file: data)
            let strict = try NameAccuracy.measure(rows, engine: Transliteration(), strict: true)
            let loose = try NameAccuracy.measure(rows, engine: openTransliteration(strict: false), strict: false)
            print(NameAccuracy.report(strict + loose, showMisses: misses), terminator: "")
        }
    }
}
