import Foundation
import GlossaStemmer
import GlossaTestSupport
@testable import GlossaText
import Testing

/// Tokenizes `text` and returns the token texts.
func tokenTexts(_ text: String) throws -> [String] {
    let document = try GermanTokenizer().document(text)
    return document.tokens.map { document.text(of: $0) }
}

/// Tokenizes `text` and returns each sentence's text.
func sentenceTexts(_ text: String) throws -> [String] {
    let document = try GermanTokenizer().document(text)
    return document.sentences.map { document.text(scalarRange: $0.start..<$0.end) }
}

@Suite struct TokenizerTests {
    @Test func hyphenatedCompoundsAreAtomic() throws {
        #expect(try tokenTexts("Die Castro-Diktatur und die Coronavirus-Pandemie") == ["Die", "Castro-Diktatur", "und", "die", "Coronavirus-Pandemie"])
        #expect(try tokenTexts("militärisch-technische Hilfe") == ["militärisch-technische", "Hilfe"])
        #expect(try tokenTexts("Miguel Díaz-Canel.") == ["Miguel", "Díaz-Canel", "."])
        #expect(try tokenTexts("Spa-/Wellness-Bereich") == ["Spa-/Wellness-Bereich"])
    }

    @Test func hyphenPartsKeepOffsets() throws {
        let document = try GermanTokenizer().document("Die Castro-Diktatur")
        let token = document.tokens[1]
        #expect(token.flags.contains(.hyphenated))
        let parts = document.hyphenParts(of: token)
        #expect(parts.map(\.key) == ["castro", "diktatur"])
        #expect(parts.map { document.text(scalarRange: $0.range) } == ["Castro", "Diktatur"])
        #expect(parts[0].range == 4..<10)
    }

