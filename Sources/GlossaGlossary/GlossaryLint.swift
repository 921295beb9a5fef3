import GlossaICU
import GlossaStemmer
import GlossaText

/// One problem `glossa glossary lint` reports.
public struct LintFinding: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public let file: String
    /// 1-based line and column (column in Unicode scalars).
    public let line: Int
    public let column: Int
    public let severity: Severity
    public let code: String
    public let message: String

    public init(file: String, line: Int, column: Int, severity: Severity, code: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.code = code
        self.message = message
    }

    /// `file:line:column: severity: code: message`
    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(code): \(message)" }

    public static func < (a: LintFinding, b: LintFinding) -> Bool {
        (a.file, a.line, a.column, a.code, a.message) < (b.file, b.line, b.column, b.code, b.message)
    }
}

/// The checks of `glossa glossary lint`.
///
/// **Errors** are problems that break matching or an export, or lose meaning: a file that does
/// not parse (`syntax`), an exact duplicate row (`duplicate`), one German term with two English
/// renderings (`conflict`), text not in NFC (`not-nfc`), leading/trailing or double spaces
/// (`whitespace`, `double-space`), control characters and Unicode line/paragraph separators
/// (`control-character`), invisible characters and words mixing scripts (`mixed-script`),
/// Cyrillic outside `orig` (`script`), and terms an export target rejects (`export`: DeepL's
/// documented limit is 1024 UTF-8 bytes per source or target text; empty terms and control
/// characters, which DeepL's client libraries reject too, are already errors of their own).
///
/// **Warnings** are likely mistakes a person should look at: a term stored in an inflected form
/// (`inflected-form`), the same term in two spellings of case (`case-conflict`), look-alike terms
/// (`confusable`), the same German term and English in two rows that differ otherwise
/// (`redundant`), unknown `type` values (`unknown-type`), and empty or redundant variants
/// (`variant`).
public struct GlossaryLinter {
    public init() {}

    /// One file's text, as loaded.
    public struct Input: Sendable {
        public let path: String
        public let text: String
        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    private struct Row {
        let path: String
        let line: Int
        let fields: [String: String]
        /// 1-based start column of each column's field.
        let starts: [String: Int]
        var de: String { (fields["de"] ?? "").trimmingSpaces() }
        var en: String { (fields["en"] ?? "").trimmingSpaces() }
        var type: EntryType { (fields["type"] ?? "").isEmpty ? .term : EntryType(rawValue: fields["type"]!) }
        func column(_ name: String) -> Int { starts[name] ?? 1 }
    }

    /// Lints files together (duplicates and conflicts are found across files too).
    public func lint(_ inputs: [Input]) throws(ICUError) -> [LintFinding] {
        var findings: [LintFinding] = []
        var rows: [Row] = []
        let spoof = try SpoofChecker()
        for input in inputs {
            let file: GlossaryFile
            do {
                file = try GlossaryFile.parse(input.text, path: input.path)
            } catch {
                findings.append(LintFinding(file: error.file, line: max(error.line, 1), column: max(error.column, 1), severity: .error,
                                            code: "syntax", message: error.message))
                continue
            }
            let lines = input.text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            for row in file.rows {
                var raw = Substring(lines[row.line - 1])
                if raw.hasSuffix("\r") { raw = raw.dropLast() }
                var starts: [String: Int] = [:]
                var column = 1
                for (index, value) in raw.split(separator: "\t", omittingEmptySubsequences: false).enumerated() where index < file.columns.count {
                    starts[file.columns[index]] = column
                    column += value.unicodeScalars.count + 1
                }
                let parsed = Row(path: input.path, line: row.line, fields: row.fields, starts: starts)
                rows.append(parsed)
                try checkFields(parsed, spoof: spoof, into: &findings)
            }
        }
        checkAcrossRows(rows, into: &findings)
        checkVariantCollisions(rows, into: &findings)
        try checkConfusables(rows, spoof: spoof, into: &findings)
        checkInflectedForms(rows, into: &findings)
        // Transliteration findings are opt-in: see `GlossaryLinter.transliterationFindings`
        // (`glossa glossary lint --translit`).
        return findings.sorted()
    }

    // MARK: - One row

