import Foundation
import GlossaICU

/// An error of the transliteration module: a rule file that is missing or does not compile,
/// a data file that does not parse, or an unsupported language pair.
public struct TranslitError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// One compiled rule file: the context phase and the letter phase (see `Rules/ru-de.txt`).
///
/// A rule file is ICU transform rule text. The line `#@letters` splits it in two: the rules
/// above it (the context phase) rewrite each letter of a lower-cased word into exactly one
/// character, a letter or a private-use marker; the rules below it (the letter phase) map
/// each of those characters on its own. Because the context phase keeps the length, Glossa
/// knows which output belongs to which input letter and can restore case letter by letter.
///
/// Not shareable between threads (ICU transliterators are not); open one per thread.
public final class RuleFile {
    /// The file name without extension, such as `ru-de`.
    public let name: String
    private let context: Transliterator?
    private let letters: Transliterator
    private var letterCache: [Unicode.Scalar: String] = [:]
    private var wordCache: [String: String] = [:]

    /// The line that separates the two phases.
    public static let separator = "#@letters"

    /// Compiles rule text. `name` is used in error messages and as the ICU ID.
    /// - Throws: `TranslitError` naming the file, the phase's first line in the file, and ICU's
    ///   line and offset when ICU does not accept the rules.
    public init(name: String, text: String) throws(TranslitError) {
        self.name = name
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let split = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == Self.separator }) else {
            throw TranslitError("Rules/\(name).txt: no '\(Self.separator)' line separating the context phase from the letter phase")
        }
        let contextText = lines[..<split].joined(separator: "\n")
        let letterText = lines[(split + 1)...].joined(separator: "\n")
        func compile(_ rules: String, phase: String, firstLine: Int) throws(TranslitError) -> Transliterator {
            do {
                return try Transliterator(id: "Glossa-\(name)-\(phase)", rules: rules)
            } catch {
                var message = "Rules/\(name).txt: the \(phase) phase (from line \(firstLine)) does not compile: \(error.name)"
                if let line = error.ruleLine, let offset = error.ruleOffset {
                    message += " at ICU rule line \(line), offset \(offset)"
                    let fileLine = Self.fileLine(ofOffset: offset, in: rules, firstLine: firstLine)
                    message += " (near file line \(fileLine))"
                }
                throw TranslitError(message)
            }
        }
        let hasContextRules = contextText.split(separator: "\n").contains { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }
        context = hasContextRules ? try compile(contextText, phase: "context", firstLine: 1) : nil
        letters = try compile(letterText, phase: "letters", firstLine: split + 2)
    }

    /// The 1-based file line of a UTF-16 offset into a phase's rule text.
    static func fileLine(ofOffset offset: Int, in rules: String, firstLine: Int) -> Int {
        var line = firstLine
        for (index, unit) in rules.utf16.enumerated() {
            if index >= offset { break }
            if unit == 0x0A { line += 1 }
        }
        return line
    }

    /// Loads `Rules/<name>.txt` from the module's bundle.
    public convenience init(bundled name: String) throws(TranslitError) {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Rules")
            ?? Bundle.module.url(forResource: name, withExtension: "txt") else {
            throw TranslitError("Rules/\(name).txt: no such rule file in the GlossaTranslit bundle")
        }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw TranslitError("Rules/\(name).txt: cannot read: \(error.localizedDescription)")
        }
        try self.init(name: name, text: text)
    }

    /// The names of the bundled rule files.
    public static var bundledNames: [String] {
        var names = Set<String>()
        guard let root = Bundle.module.resourceURL else { return [] }
        for folder in [root.appendingPathComponent("Rules"), root] {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files where file.hasSuffix(".txt") {
                names.insert(String(file.dropLast(4)))
            }
        }
        return names.sorted()
    }

    /// Runs the context phase on a lower-case word: one output character per input character.
    public func contextPhase(_ word: String) -> String {
        context?.transliterate(word) ?? word
    }

    /// The letter phase for one character of the context phase's output.
    public func letter(_ scalar: Unicode.Scalar) -> String {
        if let cached = letterCache[scalar] { return cached }
        let output = letters.transliterate(String(scalar))
        letterCache[scalar] = output
        return output
    }

    /// Transliterates one word, keeping the case of each letter: an upper-case letter gives a
    /// capitalized output ("Щ" → "Schtsch"), or an all-caps one when the whole word is in
    /// capitals ("ЩУКА" → "SCHTSCHUKA").
    public func transliterateWord(_ word: String) -> String {
        if let cached = wordCache[word] { return cached }
        let output = convertWord(word)
        if wordCache.count > 100_000 { wordCache.removeAll(keepingCapacity: true) }
        wordCache[word] = output
        return output
    }

    private func convertWord(_ word: String) -> String {
        let original = Array(word.unicodeScalars)
        let lower = original.map { Self.lowercase($0) }
        var lowerWord = String.UnicodeScalarView()
        lowerWord.append(contentsOf: lower)
        let marked = Array(contextPhase(String(lowerWord)).unicodeScalars)
        let letterCount = original.filter { $0.properties.isAlphabetic }.count
        let allCaps = letterCount > 1 && original.allSatisfy { !$0.properties.isAlphabetic || $0.properties.isUppercase }
        guard marked.count == original.count else {
            // A context phase that changed the length: no letter alignment, so case by word.
            var output = ""
            for scalar in marked { output += letter(scalar) }
            return Self.applyWordCase(of: word, to: output)
        }
        var output = ""
        for (source, mark) in zip(original, marked) {
            let piece = letter(mark)
            if source.properties.isUppercase {
                output += allCaps ? piece.uppercased() : Self.capitalizeFirstLetter(piece)
            } else {
                output += piece
            }
        }
        return output
    }

    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let lowered = scalar.properties.lowercaseMapping.unicodeScalars
        return lowered.count == 1 ? lowered.first! : scalar
    }

    /// Upper-cases the first letter of `text` ("·y" → "·Y").
    public static func capitalizeFirstLetter(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        guard let index = scalars.firstIndex(where: { $0.properties.isAlphabetic }) else { return text }
        let upper = Array(scalars[index].properties.titlecaseMapping.unicodeScalars)
        scalars.replaceSubrange(index...index, with: upper)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Gives `output` the case pattern of `source` as a whole: all caps, capitalized or as is.
    public static func applyWordCase(of source: String, to output: String) -> String {
        let letters = source.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard let first = letters.first else { return output }
        if letters.count > 1 && letters.allSatisfy({ $0.properties.isUppercase }) { return output.uppercased() }
        if first.properties.isUppercase { return capitalizeFirstLetter(output) }
        return output
    }
}