    /// Parts cut from the key (tokens of simple units) are the parts made from the units.
    @Test func simpleHyphenPartsAreThePartsOfTheUnits() throws {
        // Words joined by hyphens, their letters now and then mixed with units the simple path
        // must leave alone (slash, soft hyphen, no-break space, other hyphens, micro sign, ...).
        let letters = ["Castro", "diktatur", "ÄÖÜ", "straße", "Grüße", "US", "X", "é", "É", "1", "'", "`", ".", "×"]
        let odd = ["µ", "/", "\u{AD}", "\u{A0}", "\u{2010}", "\u{2011}", "ŁÓ", "\n", "--", "-", "ǅ"]
        var generator = SplitMix(seed: 7)
        var compared = 0, split = 0
        for _ in 0..<3_000 {
            let words = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                    (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                        Int.random(in: 0..<8, using: &generator) == 0 ? odd.randomElement(using: &generator)! : letters.randomElement(using: &generator)!
                    }.joined()
                }.joined(separator: "-")
            }
            let text = words.joined(separator: " ")
            let document = try GermanTokenizer().document(text)
            for token in document.tokens {
                guard let simple = document.simpleHyphenParts(of: token) else { continue }
                let byUnits = document.hyphenPartsByUnits(of: token)
                #expect(simple.map(\.range) == byUnits.map(\.range) && simple.map(\.key) == byUnits.map(\.key), "\(document.text(of: token))")
                compared += 1
                if simple.count >= 2 { split += 1 }
            }
        }
        #expect(compared > 3_000 && split > 1_000, "\(compared) compared, \(split) in parts")
    }

    @Test func spacedHyphenIsOneCompoundForMatching() throws {
        let document = try GermanTokenizer().document("Die US- Amerikaner und die Lat.- amerikanische Welt, Nord- und Südkorea.")
        let texts = document.tokens.map { document.text(of: $0) }
        #expect(texts.contains("US-"))
        #expect(texts.contains("Lat.-"))
        let keys = document.spacedCompounds.map(\.key)
        #expect(keys == ["us-amerikaner", "lat.-amerikanische"])
        // Offsets stay original: the compound spans "US- Amerikaner" with its space.
        let compound = document.spacedCompounds[0]
        let first = document.tokens[compound.tokens.lowerBound], last = document.tokens[compound.tokens.upperBound - 1]
        #expect(document.text(scalarRange: Int(first.start)..<Int(last.end)) == "US- Amerikaner")
    }

    @Test func abbreviationsDoNotEndSentences() throws {
        let sentences = try sentenceTexts("Dr. Weber traf Prof. Klein in St. Gallen. Sie sprachen z. B. über Nr. 5 bzw. Nr. 6 u. a. am 21. März. Dann ging sie.")
        #expect(sentences == ["Dr. Weber traf Prof. Klein in St. Gallen.", "Sie sprachen z. B. über Nr. 5 bzw. Nr. 6 u. a. am 21. März.", "Dann ging sie."])
        #expect(try tokenTexts("am 21. März") == ["am", "21.", "März"])
        #expect(try tokenTexts("die Lat. Grammatik") == ["die", "Lat.", "Grammatik"])
        #expect(try tokenTexts("im Jan. eröffnet") == ["im", "Jan.", "eröffnet"])
    }

    @Test func yearAtSentenceEndIsNotOrdinal() throws {
        #expect(try sentenceTexts("Das war 1959. Dann kam 1962.") == ["Das war 1959.", "Dann kam 1962."])
    }

    @Test func germanNumbers() throws {
        #expect(try tokenTexts("1.000,5 Rubel, 2021/22 und 145 km") == ["1.000,5", "Rubel", ",", "2021/22", "und", "145", "km"])
        let document = try GermanTokenizer().document("1.000,5 Euro")
        #expect(document.tokens[0].kind == .number)
        #expect(document.tokens[1].kind == .word)
    }

    @Test func quotesAndBracketsInsideSentences() throws {
        let sentences = try sentenceTexts("Er sprach von „einseitigen Sanktionen“ (so wörtlich) gegen das Land. „Wir warten“, sagte sie.")
        #expect(sentences.count == 2)
        let sentences2 = try sentenceTexts("„Das reicht!“ Sie ging. (Das ist nicht neu.) Und dann?")
        #expect(sentences2 == ["„Das reicht!“", "Sie ging.", "(Das ist nicht neu.)", "Und dann?"])
    }

    @Test func lineBreakHyphenation() throws {
        let document = try GermanTokenizer().document("Die Zusammen-\narbeit ruht. Die Castro-\nRegierung auch.")
        let token = document.tokens[1]
        #expect(document.text(of: token) == "Zusammen-\narbeit")
        #expect(document.key(of: token) == "zusammenarbeit")
        #expect(token.flags.contains(.dehyphenated))
        let castro = document.tokens[5]
        #expect(document.key(of: castro) == "castro-regierung")
        #expect(document.sentences.count == 2)
    }

    @Test func keysUnifyTypography() throws {
        #expect(MatchKey.make("Straße") == "strasse")
        #expect(MatchKey.make("„Sanktionen“") == "\"sanktionen\"")
        #expect(MatchKey.make("Díaz\u{2013}Canel") == "díaz-canel")
        #expect(MatchKey.make("Di\u{0301}az") == "díaz")
        #expect(MatchKey.make("Zusam\u{00AD}men\u{200B}arbeit") == "zusammenarbeit")
        #expect(MatchKey.make("Vereinigte\u{00A0} Staaten ") == "vereinigte staaten")
        #expect(MatchKey.make("ΣΊΣΥΦΟΣ") == MatchKey.make("σίσυφος"))
        #expect(MatchKey.make("Cote d’Ivoire") == "cote d'ivoire")
    }

    @Test func tokenKeysAndStems() throws {
        let document = try GermanTokenizer().document("Die Beziehungen Russlands")
        #expect(document.key(of: document.tokens[1]) == "beziehungen")
        #expect(document.tokens[2].flags.contains(.capitalized))
        #expect(document.tokens.allSatisfy { !document.stem(of: $0).isEmpty })
    }

    @Test func paragraphsByLineOrByBlankLine() throws {
        let lines = try GermanTokenizer().document("Überschrift ohne Punkt\nErster Satz. Zweiter Satz.\nLeserkommentar")
        #expect(lines.paragraphs.count == 3)
        #expect(lines.sentences.count == 4)
        let blocks = try GermanTokenizer().document("Ein Absatz, der\numbrochen ist.\n\nNoch einer.")
        #expect(blocks.paragraphs.count == 2)
        #expect(blocks.sentences.count == 2)
    }

    @Test func kindsAndSymbols() throws {
        let document = try GermanTokenizer().document("12,5 % von 20 € :-) ok")
        #expect(document.tokens.map(\.kind) == [.number, .punct, .word, .number, .symbol, .symbol, .word])
        #expect(document.text(of: document.tokens[4]) == "€")
        #expect(document.text(of: document.tokens[5]) == ":-)")
    }

    @Test func controlCharactersAndEmptyInput() throws {
        let empty = try GermanTokenizer().document("")
        #expect(empty.tokens.isEmpty && empty.sentences.isEmpty && empty.paragraphs.isEmpty)
        let spaces = try GermanTokenizer().document(" \n\t ")
        #expect(spaces.tokens.isEmpty)
        let control = try GermanTokenizer().document("a\u{0}b\u{7}c \u{1B}[0m")
        #expect(!control.tokens.isEmpty)
        #expect(control.tokens.map { control.text(of: $0) }.joined() == "a\u{0}b\u{7}c\u{1B}[0m")
    }

    @Test func byteOrderMarkAndCRLF() throws {
        // Decoding drops the byte order mark; the tokenizer counts every scalar it is given.
        let text = try InputText.decode([0xEF, 0xBB, 0xBF] + Array("Kuba\r\nRussland".utf8), source: "-")
        let document = try GermanTokenizer().document(text)
        #expect(document.text == "Kuba\r\nRussland")
        #expect(document.tokens.map(\.start) == [0, 6])
        #expect(document.paragraphs.count == 2)
    }

    /// Exactly one byte order mark is dropped, as Python's utf-8-sig does: a second one is a
    /// character (U+FEFF) of the text, and offsets count it.
    @Test func onlyTheFirstOfTwoByteOrderMarksIsDropped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("Kuba\nRussland".utf8)
        let text = try InputText.decode(bytes, source: "-")
        #expect(text == "\u{FEFF}Kuba\nRussland")
        let document = try GermanTokenizer().document(text)
        #expect(document.text == text)
        let words = document.tokens.filter { document.text(of: $0) == "Kuba" || document.text(of: $0) == "Russland" }
        #expect(words.map(\.start) == [1, 6])
        #expect(words.map { document.text(scalarRange: $0.range) } == ["Kuba", "Russland"])
    }

    @Test func astralScalarsCountOnce() throws {
        let document = try GermanTokenizer().document("😀 Kuba 👍🏽 Moskau")
        let kuba = document.tokens.first { document.text(of: $0) == "Kuba" }!
        #expect(kuba.start == 2 && kuba.end == 6)
        let moskau = document.tokens.last!
        #expect(document.text(scalarRange: moskau.range) == "Moskau")
        #expect(Array("😀 Kuba 👍🏽 Moskau".unicodeScalars)[moskau.range].map(String.init).joined() == "Moskau")
    }
}

