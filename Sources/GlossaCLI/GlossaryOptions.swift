import ArgumentParser
import Foundation
import GlossaGlossary

/// `--glossary PATH` (repeatable), defaulting to the bundled German → English glossaries.
struct GlossaryOptions: ParsableArguments {
    @Option(name: .customLong("glossary"), help: ArgumentHelp(
        "A glossary file or folder (every *.tsv below it). Repeatable; later ones take precedence. Default: the bundled Glossaries/de-en.",
        valueName: "path"))
    var paths: [String] = []

    /// The paths to load: the ones given, or the bundled default.
    func resolvedPaths() throws -> [String] {
        if !paths.isEmpty { return paths }
        guard let root = Glossary.bundledPath() else {
            throw CLIError("cannot find the bundled glossaries: set GLOSSA_GLOSSARIES or pass --glossary")
        }
        let german = (root as NSString).appendingPathComponent("de-en")
        return [FileManager.default.fileExists(atPath: german) ? german : root]
    }

    /// Loads the glossaries.
    func load() throws -> Glossary {
        try Glossary.load(paths: tsvFiles(resolvedPaths(), standardInput: false))
    }
}

/// The glossary files at `paths`: a file itself, or every `*.tsv` below a folder (sorted). A
/// folder without any is an error, so that every command refuses it alike instead of some
/// running with no entries. "-" (standard input, once) is kept where `standardInput` allows it,
/// else refused with a message saying so (`--glossary` takes files: standard input is the text's).
func tsvFiles(_ paths: [String], standardInput: Bool) throws -> [String] {
    var files: [String] = []
    for path in paths {
        if path == "-" {
            guard standardInput else { throw CLIError("--glossary -: glossaries are read from files or folders, not from standard input") }
            if files.contains("-") { throw CLIError("standard input (-) can be named only once") }
            files.append(path)
            continue
        }
        let found = try Glossary.tsvFiles(at: path)
        if found.isEmpty { throw CLIError("no *.tsv files in \(path)") }
        files += found
    }
    return files
}

/// Reads a glossary file as UTF-8, or standard input for "-" (named `<stdin>` in messages).
func readGlossaryText(_ path: String) throws -> String {
    guard path == "-" else { return try Glossary.readText(path) }
    return try Glossary.readText("<stdin>", data: FileHandle.standardInput.readDataToEndOfFile())
}

/// How a glossary path is named in messages and outputs: `<stdin>` for "-", else `displayPath`.
func glossaryName(_ path: String) -> String { path == "-" ? "<stdin>" : displayPath(path) }

/// A path for messages and outputs: relative to the current folder when it lies below it.
func displayPath(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    if absolute.hasPrefix(cwd + "/") { return String(absolute.dropFirst(cwd.count + 1)) }
    return path
}
