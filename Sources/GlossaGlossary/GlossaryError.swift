/// A problem in a glossary file, with the place a person needs to fix it.
public struct GlossaryError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case io, encoding, missingHeader, missingColumn, duplicateColumn, emptyColumnName
        case emptyField, tooManyFields, badValue, changedOnDisk, notCanonical
    }

    public let file: String
    /// 1-based line and column (column in Unicode scalars); 0 when not applicable.
    public let line: Int
    public let column: Int
    public let code: Code
    public let message: String

    public init(file: String, line: Int, column: Int, code: Code, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.code = code
        self.message = message
    }

    public var description: String {
        if line == 0 { return "\(file): \(message)" }
        return "\(file):\(line):\(column): \(message)"
    }
}