@Suite struct InputTests {
    @Test func invalidUTF8NamesByteOffset() {
        let bytes: [UInt8] = Array("Kuba\nRussland ".utf8) + [0xC3, 0x28] + Array(" Moskau".utf8)
        #expect(throws: InputError(source: "x.txt", byteOffset: 14, line: 2, column: 10, reason: "invalid UTF-8")) {
            _ = try InputText.decode(bytes, source: "x.txt")
        }
        #expect(InputError(source: "x.txt", byteOffset: 14, line: 2, column: 10, reason: "invalid UTF-8").description
            == "x.txt:2:10: invalid UTF-8 at byte offset 14")
        let lossy = try? InputText.decode(bytes, source: "x.txt", lossy: true)
        #expect(lossy?.contains("\u{FFFD}") == true)
    }

    /// Columns are 1-based and count Unicode scalars (a bad first byte is column 1); a dropped
    /// BOM is not counted, a second one is.
    @Test(arguments: [
        ([0xFF], 1, 1, 0),
        (Array("Kuba\n".utf8) + [0xFF], 2, 1, 5),
        (Array("Größe ".utf8) + [0xC3, 0x28], 1, 7, 8),
        ([0xEF, 0xBB, 0xBF, 0x41, 0xFF], 1, 2, 4),
        ([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0xFF], 1, 2, 6),
        (Array("a\r\nb😀".utf8) + [0x80], 2, 3, 8),
    ] as [([UInt8], Int, Int, Int)])
    func invalidUTF8NamesLineAndColumn(bytes: [UInt8], line: Int, column: Int, offset: Int) {
        #expect(throws: InputError(source: "x", byteOffset: offset, line: line, column: column, reason: "invalid UTF-8")) {
            _ = try InputText.decode(bytes, source: "x")
        }
    }

    @Test func byteOrderMarkIsDropped() throws {
        #expect(try InputText.decode([0xEF, 0xBB, 0xBF] + Array("Kuba".utf8), source: "-") == "Kuba")
        #expect(try InputText.decode(Array("a\r\nb".utf8), source: "-") == "a\r\nb")
    }
}

