import Foundation
import GlossaICU

/// Names that look like German transcriptions of Russian, Ukrainian or Belarusian surnames but
/// are not (German surnames of Slavic origin such as Modrow, Ramelow, Nowitzki; Polish ones
/// such as Podolski, Lewandowski): `Glossaries/translit/look-alikes.tsv`. Name guesses skip
/// them, since no spelling rule can tell Podolski from Подольский.
public struct LookAlikeNames: Sendable {
    /// The names, as the file writes them (column `de`).
    public let names: [String]
    private let keys: Set<String>

    public static let empty = LookAlikeNames(names: [])

    public init(names: [String]) {
        self.names = names
        keys = Set(names.map(Self.key))
    }

    /// The lookup key: NFC, lower case.
    static func key(_ text: String) -> String {
        ((try? ICUText.normalize(text, .nfc)) ?? text).lowercased()
    }

    /// Whether `word` is one of the names (case-insensitive).
    public func contains(_ word: String) -> Bool {
        !keys.isEmpty && keys.contains(Self.key(word))
    }

    /// Parses the file: `#` comments, a header naming at least `de`, TAB-separated fields
    /// (the other columns, `en`, `origin` and `note`, are for the reader).
    public static func parse(_ text: String, file: String = "look-alikes.tsv") throws(TranslitError) -> LookAlikeNames {
        var column: Int?
        var width = 0
        var names: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let position = column else {
                let header = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard let position = header.firstIndex(of: "de") else {
                    throw TranslitError("\(file):\(index + 1):1: the header has no 'de' column")
                }
                column = position
                width = header.count
                continue
            }
            guard fields.count <= width else {
                throw TranslitError("\(file):\(index + 1):1: \(fields.count) fields, but the header has \(width)")
            }
            let name = position < fields.count ? fields[position].trimmingCharacters(in: .whitespaces) : ""
            guard !name.isEmpty else { throw TranslitError("\(file):\(index + 1):\(position + 1): empty 'de' field") }
            names.append(name)
        }
        return LookAlikeNames(names: names)
    }

    /// Reads the list from a file.
    public static func load(contentsOf url: URL) throws(TranslitError) -> LookAlikeNames {
        try parse(ExceptionTable.readDataFile(url), file: url.path)
    }

    /// The bundled list (`translit/look-alikes.tsv` beside the exceptions table), or an error
    /// when it cannot be found or read.
    public static func bundled() throws(TranslitError) -> LookAlikeNames {
        guard let exceptions = ExceptionTable.defaultLocation() else {
            throw TranslitError("translit/look-alikes.tsv not found (set GLOSSA_GLOSSARIES to the Glossaries folder)")
        }
        return try load(contentsOf: exceptions.deletingLastPathComponent().appendingPathComponent("look-alikes.tsv"))
    }
}
