/// TBX v3 (ISO 30042:2019), TBX-Basic dialect, for `glossa glossary export --to tbx` and
/// `import --from tbx`.
///
/// One `<conceptEntry>` per glossary row:
///
/// | Glossa | TBX |
/// | --- | --- |
/// | `de` | first `<termSec>` of `<langSec xml:lang="de">` |
/// | `variants` | further German `<termSec>`s with `<termNote type="termType">variant</termNote>` |
/// | `en` | `<termSec>` of `<langSec xml:lang="en">` |
/// | `type` | `<descrip type="subjectField">` (also sets `partOfSpeech`: adjective, properNoun for names, noun) |
/// | `status` | `administrativeStatus` of the German term: preferred, admitted, deprecated, superseded (forbidden) `Term-admn-sts` |
/// | `note` | `<note>` |
/// | `source` | `<admin type="source">` |
/// | `orig`, `case`, comments above the row, other columns | `<descrip type="x-glossa-orig">`, `x-glossa-case`, `x-glossa-comment`, `x-glossa-column-NAME` |
/// | comments after a file's last row | `<descrip type="x-glossa-comment-after">` of that row's concept |
///
/// Header comments of the files become `<p>` paragraphs of the `<sourceDesc>` (one per line,
/// as written), and so do the trailing comments of a file without rows.
/// TSV → TBX → TSV and TBX → TSV → TBX keep every field and comment Glossa knows.
public enum TBX {
    static let statusValues: [(EntryStatus, String)] = [
        (.preferred, "preferredTerm-admn-sts"), (.admitted, "admittedTerm-admn-sts"),
        (.deprecated, "deprecatedTerm-admn-sts"), (.forbidden, "supersededTerm-admn-sts"),
    ]
    /// The `<sourceDesc>` paragraph of files without header comments (TBX requires one): typed
    /// `x-glossa-placeholder`, so that import leaves it out and the file gains no comment.
    static let placeholderHeader = "<p type=\"x-glossa-placeholder\">Exported by glossa glossary export</p>"

    /// The part of speech of a Glossa type.
    static func partOfSpeech(_ type: EntryType) -> String {
        if type == .adjective { return "adjective" }
        return type.isName ? "properNoun" : "noun"
    }

    /// A valid, unique XML ID for a row: `c-` and the `de` slug (ids do not depend on file names,
    /// so a file keeps its ids through TSV → TBX → TSV).
    static func conceptID(_ de: String, used: inout Set<String>) -> String {
        let base = "c-" + GlossaryFile.slug(de)
        var id = base
        var count = 1
        while used.contains(id) {
            count += 1
            id = "\(base)_\(count)"
        }
        used.insert(id)
        return id
    }

    /// The TBX document of the files' rows, in file and row order.
    public static func export(_ files: [GlossaryFile]) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="de" xmlns="urn:iso:std:iso:30042:ed-2">
              <tbxHeader>
                <fileDesc>
                  <sourceDesc>

            """
        // A file without rows has no concept to carry its trailing comments: they join the header's.
        let comments = files.flatMap { $0.headerComments + ($0.rows.isEmpty ? $0.trailingComments : []) }
        if comments.isEmpty { out += "        \(placeholderHeader)\n" }
        for comment in comments {
            out += "        <p>\(XMLText.escape(comment))</p>\n"
        }
        out += """
                  </sourceDesc>
                </fileDesc>
              </tbxHeader>
              <text>
                <body>

