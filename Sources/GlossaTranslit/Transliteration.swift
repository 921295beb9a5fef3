import Foundation
import GlossaICU

/// A piece of text: a Cyrillic word (letters, stress marks and inner apostrophes), a Latin
/// word, or anything else.
public struct TextPiece: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case cyrillic, latin, other }
    public let kind: Kind
    public let text: String
}

/// Converts names between Cyrillic and their German and English press spellings.
///
/// Holds compiled ICU transliterators, so it is not shareable between threads: open one per
/// thread (opening compiles the rule files on first use, a few milliseconds each).
public final class Transliteration {
    public let exceptions: ExceptionTable
    private var compiled: [String: RuleFile] = [:]

    public init(exceptions: ExceptionTable = .empty) {
        self.exceptions = exceptions
    }

    /// The compiled rule file `name` (cached).
    public func rules(_ name: String) throws(TranslitError) -> RuleFile {
        if let file = compiled[name] { return file }
        let file = try RuleFile(bundled: name)
        compiled[name] = file
        return file
    }

    // MARK: Text

    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0400...0x052F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return true
        default: return false
        }
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}"
    }

    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic && Script(of: scalar) == .latin
    }

    /// Splits text into Cyrillic words, Latin words and the rest. A Cyrillic word keeps
    /// combining marks and apostrophes between its letters (Ukrainian "Мар'їне").
    public static func pieces(of text: String) -> [TextPiece] {
        let scalars = Array(text.unicodeScalars)
        var result: [TextPiece] = []
        var index = 0
        func kind(_ scalar: Unicode.Scalar) -> TextPiece.Kind {
            if isCyrillic(scalar) { return .cyrillic }
            if isLatinLetter(scalar) { return .latin }
            return .other
        }
        while index < scalars.count {
            let start = index
            let current = kind(scalars[index])
            index += 1
            while index < scalars.count {
                let scalar = scalars[index]
                let next = kind(scalar)
                if next == current { index += 1; continue }
                if current != .other, scalar.properties.generalCategory == .nonspacingMark { index += 1; continue }
                if current != .other, isApostrophe(scalar),
                   index + 1 < scalars.count, kind(scalars[index + 1]) == current {
                    index += 1; continue
                }
                break
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<index])
            result.append(TextPiece(kind: current, text: String(view)))
        }
        return result
    }

    /// The language of a line of text, from its letters: і ї є ґ mean Ukrainian, ў Belarusian
    /// (і with ы or э but without ї and є is Belarusian too), other Cyrillic Russian, and
    /// Latin text without Cyrillic German.
    public static func detect(_ text: String) -> SourceLanguage {
        var cyrillic = false
        var letters = Set<Character>()
        for scalar in text.unicodeScalars where isCyrillic(scalar) {
            cyrillic = true
            letters.insert(Character(String(scalar).lowercased()))
        }
        guard cyrillic else { return .de }
        if letters.contains("ў") { return .be }
        if letters.contains("ї") || letters.contains("є") || letters.contains("ґ") { return .uk }
        // Ukrainian spells the suffix -ський / -цький with ь, Russian -ский / -цкий.
        let lower = text.lowercased()
        if lower.contains("ськ") || lower.contains("цьк") || lower.contains("зьк") { return .uk }
        if letters.contains("і") {
            return letters.contains("ы") || letters.contains("э") ? .be : .uk
        }
        return .ru
    }

    /// The languages whose alphabet and spelling admit a Cyrillic word, from its letters:
    /// і ї є ґ ў rule out Russian, as do Ukrainian -ськ, -цьк, -зьк; ё ы э ъ ў rule out
    /// Ukrainian; и щ ъ ї є ґ rule out Belarusian. One language left means the letters decide
    /// (Київ: Ukrainian; Горбачёв: not Ukrainian; Магілёў: Belarusian); Москва admits all three.
    public static func languages(ofWord word: String) -> Set<SourceLanguage> {
        let lower = word.lowercased()
        let letters = Set(lower)
        var result: Set<SourceLanguage> = [.ru, .uk, .be]
        if !letters.isDisjoint(with: "іїєґў") || lower.contains("ськ") || lower.contains("цьк") || lower.contains("зьк") {
            result.remove(.ru)
        }
        if !letters.isDisjoint(with: "ёыэъў") { result.remove(.uk) }
        if !letters.isDisjoint(with: "ищъїєґ") { result.remove(.be) }
        return result
    }

    /// The language a word (or a hyphen-joined name) of a line in `line` is read in, with
    /// automatic detection:
    /// 1. the language its letters leave, when they leave one (Київ, Горбачёв in any line);
    /// 2. else a language the exceptions table records the name for (`exceptionFor`), the
    ///    line's first: a conventional name is read as what it is (Москва in "Москва Київ" is
    ///    the Russian row, Moskau; Одеса in a Russian line the Ukrainian row, Odessa);
    /// 3. else the line's language, if the letters admit it (Володимир beside Зеленський);
    /// 4. else the word's own detection, else the first admitted of ru, uk, be.
    /// Letters that contradict each other leave the line's language.
    static func wordLanguage(_ words: [String], line: SourceLanguage,
                             exceptionFor: (SourceLanguage) -> Bool = { _ in false }) -> SourceLanguage {
        let admitted = words.reduce(Set<SourceLanguage>([.ru, .uk, .be])) { $0.intersection(languages(ofWord: $1)) }
        if admitted.count == 1 { return admitted.first! }
        if admitted.isEmpty { return line }
        let order = [line] + [SourceLanguage.ru, .uk, .be].filter { $0 != line }
        if let recorded = order.first(where: { admitted.contains($0) && exceptionFor($0) }) { return recorded }
        if admitted.contains(line) { return line }
        let own = detect(words.joined(separator: "-"))
        if admitted.contains(own) { return own }
        return [SourceLanguage.ru, .uk, .be].first { admitted.contains($0) } ?? line
    }

    /// Normalizes a Cyrillic word for the rules: NFC, stress accents removed.
    static func prepare(_ word: String) -> String {
        let decomposed = (try? ICUText.normalize(word, .nfd)) ?? word
        var view = String.UnicodeScalarView()
        view.append(contentsOf: decomposed.unicodeScalars.filter { $0 != "\u{0301}" && $0 != "\u{0300}" })
        return (try? ICUText.normalize(String(view), .nfc)) ?? String(view)
    }

    /// Transliterates `text`. Cyrillic words go through the scheme of the pair (after the
    /// exceptions table unless `strict`); other text passes unchanged. With `from: .de`,
    /// capitalized Latin words are treated as German-spelled names. With `from: .auto`, each
    /// word (a hyphen-joined name as one) is read in its own language where its letters decide,
    /// and in the line's language (`detect`) where they do not (see `wordLanguage`), so a line
    /// that mixes Russian and Ukrainian names converts each by its own scheme.
    public func transliterate(_ text: String, from: SourceLanguage, to target: TargetForm, strict: Bool = false) throws(TranslitError) -> String {
        let lineLanguage = from == .auto ? Self.detect(text) : from
        if lineLanguage == .de { return try fromGerman(text, to: target, strict: strict) }
        guard Scheme.forPair(lineLanguage, target) != nil else {
            throw TranslitError("no scheme from \(lineLanguage.rawValue) to \(target.rawValue)")
        }
        let pieces = Self.pieces(of: text)
        var output = ""
        var index = 0
        while index < pieces.count {
            let piece = pieces[index]
            guard piece.kind == .cyrillic else {
                output += piece.text
                index += 1
                continue
            }
            var language = lineLanguage
            if from == .auto {
                let name = Self.hyphenJoinedName(pieces, at: index)
                language = Self.wordLanguage(name, line: lineLanguage) { candidate in
                    !strict && self.exceptionMatch(pieces, at: index, language: candidate) != nil
                }
            }
            guard let scheme = Scheme.forPair(language, target) else {
                throw TranslitError("no scheme from \(language.rawValue) to \(target.rawValue)")
            }
            let file = try rules(scheme.ruleFile)
            if !strict, let (exception, used) = exceptionMatch(pieces, at: index, language: language) {
                let source = pieces[index..<(index + used)].map(\.text).joined()
                let form: String
                switch target {
                case .de: form = exception.de
                case .en: form = exception.en
                case .enWiki, .enBGN, .iso9: form = ""
                }
                if !form.isEmpty {
                    output += Self.matchCase(of: source, to: form)
                    index += used
                    continue
                }
            }
            output += file.transliterateWord(Self.prepare(piece.text))
            index += 1
        }
        return output
    }

    /// The Cyrillic words of the name that starts at `pieces[index]`: the word and those joined
    /// to it by hyphens (Ростов-на-Дону).
    static func hyphenJoinedName(_ pieces: [TextPiece], at index: Int) -> [String] {
        var words = [pieces[index].text]
        var next = index + 1
        while next + 1 < pieces.count, pieces[next].kind == .other, pieces[next].text == "-", pieces[next + 1].kind == .cyrillic {
            words.append(pieces[next + 1].text)
            next += 2
        }
        return words
    }

    /// The longest exception that starts at `pieces[index]` (a Cyrillic word, possibly joined
    /// by hyphens to the next ones): the entry and how many pieces it covers.
    private func exceptionMatch(_ pieces: [TextPiece], at index: Int, language: SourceLanguage) -> (NameException, Int)? {
        guard !exceptions.entries.isEmpty else { return nil }
        var best: (NameException, Int)?
        var key = ""
        var used = 0
        var parts = 0
        while index + used < pieces.count, parts < exceptions.maxParts {
            let piece = pieces[index + used]
            if parts > 0 {
                guard piece.kind == .other, piece.text == "-", index + used + 1 < pieces.count,
                      pieces[index + used + 1].kind == .cyrillic else { break }
                key += "-"
                used += 1
            }
            key += Self.prepare(pieces[index + used].text)
            used += 1
            parts += 1
            if let entry = exceptions.lookup(orig: key, language: language) { best = (entry, used) }
        }
        return best
    }

    /// Gives `form` the case of `source`: all caps when `source` is (and has two or more
    /// letters), lower case when `source` is, else `form` as written.
    public static func matchCase(of source: String, to form: String) -> String {
        let letters = source.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.count > 1 && letters.allSatisfy({ $0.properties.isUppercase }) { return form.uppercased() }
        if let first = letters.first, first.properties.isLowercase { return form.lowercased() }
        return form
    }

    // MARK: German-spelled input

    private func fromGerman(_ text: String, to target: TargetForm, strict: Bool) throws(TranslitError) -> String {
        try germanNames(text, to: target, strict: strict, skipGermanWords: true)
    }

    /// Converts the capitalized Latin words of `text` as German-spelled names. With
    /// `skipGermanWords`, words that look like ordinary German (see `looksGerman`) stay as they are.
    public func germanNames(_ text: String, to target: TargetForm, strict: Bool = false, skipGermanWords: Bool = false) throws(TranslitError) -> String {
        if target == .de { return text }
        var output = ""
        for piece in Self.pieces(of: text) {
            guard piece.kind == .latin, let first = piece.text.unicodeScalars.first, first.properties.isUppercase else {
                output += piece.text
                continue
            }
            if skipGermanWords && Self.looksGerman(piece.text) && (strict || exceptions.lookup(german: piece.text) == nil) {
                output += piece.text
                continue
            }
            output += try germanWord(piece.text, to: target, strict: strict)
        }
        return output
    }

    /// Whether a capitalized word is more likely an ordinary German word than a transliterated
    /// name: it has ä ö ü ß, or a German noun or adjective ending (-ung, -heit, -keit, -schaft,
    /// -tion, -ismus, -ent, -ant, -er, -tag, -chen, -lich, -isch, -ig).
    public static func looksGerman(_ word: String) -> Bool {
        let lower = word.lowercased()
        if lower.contains(where: { "äöüß".contains($0) }) { return true }
        let endings = ["ung", "heit", "keit", "schaft", "tion", "ismus", "ent", "ant", "er", "tag", "chen", "lich", "isch", "ig"]
        return endings.contains { lower.hasSuffix($0) && lower.count > $0.count + 2 }
    }

    /// One German-spelled word in the target form: the exception's spelling, or the best candidate.
    public func germanWord(_ word: String, to target: TargetForm, strict: Bool = false) throws(TranslitError) -> String {
        if target == .de { return word }
        if !strict, target == .en, let exception = exceptions.lookup(german: word) {
            return RuleFile.applyWordCase(of: word, to: exception.en)
        }
        let candidates = try germanCandidates(word, to: target, strict: strict)
        guard let best = candidates.first else { return word }
        return RuleFile.applyWordCase(of: word, to: best.output)
    }
}
