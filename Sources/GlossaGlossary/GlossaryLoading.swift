import Foundation
import GlossaText

/// The loader's path: a file's text straight to entries, without rows and their field
/// dictionaries. `entries(parsing:path:)` gives exactly what `parse(_:path:).entries` gives.
extension GlossaryFile {
    /// What a column holds.
    private enum Role: Sendable {
        case de, en, type, status, caseRule, variants, orig, note, source, extra
    }

    /// The entries of a glossary file's text: the same entries, ids and errors (file, line,
    /// column, message) as `parse(text, path:).entries`, without building `Row`s. Large files are
    /// parsed on all cores, in pieces cut at line ends.
    /// - Throws: `GlossaryError` naming the file, line and column of the first problem.
    public static func entries(parsing text: String, path: String) throws(GlossaryError) -> [GlossaryEntry] {
        let header = try parseHeader(text, path: path)
        let columns = header.columns
        let roles: [Role] = columns.map { name in
            switch name {
            case "de": .de
            case "en": .en
            case "type": .type
            case "status": .status
            case "case": .caseRule
            case "variants": .variants
            case "orig": .orig
            case "note": .note
            case "source": .source
            default: .extra
            }
        }
        // The whole text's bytes (copying all of a String's UTF-8 is a plain copy; a Substring's
        // goes byte by byte), read from the body's start.
        let body = Array(text.utf8)
        // Pieces of about 1 MB that end at a line end, each with the number of the line before it.
        var pieces: [LineRange] = []
        let pieceSize = 1 << 20
        var start = text.utf8.distance(from: text.utf8.startIndex, to: header.bodyStart), line = header.line
        while start < body.count {
            var end = min(start + pieceSize, body.count)
            while end < body.count && body[end - 1] != 0x0A { end += 1 }
            pieces.append(LineRange(range: start..<end, line: line))
            for byte in body[start..<end] where byte == 0x0A { line += 1 }
            start = end
        }
        let stem = fileStem(path)
        let jobs = pieces.count > 1 ? ProcessInfo.processInfo.activeProcessorCount : 1
        let parsed = parallelMap(pieces, jobs: jobs) { piece in
            entries(of: body, piece, columns: columns, roles: roles, path: path, stem: stem)
        }
        var made: [Piece] = []
        made.reserveCapacity(parsed.count)
        for result in parsed {
            switch result {
            case .failure(let error): throw error
            case .success(let piece): made.append(piece)
            }
        }
        return numberingIDs(consume made)
    }

    private struct LineRange: Sendable {
        let range: Range<Int>
        /// The number of the line before the piece.
        let line: Int
    }

