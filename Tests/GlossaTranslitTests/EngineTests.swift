import GlossaTranslit
import Testing

@Suite struct DetectionTests {
    @Test func tellsLanguagesApartByLetters() {
        #expect(Transliteration.detect("Київ") == .uk)
        #expect(Transliteration.detect("Дніпро") == .uk)
        #expect(Transliteration.detect("Ґалаґан") == .uk)
        #expect(Transliteration.detect("Зеленський") == .uk)
        #expect(Transliteration.detect("Магілёў") == .be)
        #expect(Transliteration.detect("Віцебск і Мазыр") == .be)
        #expect(Transliteration.detect("Борисов") == .ru)
        #expect(Transliteration.detect("Borissow") == .de)
        #expect(Transliteration.detect("123 !") == .de)
    }

    @Test func autoUsesTheDetectedScheme() throws {
        let engine = Transliteration()
        #expect(try engine.transliterate("Чернігів", from: .auto, to: .de, strict: true) == "Tschernihiw")
        // without і ї є ґ ў a name reads as Russian
        #expect(try engine.transliterate("Житомир", from: .auto, to: .de, strict: true) == "Schitomir")
        #expect(try engine.transliterate("Борисов", from: .auto, to: .de, strict: true) == "Borissow")
        #expect(try engine.transliterate("Магілёў", from: .auto, to: .de, strict: true) == "Mahiljou")
        #expect(try engine.transliterate("Borissow", from: .auto, to: .en, strict: true) == "Borisov")
    }
}

@Suite struct PerWordDetectionTests {
    @Test func lettersAdmitLanguages() {
        #expect(Transliteration.languages(ofWord: "Київ") == [.uk])
        #expect(Transliteration.languages(ofWord: "Зеленський") == [.uk])
        #expect(Transliteration.languages(ofWord: "Магілёў") == [.be])
        #expect(Transliteration.languages(ofWord: "Горбачёв") == [.ru, .be])
        #expect(Transliteration.languages(ofWord: "Мінск") == [.uk, .be])
        #expect(Transliteration.languages(ofWord: "Объект") == [.ru])
        #expect(Transliteration.languages(ofWord: "Москва") == [.ru, .uk, .be])
    }

    /// A line that mixes Russian and Ukrainian names converts each by its own language: by its
    /// letters where they decide, by the exceptions table for a conventional name, and by the
    /// line's language otherwise.
    @Test func mixedLinesConvertEachNameByItsLanguage() throws {
        let engine = Transliteration(exceptions: try TestData.exceptions())
        #expect(try engine.transliterate("Москва Київ", from: .auto, to: .de) == "Moskau Kiew")
        #expect(try engine.transliterate("Москва Київ", from: .auto, to: .en) == "Moscow Kyiv")
        #expect(try engine.transliterate("Москва Киев", from: .auto, to: .de) == "Moskau Kiew")
        #expect(try engine.transliterate("Ельцин і Київ", from: .auto, to: .de) == "Jelzin i Kiew")
        #expect(try engine.transliterate("Ростов-на-Дону і Київ", from: .auto, to: .en) == "Rostov-on-Don i Kyiv")
        #expect(try engine.transliterate("Москва и Одеса", from: .auto, to: .de) == "Moskau i Odessa")
        // letters rule the line's Ukrainian out (ё, э)
        #expect(try engine.transliterate("Горбачёв Київ", from: .auto, to: .de, strict: true) == "Gorbatschow Kyjiw")
        #expect(try engine.transliterate("Лукашэнка і Київ", from: .auto, to: .de) == "Lukaschenko i Kiew")
        // ambiguous words stay on the line's language
        #expect(try engine.transliterate("Володимир Зеленський", from: .auto, to: .de) == "Wolodymyr Selenskyj")
        #expect(try engine.transliterate("Максим Бужанський", from: .auto, to: .de) == "Maksym Buschanskyj")
        #expect(try engine.transliterate("Максим Горький", from: .auto, to: .de) == "Maxim Gorki")
        // a language given explicitly holds for the whole text
        #expect(try engine.transliterate("Горбачов Київ", from: .uk, to: .de, strict: true) == "Horbatschow Kyjiw")
        #expect(try engine.transliterate("Москва Київ", from: .uk, to: .de) == "Moskwa Kiew")
    }
}

@Suite struct ExceptionTests {
    @Test func exceptionsComeFromTheTableAndStrictTurnsThemOff() throws {
        let engine = Transliteration(exceptions: try TestData.exceptions())
        #expect(try engine.transliterate("Москва", from: .ru, to: .de) == "Moskau")
        #expect(try engine.transliterate("Москва", from: .ru, to: .de, strict: true) == "Moskwa")
        #expect(try engine.transliterate("МОСКВА", from: .ru, to: .en) == "MOSCOW")
        #expect(try engine.transliterate("Київ", from: .uk, to: .de) == "Kiew")
        #expect(try engine.transliterate("Санкт-Петербург", from: .ru, to: .de) == "Sankt Petersburg")
        #expect(try engine.transliterate("Чайковский", from: .ru, to: .en) == "Tchaikovsky")
        #expect(try engine.transliterate("Чайковский", from: .ru, to: .en, strict: true) == "Chaikovsky")
        // whole words only
        #expect(try engine.transliterate("Москвич", from: .ru, to: .de) == "Moskwitsch")
        #expect(try engine.transliterate("Selenskyj", from: .de, to: .en) == "Zelensky")
    }

