import GlossaTranslit
import Testing

@Suite struct RuleFileTests {
    let engine = Transliteration()

    func convert(_ text: String, _ from: SourceLanguage, _ to: TargetForm) throws -> String {
        try engine.transliterate(text, from: from, to: to, strict: true)
    }

    @Test(arguments: [
        ("Борисов", "Borissow"), ("Хрущёв", "Chruschtschow"), ("Ельцин", "Jelzin"), ("Юрий", "Juri"),
        ("Горький", "Gorki"), ("Андрей", "Andrei"), ("Новороссийск", "Noworossijsk"), ("Андреев", "Andrejew"),
        ("Грозный", "Grosny"), ("Соловьёв", "Solowjow"), ("Ильич", "Iljitsch"), ("Бийск", "Bijsk"),
        ("Жуков", "Schukow"), ("Чайковский", "Tschaikowski"), ("Максим", "Maxim"), ("Александр", "Alexandr"), ("Аксёнов", "Aksjonow"),
        ("Йошкар-Ола", "Joschkar-Ola"), ("Щукин", "Schtschukin"), ("Достоевский", "Dostojewski"),
    ])
    func russianToGerman(_ pair: (String, String)) throws {
        #expect(try convert(pair.0, .ru, .de) == pair.1)
    }

    @Test(arguments: [
        ("Борисов", "Borisov"), ("Хрущёв", "Khrushchev"), ("Юрий", "Yury"), ("Андреев", "Andreyev"),
        ("Навальный", "Navalny"), ("Сергей", "Sergei"), ("Шойгу", "Shoigu"), ("Толстой", "Tolstoy"),
        ("Соловьёв", "Solovyov"), ("Ильин", "Ilyin"), ("Горький", "Gorky"), ("Новороссийск", "Novorossiysk"),
        ("Рябков", "Ryabkov"), ("Подъярский", "Podyarsky"),
    ])
    func russianToEnglish(_ pair: (String, String)) throws {
        #expect(try convert(pair.0, .ru, .en) == pair.1)
    }

    @Test func russianToEnglishWikipediaAndBGN() throws {
        #expect(try convert("Хрущёв", .ru, .enWiki) == "Khrushchyov")
        #expect(try convert("Сергей", .ru, .enWiki) == "Sergey")
        #expect(try convert("Юрий Навальный", .ru, .enBGN) == "Yuriy Navalʹnyy")
        #expect(try convert("Тыайа", .ru, .enBGN) == "Ty·ay·a")
    }

    @Test func russianToISO9() throws {
        #expect(try convert("Хрущёв", .ru, .iso9) == "Hruŝëv")
        #expect(try convert("Юрий Борисов", .ru, .iso9) == "Ûrij Borisov")
        #expect(try convert("Съезд", .ru, .iso9) == "Sʺezd")
        #expect(try convert("Київ", .uk, .iso9) == "Kiïv")
    }

    @Test(arguments: [
        ("Житомир", "Schytomyr"), ("Чернігів", "Tschernihiw"), ("Зеленський", "Selenskyj"), ("Київ", "Kyjiw"),
        ("Харків", "Charkiw"), ("Запоріжжя", "Saporischschja"), ("Черкаси", "Tscherkassy"), ("Львів", "Lwiw"),
        ("Донецьк", "Donezk"), ("Умєров", "Umjerow"),
    ])
    func ukrainianToGerman(_ pair: (String, String)) throws {
        #expect(try convert(pair.0, .uk, .de) == pair.1)
    }

    @Test(arguments: [
        ("Запоріжжя", "Zaporizhzhia"), ("Київ", "Kyiv"), ("Хмельницький", "Khmelnytskyi"), ("Згурський", "Zghurskyi"),
        ("Єнакієве", "Yenakiieve"), ("Мар'їне", "Marine"), ("Юрій", "Yurii"), ("Знам’янка", "Znamianka"),
    ])
    func ukrainianToEnglish(_ pair: (String, String)) throws {
        #expect(try convert(pair.0, .uk, .en) == pair.1)
    }