    private func checkFields(_ row: Row, spoof: SpoofChecker, into findings: inout [LintFinding]) throws(ICUError) {
        func report(_ column: String, _ offset: Int, _ severity: LintFinding.Severity, _ code: String, _ message: String) {
            findings.append(LintFinding(file: row.path, line: row.line, column: row.column(column) + offset, severity: severity, code: code, message: message))
        }
        for (name, value) in row.fields.sorted(by: { $0.key < $1.key }) {
            if !(try ICUText.isNormalized(value, .nfc)) {
                report(name, 0, .error, "not-nfc", "'\(name)' is not in Unicode NFC (run glossa glossary fmt)")
            }
            let scalars = Array(value.unicodeScalars)
            for (offset, scalar) in scalars.enumerated() {
                let category = scalar.properties.generalCategory
                if category == .control || category == .lineSeparator || category == .paragraphSeparator {
                    report(name, offset, .error, "control-character",
                           "'\(name)' holds \(Self.codePoint(scalar)), which glossary exports (DeepL, Google) reject")
                } else if category == .format && scalar.value != 0xAD {
                    report(name, offset, .error, "mixed-script", "'\(name)' holds the invisible character \(Self.codePoint(scalar))")
                }
            }
            if let first = scalars.first, first.properties.isWhitespace {
                report(name, 0, .error, "whitespace", "'\(name)' starts with white space")
            }
            if let last = scalars.last, last.properties.isWhitespace, scalars.count > 0 {
                report(name, scalars.count - 1, .error, "whitespace", "'\(name)' ends with white space")
            }
            if let range = value.range(of: "  ") {
                report(name, value.unicodeScalars.distance(from: value.unicodeScalars.startIndex, to: range.lowerBound), .error,
                       "double-space", "'\(name)' holds two spaces in a row")
            }
            // Scripts: Cyrillic (and other non-Latin scripts) belong in `orig` only.
            if name != "orig" && name != "note" && name != "source" {
                let scripts = Script.scripts(of: value)
                if scripts.contains(.cyrillic) {
                    report(name, 0, .error, "script", "'\(name)' holds Cyrillic letters; the original script goes in 'orig'")
                }
            }
            if ["de", "en", "variants", "orig"].contains(name) {
                for word in value.split(whereSeparator: { $0 == " " || $0 == "|" || $0 == "-" }) {
                    let scripts = Script.scripts(of: String(word))
                    if scripts.count > 1 {
                        report(name, 0, .error, "mixed-script",
                               "'\(word)' in '\(name)' mixes scripts (\(scripts.map(\.code).sorted().joined(separator: ", "))): a look-alike letter?")
                    } else if try spoof.check(String(word)).contains(.invisible) {
                        report(name, 0, .error, "mixed-script", "'\(word)' in '\(name)' holds invisible characters")
                    }
                }
            }
        }
        // Export rules (DeepL: each source and target text at most 1024 UTF-8 bytes, not empty).
        for name in ["de", "en"] {
            let value = row.fields[name] ?? ""
            if value.utf8.count > 1024 {
                report(name, 0, .error, "export", "'\(name)' is \(value.utf8.count) UTF-8 bytes; DeepL glossaries allow at most 1024")
            }
        }
        if let variants = row.fields["variants"] {
            // Each finding points at its own item, so two empty items are two places to fix,
            // not one line printed twice.
            var offset = 0
            for variant in variants.split(separator: "|", omittingEmptySubsequences: false) {
                defer { offset += variant.unicodeScalars.count + 1 }
                let clean = String(variant).trimmingSpaces()
                if clean.isEmpty {
                    report("variants", offset, .warning, "variant", "empty variant in 'variants'")
                } else if clean == row.de {
                    report("variants", offset, .warning, "variant", "variant '\(clean)' repeats 'de'")
                } else if clean.utf8.count > 1024 {
                    report("variants", offset, .error, "export", "a variant is \(clean.utf8.count) UTF-8 bytes; DeepL glossaries allow at most 1024")
                }
            }
        }
        if let type = row.fields["type"], !EntryType.known.contains(EntryType(rawValue: type)) {
            report("type", 0, .warning, "unknown-type",
                   "unknown type '\(type)' (known: \(EntryType.known.map(\.rawValue).joined(separator: ", ")))")
        }
        // Unknown `status` and `case` values are syntax errors of the format (see GlossaryFile.parse).
    }

    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    // MARK: - Across rows and files

    private func checkAcrossRows(_ rows: [Row], into findings: inout [LintFinding]) {
        var byTerm: [String: [Row]] = [:]
        var byFolded: [String: [Row]] = [:]
        for row in rows {
            byTerm[row.de, default: []].append(row)
            byFolded[row.de.lowercased(), default: []].append(row)
        }
        for row in rows {
            let same = byTerm[row.de] ?? []
            guard let firstIndex = same.firstIndex(where: { $0.path == row.path && $0.line == row.line }) else { continue }
            for earlier in same[..<firstIndex] {
                let place = "\(earlier.path):\(earlier.line)"
                if earlier.fields == row.fields {
                    findings.append(LintFinding(file: row.path, line: row.line, column: row.column("de"), severity: .error, code: "duplicate",
                                                message: "'\(row.de)' duplicates the entry at \(place)"))
                    break
                } else if earlier.en != row.en {
                    findings.append(LintFinding(file: row.path, line: row.line, column: row.column("en"), severity: .error, code: "conflict",
                                                message: "'\(row.de)' is '\(row.en)' here but '\(earlier.en)' at \(place)"))
                    break
                } else {
                    findings.append(LintFinding(file: row.path, line: row.line, column: row.column("de"), severity: .warning, code: "redundant",
                                                message: "'\(row.de)' → '\(row.en)' is also at \(place), with other fields"))
                    break
                }
            }
        }
        for (_, group) in byFolded.sorted(by: { $0.key < $1.key }) {
            let spellings = Set(group.map(\.de))
            guard spellings.count > 1, let first = group.first else { continue }
            for row in group where row.de != first.de {
                findings.append(LintFinding(file: row.path, line: row.line, column: row.column("de"), severity: .warning, code: "case-conflict",
                                            message: "'\(row.de)' and '\(first.de)' (\(first.path):\(first.line)) differ only in case; keep one entry with a 'case' rule, or both on purpose"))
            }
        }
    }

