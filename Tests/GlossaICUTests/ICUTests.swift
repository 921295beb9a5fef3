import Foundation  // importing Foundation beside GlossaICU must work: the shim hides ICU's types
import GlossaICU
import Testing

@Suite struct NormalizationTests {
    @Test func composesAndDecomposes() throws {
        let decomposed = "Diaz\u{0301}"  // "Diaź" spelled with a combining acute
        #expect(try ICUText.normalize("Di\u{0301}az", .nfc) == "Díaz")
        #expect(try ICUText.normalize("Díaz", .nfd).unicodeScalars.count == 5)
        #expect(try ICUText.isNormalized("Díaz", .nfc))
        #expect(try !ICUText.isNormalized(decomposed, .nfc))
        #expect(try ICUText.quickCheck("Russland", .nfc) == .yes)
        #expect(try ICUText.normalize("ﬁ", .nfkc) == "fi")
        #expect(try ICUText.normalize("", .nfc) == "")
    }

    @Test func normalizingTwiceChangesNothing() throws {
        for text in ["Cafe\u{0301}", "Ǆ", "한국", "Å", "e\u{0301}\u{0323}"] {
            let once = try ICUText.normalize(text, .nfc)
            #expect(try ICUText.normalize(once, .nfc) == once)
        }
    }

    @Test func foldsCaseFully() throws {
        #expect(try ICUText.foldCase("Straße") == "strasse")
        #expect(try ICUText.foldCase("RUSSLAND") == "russland")
        #expect(try ICUText.foldCase("ÄÖÜ") == "äöü")
        #expect(try ICUText.uppercased("Straße") == "STRASSE")
        #expect(try ICUText.lowercased("İ", locale: "tr") == "i")
    }

    @Test func reportsVersion() {
        #expect(ICUText.icuVersion.split(separator: ".").count >= 2)
    }
}

@Suite struct BreakIteratorTests {
    @Test func wordBoundariesWithStatus() throws {
        let words = try BreakIterator(.word, locale: "de")
        let segments = words.segments(of: "Russland und Kuba, 1.000,5 km.")
        #expect(segments == ["Russland", " ", "und", " ", "Kuba", ",", " ", "1.000,5", " ", "km", "."])
        let statuses = words.boundaries(of: "Kuba 1959").map(\.status)
        #expect(BreakIterator.WordStatus.letter.contains(Int(statuses[0])))
        #expect(BreakIterator.WordStatus.none.contains(Int(statuses[1])))
        #expect(BreakIterator.WordStatus.number.contains(Int(statuses[2])))
        #expect(words.segments(of: "").isEmpty)
    }

    @Test func sentenceBoundaries() throws {
        let sentences = try BreakIterator(.sentence, locale: "de@ss=standard")
        let parts = sentences.segments(of: "Das ist gut. Und das auch! Wirklich?")
        #expect(parts == ["Das ist gut. ", "Und das auch! ", "Wirklich?"])
    }

    @Test func reusableAcrossTexts() throws {
        let words = try BreakIterator(.word)
        #expect(words.segments(of: "a b") == ["a", " ", "b"])
        #expect(words.segments(of: "Moskau") == ["Moskau"])
    }
}

@Suite struct TransliteratorTests {
    @Test func builtInBGN() throws {
        let bgn = try Transliterator(id: "Russian-Latin/BGN")
        #expect(bgn.transliterate("Борисов") == "Borisov")
        #expect(bgn.transliterate("Moskau") == "Moskau")
    }

    @Test func customRules() throws {
        let rules = try Transliterator(id: "Test-Rules", rules: "а > a; б > b; ш > sch;")
        #expect(rules.transliterate("шаб") == "schab")
    }

    @Test func unknownIDIsAnErrorWithICUName() {
        #expect(throws: ICUError.self) { try Transliterator(id: "No-Such/Thing") }
        do {
            _ = try Transliterator(id: "No-Such/Thing")
        } catch {
            #expect(error.name.hasPrefix("U_"))
        }
    }

    @Test func badRulesReportPosition() {
        do {
            _ = try Transliterator(id: "Broken", rules: "a > b;\nc > ;;; [[[ ;")
            Issue.record("rules should not compile")
        } catch {
            #expect(error.ruleLine != nil)
            #expect(error.name.hasPrefix("U_"))
        }
    }

    @Test func listsIDs() {
        #expect(Transliterator.availableIDs.contains("Russian-Latin/BGN"))
    }
}

