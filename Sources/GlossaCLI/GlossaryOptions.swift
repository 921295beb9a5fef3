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
        try Glossary.load(paths: tsvFiles(resolvedPaths()))
    }
}

/// The glossary files at `paths`: a file itself, or every `*.tsv` below a folder (sorted). A
/// folder without any is an error, so that every command refuses it alike instead of some
/// running with no entries.
func tsvFiles(_ paths: [String]) throws -> [String] {
    var files: [String] = []
    for path in paths {
        let found = try Glossary.tsvFiles(at: path)
        if found.isEmpty { throw CLIError("no *.tsv files in \(path)") }
        files += found
    }
    return files
}

/// A path for messages and outputs: relative to the current folder when it lies below it.
func displayPath(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    if absolute.hasPrefix(cwd + "/") { return String(absolute.dropFirst(cwd.count + 1)) }
    return path
}