@Suite struct GoldenTests {
    @Test(arguments: ["kuba-russland", "tokenizer-cases"])
    func tokenizeJSON(name: String) throws {
        let text = try TestSupport.text("Fixtures/de/\(name).txt")
        let document = try GermanTokenizer().document(text)
        try TestSupport.assertGolden(TokenWriter.json(document), "tokenize/\(name).json")
        try TestSupport.assertGolden(TokenWriter.text(document), "tokenize/\(name).txt")
    }
}

@Suite struct UTF16TextTests {
    @Test func transcodesEverySize() {
        for text in ["", "Kuba", "Díaz-Canel", "Москва", "中文", "😀👍🏽🇩🇪", "a\u{0}b\r\n"] {
            let units = Array(text.utf16)
            #expect(UTF16Text.string(units, 0, units.count) == text)
        }
        let units = Array("x😀y".utf16)
        #expect(UTF16Text.string(units, 1, 3) == "😀")
        #expect(UTF16Text.string([0xD800, 0x41], 0, 2) == "\u{FFFD}A")
        #expect(UTF16Text.string([0x41, 0xDC00], 0, 2) == "A\u{FFFD}")
    }

    /// Short ranges are transcoded on the stack, longer ones through an array: both give the
    /// standard library's string for every length around the switch and every kind of unit.
    @Test func shortAndLongRangesAgreeWithTheStandardLibrary() {
        let pieces = ["a", "ß", "€", "😀", "\u{0}", "\"", "Ж", "\u{FFFF}"]
        for length in 0...40 {
            for first in pieces.indices {
                let text = (0..<length).map { pieces[($0 * 3 + first) % pieces.count] }.joined()
                let units = Array(text.utf16)
                #expect(UTF16Text.string(units, 0, units.count) == text, "\(length) from \(first)")
            }
        }
        // A lone surrogate at the end of a short and of a long range.
        #expect(UTF16Text.string(Array(repeating: 0xD83D, count: 16), 0, 16) == String(repeating: "\u{FFFD}", count: 16))
        #expect(UTF16Text.string(Array(repeating: 0xD83D, count: 17), 0, 17) == String(repeating: "\u{FFFD}", count: 17))
    }
}

@Suite struct JSONStringTests {
    @Test func escapesWhatJSONRequires() throws {
        for text in ["plain", "„Zitat“ und \"quote\"", "back\\slash", "tab\tnew\nline\r", "nul\u{0}bell\u{7}", "Díaz 😀"] {
            let quoted = JSONString.quoted(text)
            let decoded = try JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String]
            #expect(decoded == [text])
        }
        #expect(JSONString.quoted("a\u{1F}") == "\"a\\u001f\"")
    }
}


@Suite struct TokenizerReuseTests {
    /// One tokenizer builds its documents in the memory of the last one once that is gone: the
    /// documents must be those of a new tokenizer, whether the last document is alive or not.
    @Test func consecutiveDocumentsAreThoseOfANewTokenizer() throws {
        let long = String(repeating: "Die US- Amerikaner trafen Dr. Müller am 21. März 2022. „Gut so!“ 😀 Ende.\n\n", count: 40)
        let texts = [long, "Kurz.", long, long + "Díaz-Canel.", "\u{FEFF}Mit BOM.", long]
        let tokenizer = try GermanTokenizer()
        var kept: [Document] = []
        for (n, text) in texts.enumerated() {
            let document = tokenizer.document(text)
            let expected = try GermanTokenizer().document(text)
            #expect(document.utf16 == expected.utf16)
            #expect(document.tokens == expected.tokens)
            #expect(document.sentences == expected.sentences)
            #expect(document.keys == expected.keys)
            #expect(document.stems == expected.stems)
            if n % 2 == 0 { kept.append(document) }
        }
        // The documents kept are unchanged by the later ones.
        for (document, n) in zip(kept, stride(from: 0, to: texts.count, by: 2)) {
            #expect(document.tokens == (try GermanTokenizer().document(texts[n])).tokens)
        }
    }
}

