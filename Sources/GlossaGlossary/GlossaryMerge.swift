import GlossaICU

/// `glossa glossary merge`: one glossary from several.
///
/// Rows are taken in input order. A row identical to one already taken (every field the same)
/// is dropped as a duplicate. A row with the German term of a row already taken but other fields
/// is a **conflict**: the first row is kept as the entry, and each conflicting row is written as
/// a comment directly above it (`# merge conflict, from FILE:LINE: <the row's fields>`), together
/// with the comments it had, so nothing is lost and the output still has one entry per term.
/// The output is in canonical form.
public enum GlossaryMerge {
    public struct Conflict: Sendable, CustomStringConvertible {
        public let de: String
        /// Where the kept row and the conflicting row come from (`file:line`).
        public let kept: String
        public let other: String
        /// Columns whose values differ.
        public let columns: [String]
        public let keptValues: [String]
        public let otherValues: [String]

        public var description: String {
            let details = zip(columns, zip(keptValues, otherValues)).map { "\($0.0) '\($0.1.0)' vs '\($0.1.1)'" }.joined(separator: ", ")
            return "conflict: '\(de)': \(details) (kept \(kept); \(other) written as a comment)"
        }
    }

    public struct Result: Sendable {
        public var file: GlossaryFile
        public var conflicts: [Conflict]
        /// Identical rows dropped, as `file:line` of the dropped row.
        public var duplicates: [String]
    }

    public static func merge(_ files: [GlossaryFile], outputPath: String) throws(ICUError) -> Result {
        var out = GlossaryFile(path: outputPath, columns: [])
        var columns: [String] = []
        for file in files {
            for column in file.columns where !columns.contains(column) { columns.append(column) }
            for comment in file.headerComments where !out.headerComments.contains(comment) { out.headerComments.append(comment) }
            for comment in file.trailingComments where !out.trailingComments.contains(comment) { out.trailingComments.append(comment) }
        }
        out.columns = GlossaryFormatter.canonicalColumns(columns)
        var kept: [String: Int] = [:]
        var origin: [Int: String] = [:]
        var conflicts: [Conflict] = []
        var duplicates: [String] = []
        for file in files {
            for row in file.rows {
                let de = GlossaryFormatter.nfc(row["de"]).trimmingSpaces()
                let place = "\(file.path):\(row.line)"
                guard let index = kept[de] else {
                    kept[de] = out.rows.count
                    origin[out.rows.count] = place
                    out.rows.append(row)
                    continue
                }
                let first = out.rows[index]
                if first.fields == row.fields {
                    duplicates.append(place)
                    // Its comments are kept with the entry.
                    for comment in row.comments where !out.rows[index].comments.contains(comment) { out.rows[index].comments.append(comment) }
                    continue
                }
                let differing = out.columns.filter { first[$0] != row[$0] }
                conflicts.append(Conflict(de: de, kept: origin[index]!, other: place, columns: differing,
                                          keptValues: differing.map { first[$0] }, otherValues: differing.map { row[$0] }))
                let text = out.columns.map { row[$0] }
                var trimmed = text
                while trimmed.count > 2, trimmed.last == "" { trimmed.removeLast() }
                out.rows[index].comments += row.comments
                out.rows[index].comments.append("# merge conflict, from \(place): \(trimmed.joined(separator: "\t"))")
            }
        }
        return Result(file: try GlossaryFormatter.format(out), conflicts: conflicts, duplicates: duplicates)
    }
}
