/// Conversions between Glossa's TSV and other tools' glossary formats.
public enum GlossaryExchange {
    public enum ExportFormat: String, Sendable, CaseIterable {
        /// TBX v3, TBX-Basic (see `TBX`).
        case tbx
        /// CSV (RFC 4180) with a header row of Glossa's columns: every field, no comments.
        case csv
        /// DeepL glossary entries: TSV, source then target, no header, one entry per source term.
        case deepl
        /// Google Cloud Translation unidirectional glossary: CSV, source then target, no header.
        case google
        /// OmegaT glossary: TSV `source<TAB>target<TAB>comment`, UTF-8.
        case omegat
    }

    public struct Export: Sendable {
        public var text: String
        /// What was left out, one line each (such as a second entry for the same source term).
        public var notes: [String]
        /// Comment lines of the files that the format cannot hold (every one for CSV, DeepL,
        /// Google and OmegaT; none for TBX).
        public var droppedComments: Int = 0
    }

    /// Whether a format keeps the files' comment lines (TBX does; the others have no place for them).
    public static func keepsComments(_ format: ExportFormat) -> Bool { format == .tbx }

    /// Converts rows of glossary files.
    public static func export(_ files: [GlossaryFile], to format: ExportFormat) -> Export {
        var export = exportRows(files, to: format)
        if !keepsComments(format) {
            export.droppedComments = files.reduce(0) { count, file in
                count + file.headerComments.count + file.trailingComments.count + file.rows.reduce(0) { $0 + $1.comments.count }
            }
        }
        return export
    }

    private static func exportRows(_ files: [GlossaryFile], to format: ExportFormat) -> Export {
        switch format {
        case .tbx:
            return Export(text: TBX.export(files), notes: [])
        case .csv:
            var columns: [String] = []
            for file in files { for column in file.columns where !columns.contains(column) { columns.append(column) } }
            columns = GlossaryFormatter.canonicalColumns(columns)
            var text = DelimitedText.csvRecord(columns)
            for file in files { for row in file.rows { text += DelimitedText.csvRecord(columns.map { row[$0] }) } }
            return Export(text: text, notes: [])
        case .deepl, .google:
            // DeepL rejects a glossary with the same source term twice, and a unidirectional
            // glossary maps each source term to one target: the first entry for a term (and its
            // variants) wins; the others are reported.
            var text = ""
            var seen: [String: String] = [:]
            var notes: [String] = []
            for file in files {
                for row in file.rows {
                    let en = row["en"].trimmingSpaces()
                    let place = "\(file.path):\(row.line)"
                    for (index, source) in sources(of: row).enumerated() {
                        if let earlier = seen[source] {
                            if index == 0 { notes.append("\(place): '\(source)' left out: already exported from \(earlier)") }
                            continue
                        }
                        seen[source] = place
                        text += format == .deepl ? "\(source)\t\(en)\n" : DelimitedText.csvRecord([source, en])
                    }
                }
            }
            return Export(text: text, notes: notes)
        case .omegat:
            var text = ""
            for file in files {
                for row in file.rows {
                    let en = row["en"].trimmingSpaces()
                    var comment = row["note"]
                    if !row["type"].isEmpty { comment = comment.isEmpty ? row["type"] : "\(comment) (\(row["type"]))" }
                    for source in sources(of: row) { text += "\(source)\t\(en)\t\(comment)\n" }
                }
            }
            return Export(text: text, notes: [])
        }
    }

    /// The German term and its variants, each once.
    static func sources(of row: GlossaryFile.Row) -> [String] {
        var out = [row["de"].trimmingSpaces()]
        for variant in row["variants"].split(separator: "|") {
            let clean = String(variant).trimmingSpaces()
            if !clean.isEmpty && !out.contains(clean) { out.append(clean) }
        }
        return out
    }

    // MARK: - Import of CSV and TSV

