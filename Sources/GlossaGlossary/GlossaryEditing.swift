import GlossaICU

/// In-place edits of a glossary file (`glossa glossary add` / `remove`). Each edit returns the
/// file in canonical form (see `GlossaryFormatter`).
public enum GlossaryEditing {
    /// Why an edit was refused.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public enum Kind: Sendable { case duplicate, conflict, notFound }
        public let kind: Kind
        public let message: String
        public var description: String { message }
    }

    /// Adds a row. Refuses an entry whose `de` the file already has (`duplicate` when the
    /// English is the same, `conflict` when it differs) unless `force` is set.
    public static func add(_ fields: [String: String], to file: GlossaryFile, force: Bool) throws -> GlossaryFile {
        var fields = fields.mapValues { GlossaryFormatter.nfc($0).trimmingSpaces() }.filter { !$0.value.isEmpty }
        guard let de = fields["de"], let en = fields["en"] else {
            throw Refusal(kind: .notFound, message: "an entry needs both --de and --en")
        }
        fields["de"] = de
        for row in file.rows where row["de"].trimmingSpaces() == de {
            if force { break }
            if row["en"].trimmingSpaces() == en {
                throw Refusal(kind: .duplicate, message: "\(file.path):\(row.line): '\(de)' is already there with the same English '\(en)' (use --force to add it anyway)")
            }
            throw Refusal(kind: .conflict, message: "\(file.path):\(row.line): '\(de)' is already there as '\(row["en"])', not '\(en)' (use --force to add a second entry)")
        }
        var out = file
        for name in fields.keys where !out.columns.contains(name) { out.columns.append(name) }
        out.rows.append(GlossaryFile.Row(fields: fields))
        return try GlossaryFormatter.format(out)
    }

    /// Removes every row whose `de` is `de` (and whose `en` is `en`, when given).
    /// - Returns: the canonical file and the number of rows removed (comments directly above a
    ///   removed row go with it).
    public static func remove(de: String, en: String?, from file: GlossaryFile) throws -> (file: GlossaryFile, removed: Int) {
        let de = GlossaryFormatter.nfc(de).trimmingSpaces()
        let en = en.map { GlossaryFormatter.nfc($0).trimmingSpaces() }
        var out = file
        out.rows = file.rows.filter { row in
            !(row["de"].trimmingSpaces() == de && (en == nil || row["en"].trimmingSpaces() == en))
        }
        let removed = file.rows.count - out.rows.count
        if removed == 0 {
            let what = en.map { "'\(de)' → '\($0)'" } ?? "'\(de)'"
            throw Refusal(kind: .notFound, message: "\(file.path): no entry \(what) to remove")
        }
        return (try GlossaryFormatter.format(out), removed)
    }
}
