import GlossaICU

/// The canonical form of a glossary file (what `glossa glossary fmt` writes).
///
/// - every field and comment in NFC; leading and trailing spaces of fields removed;
/// - columns: `GlossaryFile.knownColumns` present in the file, in that order, then the other
///   columns alphabetically (a column is never dropped);
/// - rows sorted by `de` in German dictionary order (DIN 5007-1, `Collator(locale: "de")`),
///   ties broken by `en` (same collation), then by the row's canonical text (code points), so
///   the order never depends on the input order;
/// - comments stay with the row they precede; header comments stay at the top and trailing
///   comments at the end;
/// - blank lines dropped, trailing empty fields trimmed, `\n` line ends.
///
/// Formatting is idempotent: `format(format(x)) == format(x)`.
public enum GlossaryFormatter {
    /// The canonical column order for a set of column names.
    public static func canonicalColumns(_ columns: [String]) -> [String] {
        let known = GlossaryFile.knownColumns.filter { columns.contains($0) }
        let other = columns.filter { !GlossaryFile.knownColumns.contains($0) }.sorted()
        return known + other
    }

    /// The canonical form of a parsed file (same path).
    public static func format(_ file: GlossaryFile) throws(ICUError) -> GlossaryFile {
        var out = file
        out.columns = canonicalColumns(file.columns)
        out.headerComments = file.headerComments.map(nfc)
        out.trailingComments = file.trailingComments.map(nfc)
        var rows: [GlossaryFile.Row] = []
        rows.reserveCapacity(file.rows.count)
        for row in file.rows {
            var fields: [String: String] = [:]
            for (name, value) in row.fields {
                let clean = nfc(value).trimmingSpaces()
                if !clean.isEmpty { fields[name] = clean }
            }
            rows.append(GlossaryFile.Row(comments: row.comments.map(nfc), fields: fields, line: row.line))
        }
        out.rows = try sorted(rows, columns: out.columns)
        return out
    }

    /// `text` in NFC (unchanged in the unlikely case that ICU fails).
    public static func nfc(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value < 0x300 }) { return text }
        return (try? ICUText.normalize(text, .nfc)) ?? text
    }

    /// Rows in canonical order.
    public static func sorted(_ rows: [GlossaryFile.Row], columns: [String]) throws(ICUError) -> [GlossaryFile.Row] {
        let collator = try Collator(locale: "de")
        struct Keyed {
            let de: [UInt8]
            let en: [UInt8]
            let text: String
            let row: GlossaryFile.Row
        }
        let keyed = rows.map { row in
            Keyed(de: collator.sortKey(row["de"]), en: collator.sortKey(row["en"]),
                  text: rowText(row, columns: columns), row: row)
        }
        return keyed.sorted { a, b in
            if a.de != b.de { return a.de.lexicographicallyPrecedes(b.de) }
            if a.en != b.en { return a.en.lexicographicallyPrecedes(b.en) }
            if a.text != b.text { return a.text.unicodeScalars.lexicographicallyPrecedes(b.text.unicodeScalars) }
            return a.row.comments.joined(separator: "\n").unicodeScalars.lexicographicallyPrecedes(b.row.comments.joined(separator: "\n").unicodeScalars)
        }.map(\.row)
    }

    /// One row as it is serialized (without its comments).
    static func rowText(_ row: GlossaryFile.Row, columns: [String]) -> String {
        var fields = columns.map { row.fields[$0] ?? "" }
        while fields.count > 2, fields.last == "" { fields.removeLast() }
        return fields.joined(separator: "\t")
    }

    /// The canonical text of a file's text. Throws the parse error for a file that does not parse.
    public static func canonicalText(of text: String, path: String) throws -> String {
        let file = try GlossaryFile.parse(text, path: path)
        return try format(file).serialized()
    }
}