@Suite struct CollatorTests {
    @Test func germanDictionaryAndPhonebookOrder() throws {
        let din1 = try Collator(locale: "de")
        #expect(din1.compare("Äpfel", "Apfel") == .descending)
        #expect(din1.compare("Äpfel", "Affe") == .descending)
        let words = ["Zypern", "Österreich", "Ägypten", "Oman", "Albanien"]
        #expect(words.sorted(by: din1.areInIncreasingOrder) == ["Ägypten", "Albanien", "Oman", "Österreich", "Zypern"])
        let phonebook = try Collator(locale: "de@collation=phonebook")
        // DIN 5007-1: ä sorts as a, so "Mädchen" (mad-c) precedes "Made" (mad-e);
        // DIN 5007-2: ä sorts as ae, so "Mädchen" (mae) follows "Made" (mad).
        #expect(din1.compare("Mädchen", "Made") == .ascending)
        #expect(phonebook.compare("Mädchen", "Made") == .descending)
        #expect(din1.sortKey("a").lexicographicallyPrecedes(din1.sortKey("b")))
    }
}

@Suite struct SpoofTests {
    @Test func mixedScriptAndSkeleton() throws {
        let checker = try SpoofChecker()
        #expect(try checker.check("Borissow").isEmpty)
        #expect(try !checker.check("B\u{043E}rissow").isEmpty)  // Cyrillic о
        #expect(try checker.skeleton("B\u{043E}rissow") == checker.skeleton("Borissow"))
        #expect(try checker.areConfusable("B\u{043E}rissow", "Borissow"))
        #expect(try !checker.areConfusable("Lawrow", "Borissow"))
    }

    @Test func scripts() {
        #expect(Script(of: "Б") == .cyrillic)
        #expect(Script(of: "B") == .latin)
        #expect(Script.scripts(of: "Дніnро 1") == [.cyrillic, .latin])
        #expect(Script.latin.code == "Latn")
    }
}

@Suite struct LocaleDataTests {
    @Test func regionNames() {
        #expect(LocaleData.regionCodes.contains("CU"))
        #expect(LocaleData.regionName("CU", in: "de") == "Kuba")
        #expect(LocaleData.regionName("CU", in: "en") == "Cuba")
        #expect(LocaleData.regionName("BY", in: "de") == "Belarus")
    }

    @Test func exemplarCities() {
        #expect(LocaleData.timeZoneIDs(region: "RU").contains("Europe/Moscow"))
        #expect(LocaleData.exemplarCity(zone: "Europe/Moscow", in: "de") == "Moskau")
        #expect(LocaleData.exemplarCity(zone: "America/Havana", in: "de") == "Havanna")
        #expect(LocaleData.exemplarCity(zone: "America/Havana", in: "en") == "Havana")
    }
}

@Suite struct UTF16ConversionTests {
    @Test func matchesTheStandardLibrary() {
        let pieces = ["", "a", "Kuba und Russland", "ä", "ß", "€", "─", "😀", "👩‍👩‍👧", "\u{0}", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}", "\u{10FFFF}", "中文"]
        // Every piece at every alignment after a run of ASCII, and long mixed texts.
        for piece in pieces {
            for prefix in 0..<17 {
                let text = String(repeating: "x", count: prefix) + piece + String(repeating: "y", count: 9) + piece
                #expect(ICUText.utf16(text) == Array(text.utf16), "\(text.debugDescription)")
            }
        }
        let long = (0..<2000).map { pieces[$0 % pieces.count] + String(repeating: "z", count: $0 % 11) }.joined()
        #expect(ICUText.utf16(long) == Array(long.utf16))
        #expect(ICUText.utf16("").isEmpty)
    }

    @Test func reusingStorageGivesTheSameUnits() {
        // (The long texts cross the 16 KiB pieces of the conversion at every kind of sequence.)
        let texts = ["Kuba und Russland", "Größe 😀 中文", "", "a", String(repeating: "Straße 😀 ", count: 50), "Kuba",
                     String(repeating: "ä😀€x", count: 20_000), String(repeating: "a€😀ä", count: 20_000)]
        var storage: [UInt16] = []
        var previous: [UInt16] = []
        for text in texts + texts.reversed() {
            let units = ICUText.utf16(text, reusing: &storage)
            #expect(units == Array(text.utf16), "\(text.debugDescription)")
            #expect(storage.isEmpty)
            // Alternately shared with the result of the last call and not.
            storage = units.count % 2 == 0 ? units : previous
            previous = units
        }
    }
}