@Suite struct BlankLineTests {
    @Test(arguments: ["", "a", "a\nb", "a\n\nb", "a\n \t\nb", "a\r\n\r\nb", "a\r\nb", "\n\n", "ä\n😀\nö", "Zeile\n  \n", "x\n\u{A0}\ny"])
    func textAndCodeUnitsAgree(_ text: String) {
        #expect(GermanTokenizer.hasBlankLine(text) == GermanTokenizer.hasBlankLine(Array(text.utf16)))
    }

    @Test func blankLinesAreFound() {
        #expect(GermanTokenizer.hasBlankLine("Eins.\n\nZwei."))
        #expect(GermanTokenizer.hasBlankLine("Eins.\r\n \r\nZwei."))
        #expect(!GermanTokenizer.hasBlankLine("Eins.\nZwei.\n"))
        #expect(!GermanTokenizer.hasBlankLine("Eins.\n\u{A0}\nZwei."))
    }
}

@Suite struct InternTableTests {
    /// Numbers are dense in first-seen order, survive the table's growing, and equal bytes get
    /// equal numbers.
    @Test func numbersStringsInFirstSeenOrder() {
        var table = InternTable()
        let words = (0..<5_000).map { "wort\($0)ä" } + ["", "ß", "😀"]
        for (i, word) in words.enumerated() {
            let (id, isNew) = table.intern(word.utf8.span)
            #expect(id == Int32(i) && isNew, "\(word)")
        }
        for (i, word) in words.enumerated().reversed() {
            let (id, isNew) = table.intern(word.utf8.span)
            #expect(id == Int32(i) && !isNew, "\(word)")
            #expect(table.find(word.utf8.span) == Int32(i))
        }
        #expect(table.count == words.count)
        #expect(table.find("wort5000ä".utf8.span) == nil)
        #expect(table.find("wort1".utf8.span) == nil)
    }

    /// A hash filter holds every hash inserted and keeps out most others, also with hashes
    /// that differ only in their high bits (the filter mixes them before choosing a word).
    @Test func hashFilterHasNoFalseNegatives() {
        var generator = SplitMix(seed: 11)
        let inserted = (0..<20_000).map { _ in UInt64.random(in: .min ... .max, using: &generator) }
        var filter = HashFilter(capacity: inserted.count)
        #expect(!filter.isEmpty && HashFilter().isEmpty)
        for hash in inserted { filter.insert(hash) }
        #expect(inserted.allSatisfy { filter.mayContain($0) })
        let set = Set(inserted)
        var others = 0, admitted = 0
        for k in 0..<100_000 {
            let hash = k.isMultiple(of: 2) ? UInt64.random(in: .min ... .max, using: &generator) : UInt64(k) << 40
            guard !set.contains(hash) else { continue }
            others += 1
            if filter.mayContain(hash) { admitted += 1 }
        }
        #expect(others > 90_000)
        #expect(Double(admitted) / Double(others) < 0.05, "\(admitted) of \(others) admitted")
    }

