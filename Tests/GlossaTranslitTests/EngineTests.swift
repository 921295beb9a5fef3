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