            """
        var used = Set<String>()
        for file in files {
            for (number, row) in file.rows.enumerated() {
                let after = number == file.rows.count - 1 ? file.trailingComments : []
                out += entry(row, id: conceptID(row["de"].trimmingSpaces(), used: &used), commentsAfter: after)
            }
        }
        out += "    </body>\n  </text>\n</tbx>\n"
        return out
    }

    static func entry(_ row: GlossaryFile.Row, id: String, commentsAfter: [String] = []) -> String {
        let type = row["type"].isEmpty ? EntryType.term : EntryType(rawValue: row["type"])
        let pos = partOfSpeech(type)
        let status = EntryStatus(rawValue: row["status"]) ?? .preferred
        let statusValue = statusValues.first { $0.0 == status }!.1
        var out = "      <conceptEntry id=\"\(XMLText.attribute(id))\">\n"
        func descrip(_ kind: String, _ value: String) {
            out += "        <descrip type=\"\(XMLText.attribute(kind))\">\(XMLText.escape(value))</descrip>\n"
        }
        if !row["type"].isEmpty { descrip("subjectField", row["type"]) }
        if !row.comments.isEmpty { descrip("x-glossa-comment", row.comments.joined(separator: "\n")) }
        if !commentsAfter.isEmpty { descrip("x-glossa-comment-after", commentsAfter.joined(separator: "\n")) }
        if !row["orig"].isEmpty { descrip("x-glossa-orig", row["orig"]) }
        if !row["case"].isEmpty { descrip("x-glossa-case", row["case"]) }
        for (name, value) in row.fields.sorted(by: { $0.key < $1.key }) where !GlossaryFile.knownColumns.contains(name) {
            descrip("x-glossa-column-" + name, value)
        }
        if !row["source"].isEmpty { out += "        <admin type=\"source\">\(XMLText.escape(row["source"]))</admin>\n" }
        if !row["note"].isEmpty { out += "        <note>\(XMLText.escape(row["note"]))</note>\n" }
        out += "        <langSec xml:lang=\"de\">\n"
        out += termSec(row["de"], notes: [("partOfSpeech", pos), ("administrativeStatus", statusValue)])
        if !row["variants"].isEmpty {
            for variant in row["variants"].split(separator: "|", omittingEmptySubsequences: false) {
                out += termSec(String(variant), notes: [("partOfSpeech", pos), ("termType", "variant")])
            }
        }
        out += "        </langSec>\n"
        out += "        <langSec xml:lang=\"en\">\n"
        out += termSec(row["en"], notes: [("partOfSpeech", pos)])
        out += "        </langSec>\n"
        out += "      </conceptEntry>\n"
        return out
    }

    static func termSec(_ term: String, notes: [(String, String)]) -> String {
        var out = "          <termSec>\n            <term>\(XMLText.escape(term))</term>\n"
        for (kind, value) in notes {
            out += "            <termNote type=\"\(kind)\">\(XMLText.escape(value))</termNote>\n"
        }
        return out + "          </termSec>\n"
    }

    // MARK: - Import

    public struct ImportResult: Sendable {
        /// The glossary (rows in document order; format it for the canonical order).
        public var file: GlossaryFile
        /// Concept entries without both a German and an English term, with their lines.
        public var skipped: [(line: Int, reason: String)]
    }

    /// Reads a TBX document (TBX v3 `conceptEntry/langSec/termSec`, or TBX 2 / MARTIF
    /// `termEntry/langSet/tig|ntig`). Entries with a German and an English term become rows;
    /// others are skipped and listed. Data categories Glossa has no column for go to extra
    /// columns named `tbx-<type>` (extra English terms: `en-alternatives`), so nothing is dropped.
    public static func read(_ text: String, path: String, outputPath: String) throws(XMLReader.Error) -> ImportResult {
        let root = try XMLReader.parse(text, file: path)
        guard root.name == "tbx" || root.name == "martif" else {
            throw XMLReader.Error(file: path, line: root.line, column: 1, message: "not a TBX document (root element <\(root.name)>)")
        }
        var result = ImportResult(file: GlossaryFile(path: outputPath, columns: GlossaryFile.knownColumns), skipped: [])
        // Header paragraphs.
        for header in root.elements().filter({ $0.name == "tbxHeader" || $0.name == "martifHeader" }) {
            for p in descendants(of: header, named: "p") where p["type"] != "x-glossa-placeholder" {
                for line in p.text.split(separator: "\n") {
                    // A comment as Glossa wrote it is kept as it is (spaces too); other text is
                    // trimmed and made a comment.
                    if line.hasPrefix("#") {
                        result.file.headerComments.append(String(line))
                        continue
                    }
                    let text = String(line).trimmingSpaces()
                    if text.isEmpty { continue }
                    result.file.headerComments.append(text.hasPrefix("#") ? text : "# " + text)
                }
            }
        }
        var extraColumns = Set<String>()
        // Comments that come after a concept (`x-glossa-comment-after`, and those of a skipped
        // concept): above the next row, or at the end of the file.
        var carried: [String] = []
        for concept in descendants(of: root, named: ["conceptEntry", "termEntry"]) {
            var fields: [String: String] = [:]
            var comments: [String] = carried
            var commentsAfter: [String] = []
            carried = []
            func addExtra(_ type: String, _ value: String) {
                let name = "tbx-" + type.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }
                extraColumns.insert(name)
                fields[name] = fields[name].map { $0 + "; " + value } ?? value
            }
            func auxiliary(_ element: XMLReader.Element) {
                let kind = element["type"] ?? ""
                let value = clean(element.text)
                switch (element.name, kind) {
                case ("descrip", "subjectField") where fields["type"] == nil: fields["type"] = value
                case ("descrip", "x-glossa-orig"): fields["orig"] = value
                case ("descrip", "x-glossa-case"): fields["case"] = value
                case ("descrip", "x-glossa-comment"): comments += element.text.split(separator: "\n").map(String.init)
                case ("descrip", "x-glossa-comment-after"): commentsAfter += element.text.split(separator: "\n").map(String.init)
                case ("admin", "source") where fields["source"] == nil: fields["source"] = value
                case ("note", _) where fields["note"] == nil: fields["note"] = value
                case ("descrip", _) where kind.hasPrefix("x-glossa-column-"):
                    let name = String(kind.dropFirst("x-glossa-column-".count))
                    extraColumns.insert(name)
                    fields[name] = value
                case ("descrip", _), ("admin", _), ("note", _):
                    addExtra(kind.isEmpty ? element.name : kind, value)
                case ("descripGrp", _), ("adminGrp", _):
                    for child in element.elements() { auxiliary(child) }
                default: break
                }
            }
            var german: [(term: String, notes: [String: String])] = []
            var english: [(term: String, notes: [String: String])] = []
            for child in concept.elements() {
                if child.name == "langSec" || child.name == "langSet" {
                    let language = (child["xml:lang"] ?? "").lowercased()
                    for item in child.elements() {
                        if ["termSec", "tig", "ntig"].contains(item.name) {
                            guard let term = descendants(of: item, named: "term").first else { continue }
                            var notes: [String: String] = [:]
                            for note in descendants(of: item, named: "termNote") { notes[note["type"] ?? ""] = clean(note.text) }
                            let pair = (clean(term.text), notes)
                            if language == "de" || language.hasPrefix("de-") { german.append(pair) }
                            if language == "en" || language.hasPrefix("en-") { english.append(pair) }
                            // Term-level descriptions of the German and English terms.
                            if language.hasPrefix("de") || language.hasPrefix("en") {
                                for aux in item.elements() where ["descrip", "admin", "note", "descripGrp", "adminGrp"].contains(aux.name) {
                                    addExtra("\(language.prefix(2))-\(aux["type"] ?? aux.name)", clean(aux.text))
                                }
                            }
                        } else {
                            if language.hasPrefix("de") || language.hasPrefix("en"), ["descrip", "admin", "note"].contains(item.name) {
                                addExtra("\(language.prefix(2))-\(item["type"] ?? item.name)", clean(item.text))
                            }
                        }
                    }
                } else {
                    auxiliary(child)
                }
            }
            guard !german.isEmpty, !english.isEmpty else {
                let id = concept["id"].map { " '\($0)'" } ?? ""
                result.skipped.append((concept.line, "concept entry\(id) has no \(german.isEmpty ? "German" : "English") term"))
                carried = comments + commentsAfter
                continue
            }
            carried = commentsAfter
            // The German headword: the first term that is not marked as a variant.
            let mainIndex = german.firstIndex { $0.notes["termType"] != "variant" } ?? 0
            let main = german[mainIndex]
            fields["de"] = main.term
            let variants = german.enumerated().filter { $0.offset != mainIndex }.map(\.element.term)
            if !variants.isEmpty { fields["variants"] = variants.joined(separator: "|") }
            if let status = main.notes["administrativeStatus"], let known = statusValues.first(where: { $0.1 == status }) {
                if known.0 != .preferred { fields["status"] = known.0.rawValue }
            }
            // The English: the first preferred term, else the first.
            let englishIndex = english.firstIndex { $0.notes["administrativeStatus"] == "preferredTerm-admn-sts" } ?? 0
            fields["en"] = english[englishIndex].term
            let others = english.enumerated().filter { $0.offset != englishIndex }.map(\.element.term)
            if !others.isEmpty {
                fields["en-alternatives"] = others.joined(separator: "|")
                extraColumns.insert("en-alternatives")
            }
            // Term notes Glossa derives or has no column for: kept in extra columns.
            let derivedPOS = partOfSpeech((fields["type"] ?? "").isEmpty ? .term : EntryType(rawValue: fields["type"]!))
            for (language, notes) in [("de", main.notes), ("en", english[englishIndex].notes)] {
                for (kind, value) in notes.sorted(by: { $0.key < $1.key }) {
                    if kind == "administrativeStatus" && (language == "de" || value == "preferredTerm-admn-sts") { continue }
                    if kind == "termType" && language == "de" { continue }
                    if kind == "partOfSpeech" && value == derivedPOS { continue }
                    addExtra("\(language)-\(kind)", value)
                }
            }
            if fields["de"]!.isEmpty || fields["en"]!.isEmpty {
                result.skipped.append((concept.line, "concept entry has an empty term"))
                carried = comments + commentsAfter
                continue
            }
            result.file.rows.append(GlossaryFile.Row(comments: comments, fields: fields.filter { !$0.value.isEmpty }))
        }
        result.file.trailingComments = carried
        result.file.columns += extraColumns.sorted()
        return result
    }

    /// Text with runs of white space (line breaks, indentation) made one space, trimmed.
    static func clean(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ")
    }

    static func descendants(of element: XMLReader.Element, named name: String) -> [XMLReader.Element] {
        descendants(of: element, named: [name])
    }

    static func descendants(of element: XMLReader.Element, named names: Set<String>) -> [XMLReader.Element] {
        var out: [XMLReader.Element] = []
        for child in element.elements() {
            if names.contains(child.name) { out.append(child) } else { out += descendants(of: child, named: names) }
        }
        return out
    }
}