    /// With its filter a table answers exactly as without (strings interned before and after
    /// the filter is built), and the filter keeps most absent strings from the slots.
    @Test func theFilterChangesNoAnswer() {
        var generator = SplitMix(seed: 7)
        func word() -> String {
            let letters = Array("aäbcdefghijklmnoöpqrsßtuüvwxyz")
            return String((0..<Int.random(in: 1...12, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
        }
        var plain = InternTable(), filtered = InternTable()
        for _ in 0..<30_000 {
            let w = word()
            #expect(plain.intern(w.utf8.span) == filtered.intern(w.utf8.span))
        }
        filtered.buildFilter()
        for _ in 0..<2_000 {
            let w = word()
            #expect(plain.intern(w.utf8.span) == filtered.intern(w.utf8.span))
        }
        var absent = 0, admitted = 0
        for _ in 0..<100_000 {
            let w = word() + "-"
            let (found, filteredFound) = (plain.find(w.utf8.span), filtered.find(w.utf8.span))
            #expect(filteredFound == found)
            if found == nil {
                absent += 1
                let admits = filtered.filterAdmits(w.utf8.span)
                if admits { admitted += 1 }
            }
        }
        for n in 0..<Int32(plain.count) {
            let w = plain.string(n)
            let (id, admits) = (filtered.find(w.utf8.span), filtered.filterAdmits(w.utf8.span))
            #expect(id == n && admits)
        }
        #expect(absent == 100_000)
        // About a byte per string: a few percent of absent strings get through.
        #expect(Double(admitted) / Double(absent) < 0.1, "\(admitted) of \(absent) admitted")
    }
}

@Suite struct AllocatorTuningTests {
    /// On glibc the thresholds are set (the C shim must see `__GLIBC__`: it once did not, and the
    /// settings silently did nothing).
    @Test func thresholdsAreSetWhereTheCLibraryIsGlibc() {
        #if os(Linux) && canImport(Glibc)
        #expect(AllocatorTuning.keepLargeBuffers())
        #endif
    }
}

extension TokenizerReuseTests {
    /// The fixtures, each built twice after the others (the second time with all earlier
    /// documents alive), give the documents of a new tokenizer.
    @Test func documentsDoNotDependOnEarlierOnes() throws {
        let texts = try ["Fixtures/de/kuba-russland.txt", "Fixtures/de/falsche-freunde.txt", "Fixtures/de/tokenizer-cases.txt"].map { try TestSupport.text($0) }
        let used = try GermanTokenizer()
        var alive: [Document] = []
        for round in 0..<2 {
            for (i, text) in texts.enumerated() {
                let fresh = try GermanTokenizer().document(text)
                let again = used.document(text)
                #expect(again.tokens == fresh.tokens, "round \(round), text \(i)")
                #expect(again.keys == fresh.keys && again.stems == fresh.stems, "round \(round), text \(i)")
                #expect(again.sentences == fresh.sentences && again.paragraphs == fresh.paragraphs, "round \(round), text \(i)")
                #expect(again.spacedCompounds == fresh.spacedCompounds, "round \(round), text \(i)")
                // In the second round the earlier documents stay alive.
                if round == 1 { alive.append(again) }
            }
        }
        #expect(alive.count == texts.count)
    }
}

extension TokenizerReuseTests {
    /// A tokenizer keeps its lexicon (keys and stems of the forms met) from one document to the
    /// next and starts it afresh past a limit: with a limit of 50 it starts afresh
    /// between most documents here, and the documents are still those of a new tokenizer.
    @Test func aLexiconStartingAfreshChangesNoDocument() throws {
        let texts = try ["Fixtures/de/kuba-russland.txt", "Fixtures/de/falsche-freunde.txt", "Fixtures/de/tokenizer-cases.txt"].map { try TestSupport.text($0) }
            + ["Kurz.", "Russlands Kuba. Kubas Russland."]
        let small = try GermanTokenizer(lexiconLimit: 50)
        for round in 0..<2 {
            for (i, text) in texts.enumerated() {
                let fresh = try GermanTokenizer().document(text)
                let again = small.document(text)
                #expect(again.tokens == fresh.tokens, "round \(round), text \(i)")
                #expect(again.keys == fresh.keys && again.stems == fresh.stems, "round \(round), text \(i)")
                #expect(again.sentences == fresh.sentences && again.spacedCompounds == fresh.spacedCompounds, "round \(round), text \(i)")
            }
        }
        #expect(small.lexiconGeneration >= 4)
        // A default tokenizer keeps one lexicon for all of them.
        let kept = try GermanTokenizer()
        for text in texts { _ = kept.document(text) }
        #expect(kept.lexiconGeneration == 1)
    }

    /// A document numbers its keys and stems from 0 in the order it meets them, whatever the
    /// lexicon's own numbers are (here the second document's keys are older in the lexicon in
    /// another order).
    @Test func documentsNumberTheirOwnKeys() throws {
        let tokenizer = try GermanTokenizer()
        _ = tokenizer.document("Zwei Wörter und drei Wörter.")
        let document = tokenizer.document("drei und Zwei")
        #expect(document.keys == ["drei", "und", "zwei"])
        #expect(document.tokens.map(\.keyID) == [0, 1, 2])
        #expect(document.stems.count == 3)
    }
}

@Suite struct LexiconTests {
    /// A raw form remembers whether its stem is a word's: the tokenizer asks again for the
    /// other kind instead of taking a word's Snowball stem for a non-word (or the reverse).
    @Test func rawFormsRememberTheirStemsKind() {
        var lexicon = Lexicon()
        lexicon.beginDocument(expectedForms: 16)
        let units = Array("Staaten".utf16)
        let hash = Lexicon.hash(units, 0, units.count)
        #expect(lexicon.lookup(units, 0, units.count, hash: hash) == nil)
        let key = lexicon.internKey(utf8: Array("staaten".utf8))
        let stemmer = GermanStemmer()
        let wordStem = lexicon.stemID(ofKey: key, isWord: true, stemmer: stemmer)
        let otherStem = lexicon.stemID(ofKey: key, isWord: false, stemmer: stemmer)
        #expect(lexicon.stems[Int(wordStem)] == "staat" && lexicon.stems[Int(otherStem)] == "staaten")
        lexicon.remember(units, 0, units.count, hash: hash, key: key, stem: wordStem, isWord: true)
        let found = lexicon.lookup(units, 0, units.count, hash: hash)
        #expect(found?.key == key && found?.stem == wordStem && found?.isWord == true)
        // Per document numbers start from 0 in each document.
        #expect(lexicon.localKey(key) == 0 && lexicon.localStem(otherStem) == 0 && lexicon.localStem(wordStem) == 1)
        lexicon.beginDocument(expectedForms: 16)
        #expect(lexicon.localStem(wordStem) == 0 && lexicon.localKey(key) == 0)
        #expect(lexicon.documentStems == ["staat"] && lexicon.documentKeys == ["staaten"])
        #expect(lexicon.generation == 1)
    }

    /// Before the document stamps run out the lexicon starts afresh, and numbering stays right.
    @Test func startsAfreshBeforeTheStampsRunOut() {
        var lexicon = Lexicon()
        lexicon.beginDocument(expectedForms: 16)
        let key = lexicon.internKey(utf8: Array("kuba".utf8))
        #expect(lexicon.localKey(key) == 0)
        lexicon.stamp = .max - 1
        lexicon.beginDocument(expectedForms: 16)
        #expect(lexicon.generation == 1 && lexicon.stamp == .max)
        #expect(lexicon.localKey(key) == 0 && lexicon.documentKeys == ["kuba"])
        lexicon.beginDocument(expectedForms: 16)
        #expect(lexicon.generation == 2 && lexicon.stamp == 1 && lexicon.keys.isEmpty)
        let again = lexicon.internKey(utf8: Array("kuba".utf8))
        #expect(lexicon.localKey(again) == 0 && lexicon.documentKeys == ["kuba"])
    }
}

@Suite struct TokenFormTests {
    /// Tokens have equal form numbers exactly when their code units are equal (in one document
    /// and across the documents of one tokenizer); a word hyphenated across a line break, whose
    /// key is not made from its code units as they are, has none.
    @Test func formNumbersFollowCodeUnits() throws {
        let tokenizer = try GermanTokenizer()
        let texts = ["Die Quellen und die QUELLEN. Die Quellen, quellen über.", "Zusammen-\narbeit und Quellen. DIE die Die!", "Quellen"]
        var numberOf: [[UInt16]: Int32] = [:]
        var unitsOf: [Int32: [UInt16]] = [:]
        var documents: [Document] = []
        for text in texts {
            let document = tokenizer.document(text)
            documents.append(document)
            #expect(document.keyNumbers.tokenForms.count == document.tokens.count)
            for (token, form) in zip(document.tokens, document.keyNumbers.tokenForms) {
                let units = Array(document.utf16[Int(token.utf16Start)..<Int(token.utf16End)])
                if token.flags.contains(.dehyphenated) {
                    #expect(form == -1, "\(document.text(of: token))")
                    continue
                }
                #expect(form >= 0)
                if let known = numberOf[units] { #expect(known == form, "\(document.text(of: token))") }
                if let known = unitsOf[form] { #expect(known == units, "\(document.text(of: token))") }
                numberOf[units] = form
                unitsOf[form] = units
            }
        }
        #expect(documents[1].tokens.contains { $0.flags.contains(.dehyphenated) })
        #expect(Set(numberOf.values).count == numberOf.count)
        #expect(numberOf[Array("Quellen".utf16)] != numberOf[Array("QUELLEN".utf16)])
    }
}