    @Test func tableParsingReportsErrors() {
        #expect(throws: TranslitError.self) { try ExceptionTable.parse("de\ten\nA\tB\n") }
        #expect(throws: TranslitError.self) { try ExceptionTable.parse("orig\tde\ten\nМосква\t\tMoscow\n") }
        let table = try? ExceptionTable.parse("# c\norig\tde\ten\tlang\nМосква\tMoskau\tMoscow\tru\n")
        #expect(table?.entries.count == 1)
        #expect(table?.lookup(orig: "москва", language: .ru)?.de == "Moskau")
        #expect(table?.lookup(orig: "Москва", language: .uk) == nil)
    }
}

@Suite struct GermanInputTests {
    let engine = Transliteration()

    @Test(arguments: [
        ("Borissow", "Borisov"), ("Rjabkow", "Ryabkov"), ("Riabkow", "Ryabkov"), ("Lawrow", "Lavrov"),
        ("Schoigu", "Shoigu"), ("Chruschtschow", "Khrushchev"), ("Peskow", "Peskov"), ("Jelzin", "Yeltsin"),
        // с/з and ш/ж by their neighbours in Russian names (ж before д, с before к), -ёва like -ёв
        ("Nadeschda", "Nadezhda"), ("Schdanow", "Zhdanov"), ("Pugatschowa", "Pugacheva"), ("Medinski", "Medinsky"),
    ])
    func germanToEnglish(_ pair: (String, String)) throws {
        #expect(try engine.germanWord(pair.0, to: .en, strict: true) == pair.1)
    }

    @Test func candidatesAreRankedAndScored() throws {
        let candidates = try engine.germanCandidates("Schukow", to: .en)
        #expect(candidates.count >= 2)
        #expect(Set(candidates.prefix(2).map(\.output)) == ["shukov", "zhukov"])
        let total = candidates.reduce(0) { $0 + $1.score }
        #expect(abs(total - 1) < 1e-9)
        #expect(candidates == candidates.sorted { $0.score >= $1.score })
        // round-tripping readings beat the others
        let borissow = try engine.germanCandidates("Borissow", to: .en)
        #expect(borissow.first?.output == "borisov")
        #expect(borissow.first?.roundTrips == true)
        #expect(borissow.first?.cyrillic == "борисов")
        // every candidate's Cyrillic gives its output
        for candidate in borissow {
            #expect(try engine.transliterate(candidate.cyrillic, from: .ru, to: .en, strict: true) == candidate.output)
        }
    }

    @Test func letterContextsWeighVoicing() throws {
        let contexts = LetterContexts.bundled
        func share(_ word: String, _ index: Int) -> Double { contexts.share(in: Array(word), at: index) }
        // the shares of a pair add up to 1 in every context
        let partners: [Character: Character] = ["с": "з", "з": "с", "ш": "ж", "ж": "ш"]
        for (word, index) in [("ский", 0), ("гвоздь", 3), ("волжск", 2), ("саша", 0), ("ааа", 1)] {
            var letters = Array(word)
            let own = contexts.share(in: letters, at: index)
            if let partner = partners[letters[index]] {
                letters[index] = partner
                #expect(abs(own + contexts.share(in: letters, at: index) - 1) < 1e-9, "\(word)")
            } else {
                #expect(own == 1)
            }
        }
        #expect(share("оский", 1) > 0.95)
        #expect(share("ноздрёв", 2) > 0.9)
        #expect(share("волжский", 3) > 0.6)
        #expect(LetterContexts.empty.share(in: Array("саша"), at: 0) == 0.5)
    }

    @Test func letterContextsParsing() throws {
        let table = try LetterContexts.parse("# c\nleft\tletter\tright\tcount\n^\tс\tа\t3\n^\tз\tа\t1\n")
        // all four steps (any, ^_, _а, ^_а) see the same 4 words: each moves 2/3 of the way to 3/4
        var expected = 0.5
        for _ in 0..<4 { expected = 2.0 / 3.0 * 0.75 + expected / 3 }
        #expect(abs(table.share(in: Array("са"), at: 0) - expected) < 1e-9)
        #expect(abs(table.share(in: Array("за"), at: 0) - (1 - expected)) < 1e-9)
        #expect(throws: TranslitError.self) { try LetterContexts.parse("left\tletter\tright\tcount\n^\tс\n") }
        #expect(throws: TranslitError.self) { try LetterContexts.parse("left\tletter\tright\tcount\n^\tс\tа\tmany\n") }
    }

    @Test func exceptionsByGermanForm() throws {
        let withTable = Transliteration(exceptions: try TestData.exceptions())
        #expect(try withTable.transliterate("Juri Borissow besucht Moskau", from: .de, to: .en) == "Yury Borisov besucht Moscow")
        #expect(try withTable.transliterate("Moskau", from: .de, to: .en, strict: true) == "Moskau")
        // ordinary German words in running text stay as they are
        #expect(try withTable.transliterate("Außenminister Lawrow sagte, der Sprecher Peskow", from: .de, to: .en)
            == "Außenminister Lavrov sagte, der Sprecher Peskov")
        #expect(try withTable.germanNames("Sprecher", to: .en) != "Sprecher")
    }
}
