import Foundation
import GlossaTranslit
import Testing

@Suite struct CheckerTests {
    func checker() throws -> TranslitChecker {
        TranslitChecker(transliteration: Transliteration(exceptions: try TestData.exceptions()))
    }

    @Test func findsOneNameSpelledSeveralWays() throws {
        let text = """
            Vize-Außenminister Sergej Rjabkow sagte am Montag in Moskau, Europa solle verhandeln.
            Riabkow fügte hinzu, dass Juri Borissow zustimme.
            Auch Borisow war anwesend; Rjabkow blieb.
            """
        let occurrences = NameScanner.scan(text, file: "a.txt")
        let findings = try checker().check(entries: [], occurrences: occurrences, texts: [CheckText(file: "a.txt", text: text)])
        let clusters = findings.filter { $0.kind == .variantSpellings }
        #expect(clusters.count == 2)
        let rjabkow = try #require(clusters.first { $0.spellings.contains("Rjabkow") })
        #expect(rjabkow.spellings == ["Rjabkow", "Riabkow"])
        #expect(rjabkow.locations.count == 3)
        #expect(rjabkow.locations.first == FindingLocation(file: "a.txt", line: 1, column: 27))
        #expect(rjabkow.locations.contains(FindingLocation(file: "a.txt", line: 2, column: 1)))
        #expect(rjabkow.message.contains("Rjabkow (2×)"))
        #expect(clusters.contains { Set($0.spellings) == ["Borissow", "Borisow"] })
    }

    @Test func differentNamesDoNotCollide() throws {
        let text = "Lawrow traf Lukin, Lebedew, Boris und Boric; Putin und Petin; Sergej Schoigu und Schukow."
        let findings = try checker().check(entries: [], occurrences: NameScanner.scan(text, file: "b.txt"), texts: [])
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(TranslitChecker.spellingKey("Selenskyj") == TranslitChecker.spellingKey("Selenski"))
        #expect(TranslitChecker.spellingKey("Selenskyj") == TranslitChecker.spellingKey("Zelensky"))
        #expect(TranslitChecker.spellingKey("Rjabkow") == TranslitChecker.spellingKey("Ryabkov"))
        #expect(TranslitChecker.spellingKey("Schoigu") != TranslitChecker.spellingKey("Schukow"))
    }

    @Test func keyCollisionsOnTheNamesFileAreFew() throws {
        let rows = try NameAccuracy.parse(try TestData.namesFile())
        let collisions = TranslitChecker.keyCollisions(rows.map { (german: $0.de, english: $0.en) })
        print("spelling-key collisions among \(rows.count) names: \(collisions.count): \(collisions.map(\.german))")
        #expect(collisions.count <= 3)
        // the measure finds a collision when there is one
        let made = TranslitChecker.keyCollisions([(german: "Boris", english: "Boris"), (german: "Borys", english: "Borys")])
        #expect(made.count == 1)
    }

    @Test func findsMixedScriptWords() throws {
        let text = "Der Bürgermeister von Дніnро und Bоrissow."
        let findings = try checker().check(entries: [], occurrences: NameScanner.scan(text, file: "c.txt"), texts: [])
        let mixed = findings.filter { $0.kind == .mixedScript }
        #expect(mixed.map(\.spellings) == [["Дніnро"], ["Bоrissow"]])
        #expect(mixed[0].locations == [FindingLocation(file: "c.txt", line: 1, column: 23)])
        #expect(mixed[1].message.contains("U+043E"))
    }

