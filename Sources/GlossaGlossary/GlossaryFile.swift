import Foundation
import GlossaText

/// A glossary file as written: its leading comments, its header, and its rows with the
/// comments that precede each. Reading and writing a file keeps every field and comment,
/// so a file can be rewritten (formatted, edited) without losing data.
///
/// The format is documented in `Glossaries/README.md`: UTF-8 TSV, a header row, `#`
/// comment lines, no quoting.
public struct GlossaryFile: Sendable, Hashable {
    /// The columns Glossa knows, in canonical order.
    public static let knownColumns = ["de", "en", "type", "status", "case", "variants", "orig", "note", "source"]

    public struct Row: Sendable, Hashable {
        /// Comment lines directly above the row (with their `#`).
        public var comments: [String]
        /// Fields by column name (only non-empty ones are stored).
        public var fields: [String: String]
        /// The 1-based line the row was read from (0 for rows made in memory).
        public var line: Int

        public init(comments: [String] = [], fields: [String: String], line: Int = 0) {
            self.comments = comments
            self.fields = fields
            self.line = line
        }

        public subscript(column: String) -> String { fields[column] ?? "" }
    }

    /// The file's path, as given (used in messages and entry ids).
    public var path: String
    /// Comment lines before the header.
    public var headerComments: [String]
    /// The columns in file order.
    public var columns: [String]
    public var rows: [Row]
    /// Comment lines after the last row.
    public var trailingComments: [String]

    public init(path: String, headerComments: [String] = [], columns: [String] = ["de", "en"], rows: [Row] = [], trailingComments: [String] = []) {
        self.path = path
        self.headerComments = headerComments
        self.columns = columns
        self.rows = rows
        self.trailingComments = trailingComments
    }

    /// What precedes a file's body: the comments before the header, the columns, and where the
    /// body starts.
    struct Header {
        var comments: [String]
        var columns: [String]
        /// The header's line number (the body's lines follow it).
        var line: Int
        var bodyStart: String.Index
    }

