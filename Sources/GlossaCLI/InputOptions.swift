import ArgumentParser
import Foundation
import GlossaText

/// Reading input files and standard input, shared by every command that reads text.
struct InputOptions: ParsableArguments {
    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of stopping with an error.")
    var lossy = false

    /// Reads `path` ("-" for standard input) as text under Glossa's input rules; the message
    /// for invalid UTF-8 points to `--lossy`.
    func readText(_ path: String) throws -> String {
        do {
            return try readInputText(path, lossy: lossy)
        } catch let error as InputError {
            throw CLIError("\(error) (use --lossy to replace invalid bytes with U+FFFD)")
        }
    }
}

/// Reads `path` ("-" for standard input) as UTF-8 text: a BOM is dropped, invalid UTF-8 is an
/// error naming the file, line, column and byte offset (or U+FFFD with `lossy`).
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

/// The lines of a text read from standard input: split at LF, a CR before it dropped, no empty
/// last line for a text that ends in a line break (as `readLine` gives them).
func inputLines(_ text: String) -> [String] {
    var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
        String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
    }
    if lines.last == "" { lines.removeLast() }
    return lines
}
