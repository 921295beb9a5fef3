import ArgumentParser
import Foundation
import GlossaText

/// Reading input files and standard input, shared by every command that reads text.
struct InputOptions: ParsableArguments {
    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of stopping with an error.")
    var lossy = false

    /// Reads `path` ("-" for standard input) as text under Glossa's input rules.
    func readText(_ path: String) throws -> String { try readInputText(path, lossy: lossy) }
}

/// Reads `path` ("-" for standard input) as UTF-8 text: a BOM is dropped, invalid UTF-8 is an
/// error naming the file, line and byte offset (or U+FFFD with `lossy`).
func readInputText(_ path: String, lossy: Bool = false) throws -> String {
    let data: Data
    if path == "-" {
        data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
        guard let contents = FileManager.default.contents(atPath: path) else { throw CLIError("\(path): \(InputText.whyUnreadable(path))") }
        data = contents
    }
    return try InputText.decode(data, source: path == "-" ? "<stdin>" : path, lossy: lossy)
}