    /// How the columns of a CSV/TSV file map to Glossa's (decided from its first row).
    static func columnMapping(_ first: [String]) -> (columns: [String], hasHeader: Bool) {
        let names = first.map { $0.trimmingSpaces().lowercased() }
        func glossaName(_ name: String) -> String? {
            switch name {
            case "de", "german", "deutsch", "source", "source term", "source_term", "term": return "de"
            case "en", "english", "englisch", "target", "target term", "target_term", "translation": return "en"
            case "comment", "comments", "description", "definition": return "note"
            default:
                if name.hasPrefix("de-") || name.hasPrefix("de_") { return "de" }
                if name.hasPrefix("en-") || name.hasPrefix("en_") { return "en" }
                if GlossaryFile.knownColumns.contains(name) { return name }
                return nil
            }
        }
        let mapped = names.map(glossaName)
        if mapped.contains("de") && mapped.contains("en") {
            var used = Set<String>()
            var columns: [String] = []
            for (index, name) in mapped.enumerated() {
                var column = name ?? names[index].filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                if column.isEmpty { column = "column\(index + 1)" }
                // A second source or target column keeps its own name.
                if used.contains(column) { column = names[index].isEmpty ? "column\(index + 1)" : names[index] }
                while used.contains(column) { column += "_" }
                used.insert(column)
                columns.append(column)
            }
            return (columns, true)
        }
        // No header: source, target, comment (DeepL, Google, OmegaT), then numbered columns.
        return (first.indices.map(headerlessColumn), false)
    }

    /// The column of field `index` in a file without a header: source, target, comment (the
    /// note), then `column4`, `column5`, ...
    static func headerlessColumn(_ index: Int) -> String {
        index < 3 ? ["de", "en", "note"][index] : "column\(index + 1)"
    }

    public struct ImportResult: Sendable {
        public var file: GlossaryFile
        /// Records without a source or target term, with their lines.
        public var skipped: [(line: Int, reason: String)]
    }

    /// Imports CSV or TSV records from another tool. Comments are kept where they were: those
    /// above the header (or above the first record of a file without one) at the top of the file,
    /// those above a record with its row (with the next row when the record is skipped), and
    /// `trailingComments` at the end.
    public static func importRecords(_ records: [DelimitedText.Record], trailingComments: [String] = [], outputPath: String) -> ImportResult {
        var file = GlossaryFile(path: outputPath, columns: GlossaryFile.knownColumns)
        var skipped: [(line: Int, reason: String)] = []
        guard let first = records.first else {
            file.trailingComments = trailingComments
            return ImportResult(file: file, skipped: [])
        }
        let (columns, hasHeader) = columnMapping(first.fields)
        file.headerComments = first.comments
        var allColumns = columns
        // Comments of skipped records, kept for the next row.
        var pending: [String] = []
        for (number, record) in records.enumerated().dropFirst(hasHeader ? 1 : 0) {
            if number > 0 { pending += record.comments }
            var fields: [String: String] = [:]
            for (index, value) in record.fields.enumerated() {
                // A record longer than the first one: without a header, its fields are named as
                // the first record's would have been (the third is the note, whatever the first
                // record's length).
                while index >= allColumns.count {
                    allColumns.append(hasHeader ? "column\(allColumns.count + 1)" : headerlessColumn(allColumns.count))
                }
                // Glossa fields hold no tabs or line breaks.
                let clean = value.split(whereSeparator: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ").trimmingSpaces()
                if !clean.isEmpty { fields[allColumns[index]] = clean }
            }
            guard fields["de"] != nil, fields["en"] != nil else {
                skipped.append((record.line, "no \(fields["de"] == nil ? "source (de)" : "target (en)") term"))
                continue
            }
            file.rows.append(GlossaryFile.Row(comments: pending, fields: fields))
            pending = []
        }
        file.trailingComments = pending + trailingComments
        for column in allColumns where !file.columns.contains(column) { file.columns.append(column) }
        return ImportResult(file: file, skipped: skipped)
    }
}
