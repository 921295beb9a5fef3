import Foundation
@testable import GlossaGlossary
import GlossaTestSupport
import GlossaText
import Testing

/// The index is built on several threads, and glossary forms of Latin letters are worked out on
/// their UTF-8 bytes: the index must be what the plain, one-thread, Character-based way gives.
@Suite struct IndexBuildTests {
    /// `MatchKey.make` as it was first written: through UTF-16.
    static func referenceKey(_ text: String) -> String {
        let units = Array(text.utf16)
        let key = MatchKey.make(units: units, 0, units.count)
        guard key.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return key }
        return key.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ")
    }

    /// `LooseKey.make` as it was first written: on Unicode scalars.
    static func referenceLoose(_ key: String) -> String {
        guard key.utf8.contains(where: { $0 >= 0xC3 }) else { return key }
        var out = String.UnicodeScalarView()
        for scalar in key.unicodeScalars {
            let v = scalar.value
            if v < 0xC0 {
                out.append(scalar)
            } else if v < 0x250 {
                let base = LooseKey.latinBases[Int(v - 0xC0)]
                out.append(base == 0 ? scalar : Unicode.Scalar(base)!)
            } else {
                return LooseKey.slow(key)
            }
        }
        return String(out)
    }

    /// Letters, digits and marks that keys, loose keys and the splitting of forms treat specially.
    static let alphabet: [String] = [
        "a", "e", "n", "r", "s", "z", "A", "E", "S", "Z", "0", "7", "-", "-", "'", ".", ",", "(", ")", "/", "&",
        "ä", "ö", "ü", "Ä", "Ö", "Ü", "ß", "é", "É", "à", "ñ", "ç", "Ø", "ø", "ÿ", "Þ", "×", "÷", "ª", "º", "µ", "²", "¼", "·", "«", "´", "`",
        "\u{AD}", "Ā", "ą", "Ł", "ǅ", "ǆ", "Ǟ", "ȷ", "ɐ", "\u{301}", "\u{308}", "Ж", "ж", "Ω", "ﬁ", "İ", "ı", "’", "–", "\u{200B}", "王", "😀",
    ]

    static func randomWord(_ generator: inout SplitMix, letters: Int = 6) -> String {
        (0..<Int.random(in: 1...8, using: &generator)).map { _ in
            // Mostly plain letters, so that many pieces are simple.
            Int.random(in: 0..<3, using: &generator) == 0
                ? alphabet.randomElement(using: &generator)!
                : ["a", "e", "i", "n", "r", "s", "t", "A", "B", "K", "ä", "ö", "ü", "Ä", "ß", "é", "-"].randomElement(using: &generator)!
        }.joined()
    }

    static func randomForm(_ generator: inout SplitMix) -> String {
        let separators = [" ", " ", " ", "\u{A0}", "  ", "\t"]
        var form = ""
        for k in 0..<Int.random(in: 1...3, using: &generator) {
            if k > 0 { form += separators.randomElement(using: &generator)! }
            form += randomWord(&generator)
        }
        return Int.random(in: 0..<20, using: &generator) == 0 ? " " + form : form
    }

    @Test func keysAreTheKeysOfUTF16() {
        var generator = SplitMix(seed: 41)
        let extra = ["\u{A0}", "\u{202F}", "\u{201E}", "\u{2013}", "\u{FEFF}", " ", "\t", "\n", "\r", "\r\n", "\u{85}", "\u{B4}", "\u{AB}", "\u{BB}", "\u{A0}\u{A0}"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                Bool.random(using: &generator) ? (Self.alphabet + extra).randomElement(using: &generator)!
                    : String(Unicode.Scalar(UInt32.random(in: 0x00...0xFF, using: &generator))!)
            }.joined()
            #expect(MatchKey.make(text) == Self.referenceKey(text), "\(text.unicodeScalars.map(\.value))")
            let key = MatchKey.make(text)
            #expect(Array(LooseKey.make(key).unicodeScalars) == Array(Self.referenceLoose(key).unicodeScalars), "\(key.unicodeScalars.map(\.value))")
        }
        for value in 0..<0x300 {
            let text = "x" + String(Unicode.Scalar(UInt32(value))!) + "Y"
            #expect(MatchKey.make(text) == Self.referenceKey(text), "\(value)")
            #expect(Array(LooseKey.make(text).unicodeScalars) == Array(Self.referenceLoose(text).unicodeScalars), "\(value)")
        }
        // Punctuation and currency signs U+2000..<U+2100 (those without a canonical
        // decomposition or combining class are copied without ICU).
        for value in 0x2000..<0x2100 {
            let text = "ä" + String(Unicode.Scalar(UInt32(value))!) + "é–"
            // (Scalar by scalar: `==` on strings is canonical equivalence, but vocabulary
            // lookups compare bytes.)
            #expect(Array(LooseKey.make(text).unicodeScalars) == Array(Self.referenceLoose(text).unicodeScalars), "\(value)")
        }
        // Keys longer than `make`'s buffer on the stack (64 bytes), and about as long.
        for key in [String(repeating: "é", count: 40), String(repeating: "ǖa", count: 21), String(repeating: "x", count: 63) + "é",
                    String(repeating: "ö", count: 31) + "–", String(repeating: "ä", count: 40) + "│"] {
            #expect(Array(LooseKey.make(key).unicodeScalars) == Array(Self.referenceLoose(key).unicodeScalars), "\(key)")
        }
    }

    /// The shortcut of `LooseKey.general` (a key in NFD and NFC without a mark to drop is its
    /// own loose form) against the full path, for every scalar U+0250..<U+3400 that is not a
    /// surrogate: after a letter, after a decomposable letter, before a mark of 300–36F, after a
    /// decomposed letter, after a mark outside that range, after a Hangul lead consonant. It
    /// fails when either normalization check or the mark check is left out.
    @Test func looseKeysOfOtherScriptsAreThoseOfTheFullPath() {
        var shortcuts = 0
        for value in 0x250..<0x3400 {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let s = String(scalar)
            // (Not all in NFC: a Hangul lead consonant and a vowel compose.)
            for key in ["x" + s, "ä" + s, s + "\u{301}", "e\u{301}" + s, "x\u{483}" + s, "\u{1100}" + s] {
                if LooseKey.general(key) == key { shortcuts += 1 }
                #expect(Array(LooseKey.general(key).unicodeScalars) == Array(LooseKey.slow(key).unicodeScalars), "\(value) in \(key.unicodeScalars.map(\.value))")
            }
        }
        // (Most of these keys take the shortcut; the rest are normalized.)
        #expect(shortcuts > 20_000)
    }

    /// `KeyLengths` counts what `String` counts: characters (CR LF is one; a combining mark
    /// joins its letter), UTF-8 bytes and scalars.
    @Test func keyLengthsAreTheStringsCounts() {
        var generator = SplitMix(seed: 43)
        let pieces = Self.alphabet + ["\r", "\n", "\r\n", "\u{300}", "\u{36F}", "\u{2500}", "\u{1F1E9}\u{1F1EA}", "각", "\u{1100}\u{1161}", "e\u{301}", "ÿ"]
        var keys = ["", "a", "\r\n", "ab\r\ncd", "e\u{301}", "Straße"]
        for _ in 0..<5_000 { keys.append((0..<Int.random(in: 1...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()) }
        for key in keys {
            let lengths = KeyLengths(key)
            let counted: [Int] = [Int(lengths.characters), Int(lengths.utf8), Int(lengths.scalars)]
            let expected: [Int] = [key.count, key.utf8.count, key.unicodeScalars.count]
            #expect(counted == expected,
                    "\(key.unicodeScalars.map(\.value))")
        }
    }

    @Test func latinFormsGiveTheTokensOfCharacters() throws {
        var generator = SplitMix(seed: 42)
        var fast = try PatternBuilder(), reference = try PatternBuilder()
        var forms: [String] = ["Straße", "Ärzte ohne Grenzen", "ª", "µ-Meson", "Ǆemal", "Ʉ", "x\u{A0}y", "- x", "x -", "A-", "1-2", "", " ", "\u{A0}"]
        for _ in 0..<20_000 { forms.append(Self.randomForm(&generator)) }
        for (index, form) in forms.enumerated() {
            fast.add(index, form: form, kind: .headword, gloss: "g", caseSensitive: false, type: .term)
            reference.addByCharacters(index, form: form, kind: .headword, gloss: "g", caseSensitive: false, type: .term)
        }
        #expect(fast.patterns.map(\.entry) == reference.patterns.map(\.entry))
        #expect(fast.patterns.map(\.firstToken) == reference.patterns.map(\.firstToken))
        #expect(fast.patterns.map(\.count) == reference.patterns.map(\.count))
        #expect(fast.tokens.surfaces == reference.tokens.surfaces)
        #expect(fast.tokens.keys == reference.tokens.keys)
        #expect(fast.tokens.loose == reference.tokens.loose)
        #expect(fast.tokens.stems == reference.tokens.stems)
        #expect(fast.tokens.capitalized == reference.tokens.capitalized)
        #expect(fast.tokens.surfaceStart == reference.tokens.surfaceStart)
        #expect(fast.tokens.surfacePool == reference.tokens.surfacePool)
        #expect(fast.tokens.keys.count > 30_000)
    }

    /// Everything the matcher reads, as text.
    static func describe(_ index: GlossaryIndex) -> String {
        var lines: [String] = []
        for i in 0..<index.patterns.count {
            let p = index.view(Int32(i))
            var line = "\(p.entry) \(p.form) \(p.caseSensitive) \(p.isName) \(p.role.rawValue) \(p.gloss) |"
            for k in 0..<p.count {
                let units = Array(p.surface(k).utf16)
                line += " \(p.surface(k))/\(p.key(k))/\(p.loose(k))/\(p.stem(k))/\(p.capitalized(k))/\(Matcher.surfaceEquals(index.tokens.surfacePool, index.tokens.surfaceStart, Int(p.pattern.firstToken) + k, units, 0, units.count))"
            }
            lines.append(line)
        }
        lines.append("pool \(index.tokens.surfacePool.count) \(index.tokens.surfaceStart)")
        // Sorted by scalars (the tables keep strings in first-seen order, which depends on how
        // the work was split).
        func sorted<Value>(_ table: [(key: String, value: Value)]) -> [(key: [UInt32], value: Value)] {
            table.map { (key: $0.key.unicodeScalars.map(\.value), value: $0.value) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        }
        for (key, value) in sorted(index.byKey.all) { lines.append("key \(key) \(value)") }
        for (key, value) in sorted(index.byLoose.all) { lines.append("loose \(key) \(value)") }
        for (key, value) in sorted(index.byStem.all) { lines.append("stem \(key) \(value)") }
        let words = (0..<index.vocabulary.count).map { (key: index.vocabulary.string(Int32($0)), value: Int32($0)) }
        for (key, value) in sorted(words) { lines.append("word \(key) \(value) \(index.startsPair[Int(value)])") }
        for (key, value) in index.pairs.sorted(by: { $0.key < $1.key }) { lines.append("pair \(key) \(value)") }
        func scalars(_ set: Set<String>) -> [[UInt32]] { set.map { $0.unicodeScalars.map(\.value) }.sorted { $0.lexicographicallyPrecedes($1) } }
        lines.append("heads \(scalars(index.headStarts))")
        lines.append("prefixes \(scalars(index.prefixStarts))")
        return lines.joined(separator: "\n")
    }

    @Test func theIndexIsTheSameOnAnyNumberOfThreads() throws {
        var generator = SplitMix(seed: 43)
        var entries = try Glossary.load(paths: [TestSupport.file("Glossaries/de-en").path]).entries
        let types: [EntryType] = [.term, .term, .term, .org, .adjective, .demonym, .city, .person, .person]
        let surnames = ["Müller", "Schmidt", "von der Leyen", "Şahin", "Ørsted", "Li"]
        while entries.count < 30_000 {
            let type = types.randomElement(using: &generator)!
            var de = Self.randomForm(&generator), en = "english \(entries.count)", orig = ""
            if type == .person {
                let surname = surnames.randomElement(using: &generator)!
                de = Self.randomWord(&generator) + " " + surname
                en = "First " + (Bool.random(using: &generator) ? surname : "Other")
                if Int.random(in: 0..<10, using: &generator) == 0 { orig = "王" }
            }
            let variants = Int.random(in: 0..<8, using: &generator) == 0 ? [Self.randomForm(&generator), de] : []
            entries.append(GlossaryEntry(de: de, en: en, type: type, caseRule: Int.random(in: 0..<30, using: &generator) == 0 ? .sensitive : nil,
                                         variants: variants, orig: orig))
        }
        let glossary = Glossary(entries: entries, sources: [])
        let serial = try GlossaryIndex(glossary, jobs: 1)
        #expect(serial.patterns.contains { $0.form == .surname })
        #expect(!serial.pairs.isEmpty && !serial.byLoose.isEmpty && !serial.headStarts.isEmpty && !serial.prefixStarts.isEmpty)
        let expected = Self.describe(serial)
        for jobs in [2, 3, 8] {
            #expect(Self.describe(try GlossaryIndex(glossary, jobs: jobs)) == expected, "\(jobs) jobs")
        }
    }

    /// The matcher compares a document's strings with the forms' by their numbers in the
    /// index's vocabulary: each form token's numbers must be those of its own strings, and the
    /// lists by number those by string.
    @Test func everyFormTokenHasItsStringsNumbers() throws {
        var entries = try Glossary.load(paths: [TestSupport.file("Glossaries/de-en").path]).entries
        entries.append(GlossaryEntry(de: "Fernández Straße", en: "Fernández Street", type: .place))
        let index = try GlossaryIndex(Glossary(entries: entries, sources: []))
        let tokens = index.tokens
        #expect(index.tokenFacts.count == tokens.keys.count)
        var withDiacritics = 0, stemmed = 0
        for i in tokens.keys.indices {
            let facts = index.tokenFacts[i]
            #expect(index.vocabulary.string(facts.key) == tokens.keys[i])
            #expect(index.vocabulary.string(facts.loose) == tokens.loose[i])
            #expect(index.vocabulary.string(facts.stem) == tokens.stems[i])
            #expect(Int(facts.characters) == tokens.keys[i].count && Int(facts.utf8) == tokens.keys[i].utf8.count)
            if facts.loose != facts.key { withDiacritics += 1 }
            if facts.stem != facts.key { stemmed += 1 }
        }
        #expect(withDiacritics > 10 && stemmed > 100)
        for (lists, name) in [(index.byKey, "key"), (index.byLoose, "loose"), (index.byStem, "stem")] {
            let all = lists.all
            #expect(!all.isEmpty, "\(name)")
            for (string, patterns) in all {
                #expect(lists[string] == patterns, "\(name) \(string)")
                #expect(Array(lists[number: index.vocabulary.find(string)!]) == patterns)
            }
            #expect(lists[number: -1].isEmpty && lists["no such key in any glossary"] == nil)
        }
        // Single-token forms are listed under their key, multi-token ones under their first two
        // tokens; a form's flags follow its entry's type, and its English is the entry's (the
        // surname's for a surname).
        var heads = 0, neverFirst = 0
        for (p, pattern) in index.patterns.enumerated() {
            let entry = index.glossary.entries[Int(pattern.entry)]
            #expect(pattern.isName == entry.type.isName)
            #expect(pattern.role.contains(.head) == (entry.type == .term || entry.type == .org))
            #expect(pattern.role.contains(.neverFirstPart) == [.adjective, .demonym, .person].contains(entry.type))
            if pattern.role.contains(.head) { heads += 1 }
            if pattern.role.contains(.neverFirstPart) { neverFirst += 1 }
            if pattern.form == .surname {
                #expect(entry.en.hasSuffix(index.gloss(ofForm: p)))
            } else {
                #expect(index.gloss(ofForm: p) == entry.en)
            }
            let first = index.tokenFacts[Int(pattern.firstToken)]
            if pattern.count == 1 {
                #expect(index.byKey[number: first.key].contains(Int32(p)) && index.byStem[number: first.stem].contains(Int32(p)))
            } else {
                let second = index.tokenFacts[Int(pattern.firstToken) + 1]
                #expect(index.pairs[UInt64(first.stem) << 32 | UInt64(second.stem)]?.contains(Int32(p)) == true)
                #expect(index.pairs[UInt64(first.loose) << 32 | UInt64(second.loose)]?.contains(Int32(p)) == true)
                #expect(index.startsPair[Int(first.stem)] && index.startsPair[Int(first.loose)])
            }
        }
        #expect(heads > 300 && neverFirst > 300)
    }
}