    @Test func findsTextThatIsNotNFC() throws {
        let text = "Zeile eins\nAußenminister Sikorski\u{301} sagte\n"
        let findings = try checker().check(entries: [], occurrences: [], texts: [CheckText(file: "d.txt", text: text)])
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.kind == .notNFC)
        #expect(finding.locations == [FindingLocation(file: "d.txt", line: 2, column: 22)])
        #expect(finding.spellings == ["Sikorski\u{301}"])
        let clean = try checker().check(entries: [], occurrences: [], texts: [CheckText(file: "e.txt", text: "Sikorskí")])
        #expect(clean.isEmpty)
    }

    @Test func glossaryEntriesAgreeWithTheSchemes() throws {
        let good = [
            CheckEntry(de: "Juri Borissow", en: "Yury Borisov", orig: "Юрий Борисов", type: "person", file: "g.tsv", line: 2),
            CheckEntry(de: "Wolodymyr Selenskyj", en: "Volodymyr Zelensky", orig: "Володимир Зеленський", type: "person", file: "g.tsv", line: 3),
            CheckEntry(de: "Sergej Lawrow", en: "Sergei Lavrov", orig: "Сергей Лавров", type: "person", file: "g.tsv", line: 4),
            CheckEntry(de: "Nikita Chruschtschow", en: "Nikita Khrushchev", orig: "Никита Хрущёв", type: "person", file: "g.tsv", line: 5),
            CheckEntry(de: "Aleksandar Vučić", en: "Aleksandar Vučić", orig: "Александар Вучић", type: "person", file: "g.tsv", line: 6),
        ]
        #expect(try checker().check(entries: good, occurrences: [], texts: []).isEmpty)
        let bad = CheckEntry(de: "Juri Borisow", en: "Yuri Borissov", orig: "Юрий Борисов", type: "person", file: "g.tsv", line: 7)
        let finding = try #require(try checker().schemeMismatch(bad))
        #expect(finding.kind == .schemeMismatch)
        #expect(finding.message.contains("expected 'Juri Borissow'"))
        #expect(finding.message.contains("expected 'Yury Borisov'"))
        #expect(finding.locations == [FindingLocation(file: "g.tsv", line: 7, column: 1)])
    }

    @Test func entriesWithoutOrigAreCheckedThroughTheGermanSpelling() throws {
        let good = CheckEntry(de: "Dmitri Peskow", en: "Dmitry Peskov", type: "person", file: "g.tsv", line: 2)
        #expect(try checker().schemeMismatch(good) == nil)
        let bad = CheckEntry(de: "Dmitri Peskow", en: "Dmitry Peskow", type: "person", file: "g.tsv", line: 3)
        let finding = try #require(try checker().schemeMismatch(bad))
        #expect(finding.message.contains("suggests 'Dmitry Peskov'"))
        // not a Slavic-looking name: not checked
        let other = CheckEntry(de: "Emmanuel Macron", en: "Emmanuel Makron", type: "person", file: "g.tsv", line: 4)
        #expect(try checker().schemeMismatch(other) == nil)
    }

    @Test func glossaryVariantsOfOneEntryAreNotReportedButTextDeviationsAre() throws {
        let entry = CheckEntry(de: "Sergej Rjabkow", en: "Sergei Ryabkov", orig: "Сергей Рябков", variants: ["Sergej Riabkow"],
                               type: "person", file: "g.tsv", line: 2)
        #expect(try checker().check(entries: [entry], occurrences: [], texts: []).isEmpty)
        let occurrences = NameScanner.scan("Ryabkov sagte", file: "t.txt")
        let findings = try checker().check(entries: [entry], occurrences: occurrences, texts: [])
        #expect(findings.map(\.kind) == [.variantSpellings])
        #expect(findings.first?.spellings.contains("Ryabkov") == true)
    }

    @Test func findingsEncodeAsTheDocumentedJSON() throws {
        let finding = TranslitFinding(kind: .mixedScript, message: "m", spellings: ["x"],
                                      locations: [FindingLocation(file: "f", line: 1, column: 2)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(finding), as: UTF8.self)
        #expect(json == #"{"kind":"mixed-script","locations":[{"column":2,"file":"f","line":1}],"message":"m","spellings":["x"]}"#)
    }

    @Test func scannerCountsColumnsInScalars() {
        let occurrences = NameScanner.scan("„Žaba“ und Борисов\n  Kara-Mursa", file: "s.txt")
        #expect(occurrences.map(\.text) == ["Žaba", "Борисов", "Kara-Mursa"])
        #expect(occurrences.map(\.column) == [2, 12, 3])
        #expect(occurrences.map(\.line) == [1, 1, 2])
    }
}