    /// The entries of the lines in `piece`, with ids not yet numbered, or the first problem.
    private static func entries(of text: [UInt8], _ piece: LineRange, columns: [String], roles: [Role],
                                path sharedPath: String, stem: String) -> Result<Piece, GlossaryError> {
        // Each piece gets its own copy of its bytes and of the path, so that threads do not
        // count references on shared objects (every slice of an array counts one on its buffer).
        let body = Array(text[piece.range])
        let path = String(decoding: Array(sharedPath.utf8), as: UTF8.self)
        var made = Piece()
        made.entries.reserveCapacity(piece.range.count / 32)
        made.slugs.reserveCapacity(piece.range.count / 32)
        var id = Array(stem.utf8)
        id.append(0x2F)
        let idPrefix = id.count
        var lineNumber = piece.line
        var next = 0
        let end = body.count
        while next < end {
            let start = next
            var lineEnd = start
            while lineEnd < end && body[lineEnd] != 0x0A { lineEnd += 1 }
            next = lineEnd + 1
            lineNumber += 1
            if lineEnd > start && body[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            // Comments and blank lines.
            if lineEnd == start || body[start] == 0x23 { continue }
            var k = start
            while k < lineEnd && (body[k] == 0x20 || body[k] == 0x09) { k += 1 }
            if k == lineEnd { continue }

            var de = "", en = "", type = "", status = "", rule = "", variants = "", orig = "", note = "", source = ""
            var extra: [String: String] = [:]
            var valid = true
            var column = 0
            var fieldStart = start
            while true {
                var fieldEnd = fieldStart
                while fieldEnd < lineEnd && body[fieldEnd] != 0x09 { fieldEnd += 1 }
                if column == columns.count {
                    valid = false
                    break
                }
                if fieldEnd > fieldStart {
                    let value = body[fieldStart..<fieldEnd]
                    switch roles[column] {
                    case .de: de = trimmed(value)
                    case .en: en = trimmed(value)
                    case .type: type = String(decoding: value, as: UTF8.self)
                    case .status: status = String(decoding: value, as: UTF8.self)
                    case .caseRule: rule = String(decoding: value, as: UTF8.self)
                    case .variants: variants = String(decoding: value, as: UTF8.self)
                    case .orig: orig = String(decoding: value, as: UTF8.self)
                    case .note: note = String(decoding: value, as: UTF8.self)
                    case .source: source = String(decoding: value, as: UTF8.self)
                    case .extra: extra[columns[column]] = String(decoding: value, as: UTF8.self)
                    }
                }
                column += 1
                if fieldEnd == lineEnd { break }
                fieldStart = fieldEnd + 1
            }
            // The row parser's checks, in short.
            if valid {
                valid = !de.isEmpty && !en.isEmpty && (status.isEmpty || EntryStatus(rawValue: status) != nil)
                    && (rule.isEmpty || CaseRule(rawValue: rule) != nil)
            }
            guard valid else {
                // The row parser reports the problem, so that the message is exactly its own.
                let fields = body[start..<lineEnd].split(separator: 0x09, omittingEmptySubsequences: false)
                    .map { String(decoding: $0, as: UTF8.self) }
                do throws(GlossaryError) {
                    let row = try row(fields, comments: [], line: lineNumber, columns: columns, path: path)
                    var entry = entry(from: row, path: path)
                    let slug = slug(entry.de)
                    entry.id = idBase(stem: stem, slug: slug)
                    made.entries.append(entry)
                    made.slugs.append(slug)
                    continue
                } catch {
                    return .failure(error)
                }
            }
            id.removeLast(id.count - idPrefix)
            let entryID: String, entrySlug: String
            if appendSlug(of: de, to: &id) {
                entryID = String(decoding: id, as: UTF8.self)
                entrySlug = String(decoding: id[idPrefix...], as: UTF8.self)
            } else {
                entrySlug = slug(de)
                entryID = idBase(stem: stem, slug: entrySlug)
            }
            made.slugs.append(entrySlug)
            made.entries.append(GlossaryEntry(
                de: de,
                en: en,
                type: type.isEmpty ? .term : EntryType(rawValue: type),
                status: status.isEmpty ? .preferred : EntryStatus(rawValue: status) ?? .preferred,
                caseRule: rule.isEmpty ? nil : CaseRule(rawValue: rule),
                variants: Self.variants(variants),
                orig: orig,
                note: note,
                source: source,
                extra: extra,
                id: entryID,
                location: SourceLocation(file: path, line: lineNumber)))
        }
        return .success(made)
    }

    /// A non-empty field without leading and trailing spaces, tabs and no-break spaces
    /// (`trimmingSpaces`, which is only called when the field may start or end with one).
    private static func trimmed(_ value: ArraySlice<UInt8>) -> String {
        let first = value[value.startIndex], last = value[value.endIndex - 1]
        let text = String(decoding: value, as: UTF8.self)
        if first == 0x20 || first == 0x09 || first == 0xC2 || last == 0x20 || last == 0x09 || last == 0xA0 {
            return text.trimmingSpaces()
        }
        return text
    }

    /// Appends `slug(term)` to `out` when `term` is ASCII and Latin-1 letters (U+0000...U+00FF,
    /// without U+0080...U+00BF), whose keys and letters are known without ICU; returns false
    /// (with `out` unchanged) for any other term.
    static func appendSlug(of term: String, to out: inout [UInt8]) -> Bool {
        let start = out.count
        var pendingDash = false
        var bytes = term.utf8.makeIterator()
        while let byte = bytes.next() {
            // The letter's key (MatchKey.make: lower case, "ß" → "ss"), or a dash for anything else.
            var first: UInt8 = 0, second: UInt8 = 0, count = 1
            if byte < 0x80 {
                if byte >= 0x41 && byte <= 0x5A {
                    first = byte + 0x20
                } else if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                    first = byte
                } else {
                    pendingDash = true
                    continue
                }
            } else if byte == 0xC3, let low = bytes.next() {
                // U+00C0...U+00FF.
                switch low {
                case 0x97, 0xB7:  // × ÷
                    pendingDash = true
                    continue
                case 0x9F:  // ß
                    first = 0x73
                    second = 0x73
                    count = 2
                case 0x80...0x9E:  // upper case
                    first = 0xC3
                    second = low + 0x20
                    count = 2
                default:
                    first = 0xC3
                    second = low
                    count = 2
                }
            } else {
                out.removeLast(out.count - start)
                return false
            }
            if pendingDash && out.count > start { out.append(0x2D) }
            pendingDash = false
            out.append(first)
            if count == 2 { out.append(second) }
        }
        if out.count == start { out.append(contentsOf: "entry".utf8) }
        return true
    }
}