    /// A variant that is another entry's term or variant with another English: exports that
    /// turn variants into entries (DeepL, Google) get the same source term twice.
    private func checkVariantCollisions(_ rows: [Row], into findings: inout [LintFinding]) {
        var owner: [String: Row] = [:]
        for row in rows where owner[row.de] == nil { owner[row.de] = row }
        for row in rows {
            for variant in (row.fields["variants"] ?? "").split(separator: "|").map({ String($0).trimmingSpaces() }) where !variant.isEmpty && variant != row.de {
                if let other = owner[variant], other.en != row.en {
                    findings.append(LintFinding(file: row.path, line: row.line, column: row.column("variants"), severity: .warning, code: "variant",
                                                message: "variant '\(variant)' is also an entry of its own ('\(other.en)', \(other.path):\(other.line)); DeepL and Google exports keep only one"))
                } else if owner[variant] == nil {
                    owner[variant] = row
                }
            }
        }
    }

    private func checkConfusables(_ rows: [Row], spoof: SpoofChecker, into findings: inout [LintFinding]) throws(ICUError) {
        var bySkeleton: [String: Row] = [:]
        for row in rows {
            let skeleton = try spoof.skeleton(row.de)
            if let other = bySkeleton[skeleton] {
                if other.de != row.de && other.de.lowercased() != row.de.lowercased() {
                    findings.append(LintFinding(file: row.path, line: row.line, column: row.column("de"), severity: .warning, code: "confusable",
                                                message: "'\(row.de)' looks like '\(other.de)' (\(other.path):\(other.line))"))
                }
            } else {
                bySkeleton[skeleton] = row
            }
        }
    }

    private func singular(_ english: String) -> String { english.lowercased() }

    /// Entries stored in an inflected form instead of the dictionary form.
    private func checkInflectedForms(_ rows: [Row], into findings: inout [LintFinding]) {
        var terms: [String: Row] = [:]
        for row in rows where terms[row.de] == nil { terms[row.de] = row }
        func report(_ row: Row, _ message: String) {
            findings.append(LintFinding(file: row.path, line: row.line, column: row.column("de"), severity: .warning, code: "inflected-form", message: message))
        }
        for row in rows {
            let de = row.de
            if row.type.isName {
                // A name's genitive: "Russlands" when "Russland" is there.
                if let base = GermanGenitive.baseForms(of: de).first(where: { terms[$0]?.type.isName == true }) {
                    report(row, "'\(de)' looks like the genitive of '\(base)' (\(terms[base]!.path):\(terms[base]!.line)); store the nominative")
                    continue
                }
                // A person's surname with a genitive s the English lacks ("Wladimir Putins" → "Vladimir Putin").
                if row.type == .person, let last = de.split(separator: " ").last, let english = row.en.split(separator: " ").last,
                   last.count > 3, last.hasSuffix("s"), !english.hasSuffix("s"), !english.hasSuffix("z"), !english.hasSuffix("x"),
                   last.dropLast().lowercased() == english.lowercased() {
                    report(row, "'\(de)' ends in a genitive s ('\(english)' in English); store the nominative")
                }
                continue
            }
            // A plural stored beside its singular: "Sanktionen" when "Sanktion" is there.
            guard de.count >= 4, !de.contains(" ") else { continue }
            for suffix in ["nen", "en", "n", "e", "er", "s"] where de.hasSuffix(suffix) {
                let base = String(de.dropLast(suffix.count))
                // The English must agree ("sanctions"/"sanction"), so that derived words
                // ("Botschafter" ambassador / "Botschaft" embassy) are not reported.
                let singularEnglish = singular(terms[base]?.en ?? "")
                if let singular = terms[base], singular.type == row.type,
                   row.en.lowercased().hasPrefix(String(singularEnglish.prefix(max(3, singularEnglish.count - 1)))) {
                    report(row, "'\(de)' looks like an inflected form (plural?) of '\(base)' (\(singular.path):\(singular.line)); the matcher finds inflected forms")
                    break
                }
            }
        }
    }
}
