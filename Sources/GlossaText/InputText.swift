import Foundation

/// Decoding of input bytes into text, with the rules every Glossa command shares:
/// UTF-8 only; a leading byte order mark is not part of the text; CR and CRLF line ends
/// are kept (offsets count them); invalid UTF-8 is an error naming the line, column and byte
/// offset, unless `lossy` replaces each bad sequence with U+FFFD.
public enum InputText {
    /// Why the file at `path` could not be read, for an error message after a read failed:
    /// "no such file", "is a folder, not a file", "cannot read file (permission denied)", else
    /// "cannot read file".
    public static func whyUnreadable(_ path: String) -> String {
        var isFolder: ObjCBool = false
        let manager = FileManager.default
        if !manager.fileExists(atPath: path, isDirectory: &isFolder) { return "no such file" }
        if isFolder.boolValue { return "is a folder, not a file" }
        if !manager.isReadableFile(atPath: path) { return "cannot read file (permission denied)" }
        return "cannot read file"
    }

    /// Decodes UTF-8 `bytes` read from `source` (a path, or "-" for standard input).
    /// - Throws: `InputError` with the line, column and byte offset of the first invalid sequence.
    public static func decode(_ bytes: some Collection<UInt8>, source: String, lossy: Bool = false) throws(InputError) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return text }
        if lossy { return String(decoding: body, as: UTF8.self) }
        let skipped = bytes.count - body.count
        let all = Array(bytes)
        let offset = firstInvalidByte(in: Array(body)) + skipped
        let line = 1 + all[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        // The column counts the scalars of the line before the bad byte (valid UTF-8 there, so
        // every byte that is not a continuation byte starts one); a dropped BOM is not counted.
        let lineStart = max(skipped, (all[..<offset].lastIndex(of: 0x0A) ?? -1) + 1)
        let column = 1 + all[lineStart..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        throw InputError(source: source, byteOffset: offset, line: line, column: column, reason: "invalid UTF-8")
    }

    /// The byte offset of the first invalid UTF-8 sequence (or `bytes.count` when valid).
    static func firstInvalidByte(in bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}

/// Bad input: names the source, the byte offset (0-based), the line and the column (1-based,
/// in Unicode scalars, not counting a byte order mark).
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public let source: String
    public let byteOffset: Int
    public let line: Int
    public let column: Int
    public let reason: String

    public init(source: String, byteOffset: Int, line: Int, column: Int, reason: String) {
        self.source = source
        self.byteOffset = byteOffset
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `source:line:column: reason at byte offset N`, as glossary errors are written.
    public var description: String {
        "\(source):\(line):\(column): \(reason) at byte offset \(byteOffset)"
    }
}
