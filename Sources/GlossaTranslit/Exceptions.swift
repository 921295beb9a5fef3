import Foundation
import GlossaICU

/// A conventional name that the schemes do not produce (Moskau / Moscow, Kiew / Kyiv,
/// Jelzin / Yeltsin): one row of `Glossaries/translit/exceptions.tsv`.
public struct NameException: Sendable, Hashable {
    /// The name in Cyrillic.
    public let orig: String
    /// The German press spelling.
    public let de: String
    /// The English press spelling.
    public let en: String
    /// `ru`, `uk` or `be`; empty for any.
    public let language: String
    public let note: String
    /// Where it was read from (file and line), for messages.
    public let line: Int

    public init(orig: String, de: String, en: String, language: String = "", note: String = "", line: Int = 0) {
        self.orig = orig
        self.de = de
        self.en = en
        self.language = language
        self.note = note
        self.line = line
    }

    func applies(to language: SourceLanguage) -> Bool {
        self.language.isEmpty || self.language == language.rawValue
    }
}

/// The exceptions table: whole-word lookup by the Cyrillic form, or by the German form.
public struct ExceptionTable: Sendable {
    public let entries: [NameException]
    private let byOrig: [String: [NameException]]
    private let byGerman: [String: [NameException]]
    /// How many hyphen-joined parts the longest Cyrillic key has.
    let maxParts: Int

    public static let empty = ExceptionTable(entries: [])

    public init(entries: [NameException]) {
        self.entries = entries
        var orig: [String: [NameException]] = [:]
        var german: [String: [NameException]] = [:]
        var parts = 1
        for entry in entries {
            orig[Self.key(entry.orig), default: []].append(entry)
            german[Self.key(entry.de), default: []].append(entry)
            parts = max(parts, entry.orig.split(separator: "-").count)
        }
        byOrig = orig
        byGerman = german
        maxParts = parts
    }

    /// The lookup key: NFC, lower case, ё kept.
    static func key(_ text: String) -> String {
        let normalized = (try? ICUText.normalize(text, .nfc)) ?? text
        return normalized.lowercased()
    }

    /// The exception for a Cyrillic word in `language`.
    public func lookup(orig: String, language: SourceLanguage) -> NameException? {
        byOrig[Self.key(orig)]?.first { $0.applies(to: language) }
    }

    /// The exception whose German form is `german`.
    public func lookup(german: String) -> NameException? {
        byGerman[Self.key(german)]?.first
    }

    /// Whether `de`/`en` is a recorded spelling pair for the Cyrillic word `orig`.
    public func entries(orig: String) -> [NameException] { byOrig[Self.key(orig)] ?? [] }

    /// Parses the TSV format: `#` comments, a header naming at least `orig`, `de`, `en`
    /// (optional `lang`, `note`), TAB-separated fields.
    public static func parse(_ text: String, file: String = "exceptions.tsv") throws(TranslitError) -> ExceptionTable {
        var header: [String]?
        var entries: [NameException] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let columns = header else {
                header = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                for required in ["orig", "de", "en"] where !(header!.contains(required)) {
                    throw TranslitError("\(file):\(index + 1):1: the header has no '\(required)' column")
                }
                continue
            }
            guard fields.count <= columns.count else {
                throw TranslitError("\(file):\(index + 1):1: \(fields.count) fields, but the header has \(columns.count)")
            }
            func field(_ name: String) -> String {
                guard let position = columns.firstIndex(of: name), position < fields.count else { return "" }
                return fields[position]
            }
            let entry = NameException(orig: field("orig"), de: field("de"), en: field("en"),
                                      language: field("lang"), note: field("note"), line: index + 1)
            for (name, value) in [("orig", entry.orig), ("de", entry.de), ("en", entry.en)] where value.isEmpty {
                throw TranslitError("\(file):\(index + 1):1: empty '\(name)' field")
            }
            entries.append(entry)
        }
        return ExceptionTable(entries: entries)
    }

    /// Reads a table from a file.
    public static func load(contentsOf url: URL) throws(TranslitError) -> ExceptionTable {
        try parse(readDataFile(url), file: url.path)
    }

    /// The text of one of the transliteration data files (this table, the look-alike names), or
    /// an error naming the file.
    static func readDataFile(_ url: URL) throws(TranslitError) -> String {
        do { return try String(contentsOf: url, encoding: .utf8) } catch {
            throw TranslitError("\(url.path): cannot read: \(error.localizedDescription)")
        }
    }

    /// Where the bundled table is: `$GLOSSA_GLOSSARIES/translit/exceptions.tsv`, a `Glossaries`
    /// folder beside the executable or in `../share/glossa`, then the package's own folder.
    public static func defaultLocation(executable: URL? = Bundle.main.executableURL) -> URL? {
        var candidates: [URL] = []
        if let root = ProcessInfo.processInfo.environment["GLOSSA_GLOSSARIES"], !root.isEmpty {
            candidates.append(URL(fileURLWithPath: root))
        }
        if let executable {
            let folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent("Glossaries"))
            candidates.append(folder.deletingLastPathComponent().appendingPathComponent("share/glossa/Glossaries"))
        }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(package.appendingPathComponent("Glossaries"))
        for root in candidates {
            let url = root.appendingPathComponent("translit/exceptions.tsv")
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
    }

    /// The bundled table, or an error when it cannot be found or read.
    public static func bundled() throws(TranslitError) -> ExceptionTable {
        guard let url = defaultLocation() else {
            throw TranslitError("translit/exceptions.tsv not found (set GLOSSA_GLOSSARIES to the Glossaries folder)")
        }
        return try load(contentsOf: url)
    }
}