    /// Reads the comments before the header and the header row.
    /// - Throws: `GlossaryError` for a missing, empty, duplicate or incomplete header.
    static func parseHeader(_ text: String, path: String) throws(GlossaryError) -> Header {
        var pending: [String] = []
        var lineNumber = 0
        let utf8 = text.utf8
        var position = utf8.startIndex
        // Lines and fields are split on bytes (UTF-8 never uses 0x0A or 0x09 inside a character),
        // which is much faster than splitting on Characters; a CR before the LF is dropped, so CRLF
        // files parse too.
        var header: [String]?
        while position < utf8.endIndex {
            let lineEnd = utf8[position...].firstIndex(of: 0x0A) ?? utf8.endIndex
            lineNumber += 1
            var bytes = utf8[position..<lineEnd]
            position = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
            if bytes.last == 0x0D { bytes = bytes.dropLast() }
            if bytes.first == 0x23 {
                pending.append(String(Substring(bytes)))
                continue
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            header = bytes.split(separator: 0x09, omittingEmptySubsequences: false).map { String(Substring($0)) }
            break
        }
        guard let header else {
            throw GlossaryError(file: path, line: max(lineNumber, 1), column: 1, code: .missingHeader, message: "no header row (expected a line such as 'de<TAB>en<TAB>type')")
        }
        var columns: [String] = []
        var column = 1
        var seen = Set<String>()
        for name in header {
            let trimmed = name.trimmingSpaces()
            if trimmed.isEmpty {
                throw GlossaryError(file: path, line: lineNumber, column: column, code: .emptyColumnName, message: "empty column name in the header")
            }
            if !seen.insert(trimmed.lowercased()).inserted {
                throw GlossaryError(file: path, line: lineNumber, column: column, code: .duplicateColumn, message: "column '\(trimmed)' appears twice in the header")
            }
            columns.append(trimmed.lowercased())
            column += name.unicodeScalars.count + 1
        }
        for required in ["de", "en"] where !columns.contains(required) {
            throw GlossaryError(file: path, line: lineNumber, column: 1, code: .missingColumn, message: "the header has no '\(required)' column (header: \(columns.joined(separator: ", ")))")
        }
        return Header(comments: pending, columns: columns, line: lineNumber, bodyStart: position)
    }

    /// Parses the text of a glossary file. Large files are parsed on all cores, in pieces cut at
    /// line ends; the result (and the first error reported) is the same as in one piece.
    /// - Throws: `GlossaryError` naming the file, line and column of the first problem.
    public static func parse(_ text: String, path: String) throws(GlossaryError) -> GlossaryFile {
        let header = try parseHeader(text, path: path)
        var file = GlossaryFile(path: path, headerComments: header.comments, columns: header.columns)
        var pending: [String] = []
        let lineNumber = header.line
        let utf8 = text.utf8
        var position = header.bodyStart

        // The body, in pieces of about 1 MB that end at a line end.
        var pieces: [Range<String.Index>] = []
        let pieceSize = 1 << 20
        while position < utf8.endIndex {
            var end = utf8.index(position, offsetBy: pieceSize, limitedBy: utf8.endIndex) ?? utf8.endIndex
            if end < utf8.endIndex { end = utf8[end...].firstIndex(of: 0x0A).map { utf8.index(after: $0) } ?? utf8.endIndex }
            pieces.append(position..<end)
            position = end
        }
        let columns = file.columns
        let jobs = pieces.count > 1 ? ProcessInfo.processInfo.activeProcessorCount : 1
        let parsed = parallelMap(pieces, jobs: jobs) { range in parseBody(text[range], columns: columns, path: path) }
        var base = lineNumber
        for piece in parsed {
            switch piece.outcome {
            case .failure(let error):
                throw GlossaryError(file: error.file, line: error.line + base, column: error.column, code: error.code, message: error.message)
            case .success(let rows):
                for var row in rows {
                    row.line += base
                    if !pending.isEmpty {
                        row.comments = pending + row.comments
                        pending = []
                    }
                    file.rows.append(row)
                }
            }
            pending += piece.trailingComments
            base += piece.lines
        }
        file.trailingComments = pending
        return file
    }

    /// The rows of a piece of a file's body, with lines counted from 1 within the piece.
    private struct BodyPiece: Sendable {
        var outcome: Result<[Row], GlossaryError>
        /// Comments after the piece's last row (they belong to the next piece's first row).
        var trailingComments: [String]
        var lines: Int
    }

    private static func parseBody(_ text: Substring, columns: [String], path: String) -> BodyPiece {
        var rows: [Row] = []
        var pending: [String] = []
        var lineNumber = 0
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        if text.utf8.last == 0x0A { lines.removeLast() }
        for rawLine in lines {
            lineNumber += 1
            var bytes = rawLine
            if bytes.last == 0x0D { bytes = bytes.dropLast() }
            if bytes.first == 0x23 {
                pending.append(String(Substring(bytes)))
                continue
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let fields = bytes.split(separator: 0x09, omittingEmptySubsequences: false).map { String(Substring($0)) }
            do throws(GlossaryError) {
                rows.append(try row(fields, comments: pending, line: lineNumber, columns: columns, path: path))
            } catch {
                return BodyPiece(outcome: .failure(error), trailingComments: [], lines: lineNumber)
            }
            pending = []
        }
        return BodyPiece(outcome: .success(rows), trailingComments: pending, lines: lineNumber)
    }

    static func row(_ fields: [String], comments: [String], line lineNumber: Int, columns: [String], path: String) throws(GlossaryError) -> Row {
        if fields.count > columns.count {
            let column = fields.prefix(columns.count).reduce(1) { $0 + $1.unicodeScalars.count + 1 }
            throw GlossaryError(file: path, line: lineNumber, column: column, code: .tooManyFields,
                                message: "\(fields.count) fields, but the header has \(columns.count) columns")
        }
        var row = Row(comments: comments, fields: [:], line: lineNumber)
        for (index, value) in fields.enumerated() where !value.isEmpty {
            row.fields[columns[index]] = value
        }
        for required in ["de", "en"] where row[required].trimmingSpaces().isEmpty {
            let index = columns.firstIndex(of: required)!
            let col = fields.prefix(index).reduce(1) { $0 + $1.unicodeScalars.count + 1 }
            throw GlossaryError(file: path, line: lineNumber, column: col, code: .emptyField, message: "empty '\(required)' field")
        }
        try validateValues(row, path: path, fields: fields, columns: columns)
        return row
    }

    private static func validateValues(_ row: Row, path: String, fields: [String], columns: [String]) throws(GlossaryError) {
        func column(of name: String) -> Int {
            guard let index = columns.firstIndex(of: name) else { return 1 }
            return fields.prefix(index).reduce(1) { $0 + $1.unicodeScalars.count + 1 }
        }
        if let status = row.fields["status"], EntryStatus(rawValue: status) == nil {
            throw GlossaryError(file: path, line: row.line, column: column(of: "status"), code: .badValue,
                                message: "unknown status '\(status)' (expected preferred, admitted, deprecated or forbidden)")
        }
        if let rule = row.fields["case"], CaseRule(rawValue: rule) == nil {
            throw GlossaryError(file: path, line: row.line, column: column(of: "case"), code: .badValue,
                                message: "unknown case rule '\(rule)' (expected sensitive or insensitive)")
        }
    }

    /// The entries of this file, with stable ids and locations.
    public var entries: [GlossaryEntry] {
        let stem = Self.fileStem(path)
        let path = self.path
        let size = 20_000
        let rows = self.rows
        let chunks = stride(from: 0, to: rows.count, by: size).map { $0..<min($0 + size, rows.count) }
        let made = parallelMap(chunks, jobs: chunks.count > 1 ? ProcessInfo.processInfo.activeProcessorCount : 1) { range in
            var piece = Piece()
            for row in rows[range] {
                var entry = Self.entry(from: row, path: path)
                let slug = Self.slug(entry.de)
                entry.id = Self.idBase(stem: stem, slug: slug)
                piece.entries.append(entry)
                piece.slugs.append(slug)
            }
            return piece
        }
        return Self.numberingIDs(consume made)
    }

    /// The entry of a row, without its id.
    static func entry(from row: Row, path: String) -> GlossaryEntry {
        var extra: [String: String] = [:]
        for (name, value) in row.fields where !Self.knownColumns.contains(name) { extra[name] = value }
        return GlossaryEntry(
            de: row["de"].trimmingSpaces(),
            en: row["en"].trimmingSpaces(),
            type: row["type"].isEmpty ? .term : EntryType(rawValue: row["type"]),
            status: EntryStatus(rawValue: row["status"]) ?? .preferred,
            caseRule: CaseRule(rawValue: row["case"]),
            variants: variants(row["variants"]),
            orig: row["orig"],
            note: row["note"],
            source: row["source"],
            extra: extra,
            location: SourceLocation(file: path, line: row.line))
    }

    /// The `variants` column's forms: split at "|", trimmed, empty ones dropped.
    static func variants(_ field: String) -> [String] {
        field.isEmpty ? [] : field.split(separator: "|").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// `STEM/SLUG`: an entry's id before numbering.
    static func idBase(stem: String, slug: String) -> String {
        var id = stem
        id.reserveCapacity(stem.utf8.count + 1 + slug.utf8.count)
        id += "/"
        id += slug
        return id
    }

    /// Entries of part of a file, with ids `STEM/SLUG` not yet numbered, and their slugs.
    struct Piece: Sendable {
        var entries: [GlossaryEntry] = []
        var slugs: [String] = []
    }

    /// Joins pieces of entries, numbering repeated ids in file order: the second entry with a
    /// slug gets "~2", and so on.
    static func numberingIDs(_ pieces: consuming [Piece]) -> [GlossaryEntry] {
        let total = pieces.reduce(0) { $0 + $1.entries.count }
        let repeats = repeatedSlugs(pieces.map(\.slugs), total: total)
        var joined: [GlossaryEntry] = []
        joined.reserveCapacity(total)
        for k in pieces.indices {
            var entries = pieces[k].entries
            pieces[k] = Piece()  // `entries` holds the only reference: ids change in place
            for repeated in repeats[k] { entries[repeated.index].id += "~\(repeated.count)" }
            if pieces.count == 1 { return entries }
            joined.append(contentsOf: entries)
        }
        return joined
    }

    private struct Repeat: Sendable {
        let index: Int, count: Int
    }

    /// By piece, the entries whose slug an earlier entry has, with their number (2, 3, ...).
    /// Slugs of different lengths differ, so large files are counted on all cores, each core
    /// taking the slugs of some lengths.
    private static func repeatedSlugs(_ slugs: [[String]], total: Int) -> [[Repeat]] {
        let jobs = total < 50_000 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let found = parallelMap(Array(0..<jobs), jobs: jobs) { job -> [[Repeat]] in
            var counts: [String: Int] = [:]
            counts.reserveCapacity(total / jobs + total / 16)
            var repeats: [[Repeat]] = []
            for piece in slugs {
                var found: [Repeat] = []
                // By index: the other jobs' slugs are not copied (their reference counts are
                // not touched from this thread).
                for index in piece.indices where jobs == 1 || piece[index].utf8.count % jobs == job {
                    let count = increment(&counts[piece[index], default: 0])
                    if count > 1 { found.append(Repeat(index: index, count: count)) }
                }
                repeats.append(found)
            }
            return repeats
        }
        return slugs.indices.map { k in found.flatMap { $0[k] } }
    }

    private static func increment(_ count: inout Int) -> Int {
        count += 1
        return count
    }

    /// The file name without folders and `.tsv`.
    public static func fileStem(_ path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasSuffix(".tsv") { name.removeLast(4) }
        return name
    }

    /// The id slug of a German term: lower case, each run of non-letters and non-digits as one "-".
    public static func slug(_ term: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in MatchKey.make(term).unicodeScalars {
            let v = scalar.value
            let isLetterOrDigit: Bool
            if v < 0x80 {
                isLetterOrDigit = (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A)
            } else if v >= 0xC0 && v <= 0x24F {
                isLetterOrDigit = v != 0xD7 && v != 0xF7
            } else {
                isLetterOrDigit = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    || scalar.properties.generalCategory == .nonspacingMark
            }
            if isLetterOrDigit {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "entry" : String(out)
    }

    /// The file's text: header comments, header, rows with their comments, trailing comments.
    public func serialized() -> String {
        var out = ""
        for comment in headerComments { out += comment + "\n" }
        out += columns.joined(separator: "\t") + "\n"
        for row in rows {
            for comment in row.comments { out += comment + "\n" }
            var fields = columns.map { row.fields[$0] ?? "" }
            while fields.count > 2, fields.last == "" { fields.removeLast() }
            out += fields.joined(separator: "\t") + "\n"
        }
        for comment in trailingComments { out += comment + "\n" }
        return out
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\u{A0}" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\u{A0}" { scalars.removeLast() }
        return String(scalars)
    }
}
