import ArgumentParser
import Foundation
import GlossaGlossary
import GlossaText
import GlossaTranslit
import GlossaICU

/// `glossa glossary ...`: check, format, edit, search, merge, convert and measure glossaries.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Check, format, edit, search, merge, export and import glossaries.",
        discussion: """
            Without file arguments, each subcommand works on the bundled glossaries (Glossaries/de-en). Commands that rewrite a glossary refuse a file that does not parse or that changed on disk since it was read, and write through a temporary file, fsync and rename, so the original is either untouched or completely replaced.
            Exit codes: 0 success, 1 findings (lint, fmt --check), 2 usage or input error.
            """,
        subcommands: [
            GlossaryLint.self, GlossaryFmt.self, GlossaryAdd.self, GlossaryRemove.self,
            GlossaryFind.self, GlossaryMerge.self, GlossaryExport.self, GlossaryImport.self,
            GlossaryStats.self, GlossaryCoverage.self,
        ]
    )
}

/// The `*.tsv` files named (files or folders, "-" for standard input), or the bundled ones.
func glossaryFiles(_ arguments: [String]) throws -> [String] {
    try tsvFiles(arguments.isEmpty ? [try bundledGlossaryFolder()] : arguments, standardInput: true)
}

/// The bundled German → English glossaries (as `GlossaryOptions` resolves its default).
func bundledGlossaryFolder() throws -> String {
    guard let root = Glossary.bundledPath() else {
        throw CLIError("cannot find the bundled glossaries: set GLOSSA_GLOSSARIES or name files")
    }
    let german = (root as NSString).appendingPathComponent("de-en")
    return FileManager.default.fileExists(atPath: german) ? german : root
}

/// Reads and parses a file for rewriting; a file that does not parse is refused (file:line:column).
func readForRewrite(_ path: String) throws -> (file: GlossaryFile, snapshot: SafeFileWriter.Snapshot) {
    if path == "-" { throw CLIError("-: standard input cannot be edited in place (name a glossary file)") }
    let (text, snapshot) = try SafeFileWriter.read(path)
    do {
        return (try GlossaryFile.parse(text, path: displayPath(path)), snapshot)
    } catch {
        throw CLIError("\(error) (file not rewritten)")
    }
}

// MARK: - lint

