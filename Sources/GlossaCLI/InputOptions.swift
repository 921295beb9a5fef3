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
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw CLIError("\(path): no such file") }
        guard !isFolder.boolValue else { throw CLIError("\(path): is a folder, not a text file") }
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError("\(path): cannot read (\(systemReason(error)))")
        }
    }
    return try InputText.decode(data, source: path == "-" ? "<stdin>" : path, lossy: lossy)
}

/// The operating system's words for why a file operation failed ("Permission denied") where
/// Foundation's error wraps a POSIX one or has a code for it, else Foundation's description.
func systemReason(_ error: any Error) -> String {
    let error = error as NSError
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
        return String(cString: strerror(Int32(underlying.code)))
    }
    if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
    if error.domain == NSCocoaErrorDomain {
        switch CocoaError.Code(rawValue: error.code) {
        case .fileReadNoPermission: return String(cString: strerror(EACCES))
        case .fileReadNoSuchFile: return String(cString: strerror(ENOENT))
        case .fileReadTooLarge: return String(cString: strerror(EFBIG))
        default: break
        }
    }
    return error.localizedDescription
}
