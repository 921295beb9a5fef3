/// One row of a names file (`lang`, `orig`, `de`, `en`): a real name and its press spellings.
public struct NameRow: Sendable, Equatable {
    public let language: SourceLanguage
    public let orig: String
    public let de: String
    public let en: String
    public let line: Int
}

/// The exact-match accuracy of one direction on a names file.
public struct AccuracyFigure: Sendable {
    /// Such as `ru→de`.
    public let direction: String
    /// Whether the exceptions table was off.
    public let strict: Bool
    public let correct: Int
    public let total: Int
    /// The rows that did not match: input, expected, produced.
    public let misses: [(input: String, expected: String, produced: String)]

    public var ratio: Double { total == 0 ? 0 : Double(correct) / Double(total) }
    public var percent: String {
        let tenths = Int((ratio * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

/// Measures the schemes against a names file.
public enum NameAccuracy {
    /// Parses a names file: `#` comments, a header with `lang`, `orig`, `de`, `en`, TAB-separated rows.
    public static func parse(_ text: String, file: String = "names.tsv") throws(TranslitError) -> [NameRow] {
        var header: [String]?
        var rows: [NameRow] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let columns = header else {
                header = fields
                for name in ["lang", "orig", "de", "en"] where !fields.contains(name) {
                    throw TranslitError("\(file):\(index + 1):1: the header has no '\(name)' column")
                }
                continue
            }
            func field(_ name: String) -> String {
                guard let position = columns.firstIndex(of: name), position < fields.count else { return "" }
                return fields[position]
            }
            guard let language = SourceLanguage(rawValue: field("lang")), [.ru, .uk, .be].contains(language) else {
                throw TranslitError("\(file):\(index + 1):1: unknown language '\(field("lang"))'")
            }
            rows.append(NameRow(language: language, orig: field("orig"), de: field("de"), en: field("en"), line: index + 1))
        }
        return rows
    }

    /// The figures for ru→de, ru→en, uk→de, uk→en, be→de, be→en and de→en (German input of
    /// the Russian rows, compared with their English), with the given engine's exceptions
    /// (`strict: false`) or without them (`strict: true`).
    public static func measure(_ rows: [NameRow], engine: Transliteration, strict: Bool) throws(TranslitError) -> [AccuracyFigure] {
        var figures: [AccuracyFigure] = []
        for language in [SourceLanguage.ru, .uk, .be] {
            let subset = rows.filter { $0.language == language }
            guard !subset.isEmpty else { continue }
            for target in [TargetForm.de, .en] {
                var correct = 0
                var misses: [(input: String, expected: String, produced: String)] = []
                for row in subset {
                    let expected = target == .de ? row.de : row.en
                    let produced = try engine.transliterate(row.orig, from: language, to: target, strict: strict)
                    if produced == expected { correct += 1 } else { misses.append((row.orig, expected, produced)) }
                }
                figures.append(AccuracyFigure(direction: "\(language.rawValue)→\(target.rawValue)", strict: strict,
                                              correct: correct, total: subset.count, misses: misses))
            }
        }
        let russian = rows.filter { $0.language == .ru }
        if !russian.isEmpty {
            var correct = 0
            var misses: [(input: String, expected: String, produced: String)] = []
            for row in russian {
                let produced = try engine.germanNames(row.de, to: .en, strict: strict)
                if produced == row.en { correct += 1 } else { misses.append((row.de, row.en, produced)) }
            }
            figures.append(AccuracyFigure(direction: "de→en", strict: strict, correct: correct, total: russian.count, misses: misses))
        }
        return figures
    }

    /// A plain-text table of figures.
    public static func report(_ figures: [AccuracyFigure], showMisses: Bool = false) -> String {
        var text = ""
        for figure in figures {
            let mode = figure.strict ? "strict" : "with exceptions"
            text += "\(figure.direction)\t\(mode)\t\(figure.correct)/\(figure.total)\t\(figure.percent)\n"
            if showMisses {
                for miss in figure.misses { text += "    \(miss.input) → \(miss.produced) (expected \(miss.expected))\n" }
            }
        }
        return text
    }
}