struct GlossaryLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check glossary files; print findings as file:line:column: severity: code: message.",
        discussion: """
            Errors (exit 1): syntax, duplicate (identical rows), conflict (one German term, two English renderings, within or across files), not-nfc, whitespace, double-space, control-character (C0/C1 controls, Unicode line/paragraph separators), mixed-script (a word mixing scripts, invisible characters), script (Cyrillic outside 'orig'), export (terms over DeepL's limit of 1024 UTF-8 bytes).
            Warnings (exit 1 too, unless --errors-only): inflected-form (a plural beside its singular, a name's genitive), case-conflict (NATO and Nato), confusable (look-alike terms), redundant (same de and en twice with other fields), unknown-type, variant (empty or repeated variants).
            With --translit, also the transliteration checker's findings (warnings, code transliteration): German or English spellings that disagree with the schemes of the `orig` column, one name spelled several ways, mixed scripts. Off by default: they are editorial questions (press conventions such as "Vitali Klitschko" are not errors); `glossa translit check` gives the same findings with all their locations.
            With --errors-only, warnings are not shown and do not change the exit status.
            Exit codes: 0 clean, 1 findings, 2 usage or I/O error.
            Examples:
              glossa glossary lint
              glossa glossary lint mine.tsv --format json
              glossa glossary lint --errors-only Glossaries/de-en
              git show HEAD:Glossaries/de-en/terms.tsv | glossa glossary lint -
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Glossary files or folders, or - for standard input (default: the bundled glossaries).")
    var files: [String] = []
    @Option(help: "Output format: text or json.")
    var format: Format = .text
    @Flag(help: "Report errors only; warnings do not fail the run.")
    var errorsOnly = false
    @Flag(help: "Add the transliteration checker's findings (as warnings).")
    var translit = false

    func run() throws {
        var failed = false
        try runReportingErrors {
            let paths = try glossaryFiles(files)
            var inputs: [GlossaryLinter.Input] = []
            for path in paths {
                inputs.append(GlossaryLinter.Input(path: glossaryName(path), text: try readGlossaryText(path)))
            }
            var findings = try GlossaryLinter().lint(inputs)
            if translit {
                let entries = try inputs.flatMap { input in try GlossaryFile.parse(input.text, path: input.path).entries }
                findings += GlossaryLinter.transliterationFindings(entries, exceptions: (try? ExceptionTable.bundled()) ?? .empty)
                findings.sort()
            }
            if errorsOnly { findings = findings.filter { $0.severity == .error } }
            let sink = try OutputSink(path: nil)
            switch format {
            case .text:
                for finding in findings { sink.write(finding.description + "\n") }
            case .json:
                sink.write("{\"findings\":[")
                for (index, finding) in findings.enumerated() {
                    if index > 0 { sink.write(",") }
                    sink.write("\n{\"file\":\(jsonString(finding.file)),\"line\":\(finding.line),\"column\":\(finding.column),")
                    sink.write("\"severity\":\"\(finding.severity.rawValue)\",\"code\":\(jsonString(finding.code)),\"message\":\(jsonString(finding.message))}")
                }
                sink.write(findings.isEmpty ? "]}\n" : "\n]}\n")
            }
            sink.flush()
            if !findings.isEmpty {
                let errors = findings.filter { $0.severity == .error }.count
                printError("glossa glossary lint: \(errors) error(s), \(findings.count - errors) warning(s) in \(paths.count) file(s)")
                failed = true
            }
        }
        if failed { throw ExitStatus.findings }
    }
}

/// A JSON string literal (the one escaper the project's JSON writers share).
func jsonString(_ text: String) -> String { JSONString.quoted(text) }

// MARK: - fmt

struct GlossaryFmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite glossary files in canonical form (or check that they are).",
        discussion: """
            Canonical form: NFC; columns de, en, type, status, case, variants, orig, note, source (those present), then other columns alphabetically; rows sorted by 'de' in German dictionary order (DIN 5007-1), then by 'en', then by the row's text; comments stay with the row below them, header comments at the top; blank lines dropped; trailing empty fields trimmed.
            --check changes nothing and exits 1 naming every file that is not canonical.
            With -, reads a glossary from standard input and writes its canonical form to standard output (with --check, only the exit status and finding).
            Examples:
              glossa glossary fmt
              glossa glossary fmt --check
              glossa glossary fmt mine.tsv
              glossa glossary fmt - < draft.tsv > canonical.tsv
            """
    )

    @Argument(help: "Glossary files or folders, or - to format standard input to standard output (default: the bundled glossaries).")
    var files: [String] = []
    @Flag(help: "Change nothing; exit 1 if a file is not canonical.")
    var check = false

    func run() throws {
        var notCanonical: [String] = []
        try runReportingErrors {
            for path in try glossaryFiles(files) {
                if path == "-" {
                    // A filter: standard input in, its canonical form out (or, with --check, a
                    // finding when it is not canonical).
                    let text = try readGlossaryText(path)
                    let canonical = try GlossaryFormatter.canonicalText(of: text, path: glossaryName(path))
                    if !check {
                        let sink = try OutputSink(path: nil)
                        sink.write(canonical)
                        sink.flush()
                    } else if canonical != text {
                        notCanonical.append(glossaryName(path))
                    }
                    continue
                }
                let (text, snapshot) = try SafeFileWriter.read(path)
                let canonical: String
                do {
                    canonical = try GlossaryFormatter.canonicalText(of: text, path: displayPath(path))
                } catch {
                    throw CLIError("\(error) (file not rewritten)")
                }
                if canonical == text { continue }
                if check {
                    notCanonical.append(displayPath(path))
                } else {
                    try SafeFileWriter.write(canonical, over: snapshot)
                    printError("formatted \(displayPath(path))")
                }
            }
            for path in notCanonical { print("\(path): not in canonical form (run glossa glossary fmt)") }
        }
        if !notCanonical.isEmpty { throw ExitStatus.findings }
    }
}

// MARK: - add / remove

struct GlossaryAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an entry to a glossary file, keeping it canonical.",
        discussion: """
            Refuses an entry whose German term the file already has (the same English: duplicate; another English: conflict) unless --force is given, and values the format does not allow: a --type, --status or --case that is not one of those listed below, an empty variant in --variants ("a||b", "a|"). Exit 2 when refused.
            Example:
              glossa glossary add Glossaries/de-en/terms.tsv \\
                --de Minenräumung --en "mine clearance" --note "also: demining"
            """
    )

    @Argument(help: "The glossary file to edit.") var file: String
    @Option(help: "The German term (dictionary form).") var de: String
    @Option(help: "The English rendering.") var en: String
    @Option(help: "person, country, city, place, org, adjective, demonym, term, event or media.") var type: String?
    @Option(help: "preferred, admitted, deprecated or forbidden.") var status: String?
    @Option(name: .customLong("case"), help: "sensitive or insensitive.") var caseRule: String?
    @Option(help: "Other German forms, |-separated.") var variants: String?
    @Option(help: "The name in its original script.") var orig: String?
    @Option(help: "A note.") var note: String?
    @Option(help: "Where the entry comes from.") var source: String?
    @Flag(help: "Add even if the German term is already there.") var force = false

    func run() throws {
        try runReportingErrors {
            if let status, EntryStatus(rawValue: status) == nil { throw CLIError("unknown --status '\(status)' (expected preferred, admitted, deprecated or forbidden)") }
            if let caseRule, CaseRule(rawValue: caseRule) == nil { throw CLIError("unknown --case '\(caseRule)' (expected sensitive or insensitive)") }
            // The documented types only (Glossaries/README.md; lint warns about any other).
            if let type, !type.isEmpty, !EntryType.known.contains(EntryType(rawValue: type)) {
                throw CLIError("unknown --type '\(type)' (expected \(EntryType.known.map(\.rawValue).joined(separator: ", ")))")
            }
            if let variants, variants.split(separator: "|", omittingEmptySubsequences: false).contains(where: { $0.allSatisfy(\.isWhitespace) }) {
                throw CLIError("--variants '\(variants)' has an empty variant (variants are separated by single '|', none empty)")
            }
            for (name, value) in [("de", de), ("en", en), ("variants", variants ?? ""), ("note", note ?? ""), ("orig", orig ?? "")]
            where value.contains("\t") || value.contains("\n") || value.contains("\r") {
                throw CLIError("--\(name) must not hold a tab or line break")
            }
            let (parsed, snapshot) = try readForRewrite(file)
            var fields = ["de": de, "en": en]
            for (name, value) in [("type", type), ("status", status), ("case", caseRule), ("variants", variants), ("orig", orig), ("note", note), ("source", source)] {
                if let value { fields[name] = value }
            }
            let edited = try GlossaryEditing.add(fields, to: parsed, force: force)
            try SafeFileWriter.write(edited.serialized(), over: snapshot)
            printError("added '\(de)' → '\(en)' to \(displayPath(file))")
        }
    }
}

struct GlossaryRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove an entry (every row with this German term, or only the one with --en).",
        discussion: """
            Comment lines directly above a removed row are removed with it. Removing an entry that is not there is an error (exit 2) naming the file.
            Example:
              glossa glossary remove Glossaries/de-en/terms.tsv --de Minenräumung
            """
    )

    @Argument(help: "The glossary file to edit.") var file: String
    @Option(help: "The German term.") var de: String
    @Option(help: "Only the entry with this English.") var en: String?

    func run() throws {
        try runReportingErrors {
            let (parsed, snapshot) = try readForRewrite(file)
            let (edited, removed) = try GlossaryEditing.remove(de: de, en: en, from: parsed)
            try SafeFileWriter.write(edited.serialized(), over: snapshot)
            printError("removed \(removed) entr\(removed == 1 ? "y" : "ies") '\(de)' from \(displayPath(file))")
        }
    }
}