    @Test(arguments: [
        ("Гомель", "Homel"), ("Магілёў", "Mahiljou"), ("Віцебск", "Wizebsk"), ("Святлана", "Swjatlana"),
        ("Ціханоўская", "Zichanouskaja"), ("Бяляцкі", "Bjaljazki"), ("Васіль", "Wassil"),
    ])
    func belarusianToGerman(_ pair: (String, String)) throws {
        #expect(try convert(pair.0, .be, .de) == pair.1)
    }

    @Test(arguments: [
        ("Гомель", "Homyel’"), ("Магілёў", "Mahilyow"), ("Гезгалы", "Hyez·haly"), ("Менск", "Myensk"),
    ])
    func belarusianToEnglish(_ pair: (String, String)) throws {
        #expect(try convert(pair.0, .be, .en) == pair.1)
    }

    @Test func everyBundledRuleFileCompilesAndKeepsLength() throws {
        let names = RuleFile.bundledNames
        #expect(names.count >= 9, "bundled: \(names)")
        let word = "съешьещёмягкихйошкаролывыпейалтайскогочаюіїєґўзг"
        for name in names {
            let file = try RuleFile(bundled: name)
            #expect(file.contextPhase(word).unicodeScalars.count == word.unicodeScalars.count, "\(name) changes the length")
        }
    }

    @Test func aRuleFileThatDoesNotCompileNamesFileAndPosition() throws {
        let text = "# broken\n$v = [аеи];\n$v { с > ;\nа } [ > x;\n#@letters\nа > a;\n"
        do {
            _ = try RuleFile(name: "broken", text: text)
            Issue.record("compiled broken rules")
        } catch {
            print(error.message)
            #expect(error.message.contains("Rules/broken.txt"))
            #expect(error.message.contains("context phase"))
            #expect(error.message.contains("offset"))
            #expect(error.message.contains("near file line 4"))
        }
        do {
            _ = try RuleFile(name: "broken2", text: "а > a;\n#@letters\nа > a;\nб > [;\n")
            Issue.record("compiled broken letter rules")
        } catch {
            print(error.message)
            #expect(error.message.contains("Rules/broken2.txt"))
            #expect(error.message.contains("letters phase (from line 3)"))
        }
        #expect(throws: TranslitError.self) { try RuleFile(name: "nosplit", text: "а > a;") }
    }

    @Test func caseIsPreservedLetterByLetter() throws {
        #expect(try convert("ЮРИЙ", .ru, .de) == "JURI")
        #expect(try convert("Юрий", .ru, .de) == "Juri")
        #expect(try convert("юрий", .ru, .de) == "juri")
        #expect(try convert("ЩУКИН", .ru, .de) == "SCHTSCHUKIN")
        #expect(try convert("Щ", .ru, .de) == "Schtsch")
        #expect(try convert("ХРУЩЁВ", .ru, .en) == "KHRUSHCHEV")
        #expect(try convert("МакДональд", .ru, .en) == "MakDonald")
        #expect(try convert("шЧ", .ru, .enBGN) == "sh·Ch")
    }

    @Test func otherTextPassesUnchanged() throws {
        let text = "Am 3. März 2024 (Moskau): „Путин“ – 42 %, Hello!"
        #expect(try convert(text, .ru, .de) == "Am 3. März 2024 (Moskau): „Putin“ – 42 %, Hello!")
        #expect(try convert("Berlin, 12:30", .ru, .en) == "Berlin, 12:30")
        #expect(try convert("", .ru, .en) == "")
        // stress accents and decomposed letters
        #expect(try convert("Бори\u{301}сов", .ru, .de) == "Borissow")
        #expect(try convert("Хруще\u{308}в", .ru, .de) == "Chruschtschow")
    }
}
