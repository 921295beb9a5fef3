/// Comma- and tab-separated text.
///
/// CSV follows RFC 4180: fields holding the separator, a `"`, a line break (or leading or
/// trailing spaces) are enclosed in `"`, a `"` inside is doubled, records end in CRLF. The reader
/// accepts LF or CRLF, quoted fields with embedded separators, line breaks and doubled quotes,
/// and reports a broken quote with its line and column.
public enum DelimitedText {
    public struct Record: Sendable, Hashable {
        public var fields: [String]
        /// The 1-based line the record starts on.
        public var line: Int
        /// Comment lines (with their `#`) directly above the record, in TSV; CSV has none.
        public var comments: [String] = []
    }

    public struct Error: Swift.Error, Sendable, CustomStringConvertible, Equatable {
        public let file: String
        public let line: Int
        public let column: Int
        public let message: String
        public var description: String { "\(file):\(line):\(column): \(message)" }
    }

    /// Parses CSV (or another separator with RFC 4180 quoting). Blank lines are skipped.
    /// `text` is decoded text: its byte order mark was dropped by the decoder (`InputText`),
    /// so a U+FEFF at its start is a character of the first field.
    public static func parseCSV(_ text: String, separator: Unicode.Scalar = ",", file: String) throws(Error) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1, column = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 0, quoteColumn = 0
        var fieldWasQuoted = false
        var atFieldStart = true
        let scalars = Array(text.unicodeScalars)
        var index = 0

        func endRecord() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                records.append(Record(fields: fields, line: recordLine))
            }
            fields = []
            fieldWasQuoted = false
            atFieldStart = true
        }

        while index < scalars.count {
            let scalar = scalars[index]
            if inQuotes {
                if scalar == "\"" {
                    if index + 1 < scalars.count && scalars[index + 1] == "\"" {
                        field.append("\"")
                        index += 2
                        column += 2
                        continue
                    }
                    inQuotes = false
                    index += 1
                    column += 1
                    // After a closing quote: a separator, a line end or the end of the text.
                    if index < scalars.count {
                        let next = scalars[index]
                        if next != separator && next != "\n" && next != "\r" {
                            throw Error(file: file, line: line, column: column,
                                        message: "unexpected character after the closing quote of a field (a quote inside a field must be doubled)")
                        }
                    }
                    continue
                }
                field.append(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
                continue
            }
            switch scalar {
            case "\"" where atFieldStart:
                inQuotes = true
                fieldWasQuoted = true
                quoteLine = line
                quoteColumn = column
                atFieldStart = false
            case "\"":
                throw Error(file: file, line: line, column: column, message: "a quote inside an unquoted field (enclose the field in quotes and double the quote)")
            case separator:
                fields.append(String(field))
                field = String.UnicodeScalarView()
                atFieldStart = true
                fieldWasQuoted = false
            case "\r":
                break
            case "\n":
                endRecord()
                recordLine = line + 1
            default:
                field.append(scalar)
                atFieldStart = false
            }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        if inQuotes {
            throw Error(file: file, line: quoteLine, column: quoteColumn, message: "the quoted field starting here is never closed")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }

    /// Parses tab-separated text without quoting (DeepL, OmegaT, Google TSV). Blank lines are
    /// skipped; lines starting with `#` are comments, kept with the record below them
    /// (`Record.comments`). As for `parseCSV`, a U+FEFF at the start is text.
    public static func parseTSV(_ text: String) -> [Record] {
        parseTSVKeepingComments(text).records
    }

    /// `parseTSV`, and the comment lines after the last record.
    public static func parseTSVKeepingComments(_ text: String) -> (records: [Record], trailingComments: [String]) {
        var records: [Record] = []
        var comments: [String] = []
        var line = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            line += 1
            var value = Substring(raw)
            if value.hasSuffix("\r") { value = value.dropLast() }
            if value.hasPrefix("#") {
                comments.append(String(value))
                continue
            }
            if value.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            records.append(Record(fields: value.split(separator: "\t", omittingEmptySubsequences: false).map(String.init), line: line,
                                  comments: comments))
            comments = []
        }
        return (records, comments)
    }

    /// One CSV record with RFC 4180 quoting, ending in CRLF.
    public static func csvRecord(_ fields: [String], separator: Character = ",") -> String {
        fields.map { field in
            let needsQuotes = field.contains(separator) || field.contains("\"") || field.contains("\n") || field.contains("\r")
                || field.hasPrefix(" ") || field.hasSuffix(" ")
            return needsQuotes ? "\"" + field.replacingAll("\"", with: "\"\"") + "\"" : field
        }.joined(separator: String(separator)) + "\r\n"
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
