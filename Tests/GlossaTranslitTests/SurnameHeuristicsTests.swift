import Foundation
import GlossaTranslit
import Testing

/// The German spellings of the surnames (last words) of people.tsv's names whose `orig` is
/// Russian, Ukrainian or Belarusian Cyrillic (not Serbian: no ђ ј љ њ ћ џ). First names are
/// left out: the press keeps some in V (Viktor, Vitali, Elvira), and guesses take only the
/// first names they know.
func cyrillicPeopleWords() throws -> [String] {
    let text = try String(contentsOf: TestData.repositoryRoot.appendingPathComponent("Glossaries/de-en/people.tsv"), encoding: .utf8)
    var header: [String]?
    var words: [String] = []
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard let columns = header else { header = fields; continue }
        guard let de = columns.firstIndex(of: "de"), let orig = columns.firstIndex(of: "orig"), orig < fields.count,
              fields[orig].unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }),
              !fields[orig].contains(where: { "ђјљњћџЂЈЉЊЋЏ".contains($0) }),
              let surname = fields[de].split(separator: " ").last else { continue }
        words.append(String(surname))
    }
    return words
}

/// Which words name guesses take as German-spelled East Slavic surnames.
@Suite struct SurnameHeuristicsTests {
    /// German, Polish and English words that end like transcriptions but have letters the
    /// German transcription never writes, or are identifiers.
    @Test func spellingsTheTranscriptionNeverWritesAreNotSurnames() {
        for word in ["Virchow", "Zverev", "Tresckow", "Buckow", "Casekow", "Brzezinski", "Czechanowski", "Kaczynski",
                     "Matthew", "Przybylski", "Szymanski", "DeviceAllow", "MemoryLow", "JobNew", "Upgrade-Allow-New", "Allow", "Renew"] {
            #expect(!Transliteration.looksLikeGermanSpelledSurname(word), "\(word)")
        }
        for word in ["Pupkow", "Chruschtschow", "Tschaikowski", "Kowaltschuk", "Timoschenko", "Alexandrow", "Jewtuschenko", "Schtschukin"] {
            #expect(Transliteration.looksLikeGermanSpelledSurname(word), "\(word)")
        }
    }

    /// The rule is safe: no German spelling of the 530 real Russian, Ukrainian and Belarusian
    /// names of the accuracy lists (nor of their Cyrillic-named people in people.tsv) has
    /// letters it rejects, and every one of them that has a surname's shape is still taken.
    @Test func noRealNameHasARejectedSpelling() throws {
        var names = try NameAccuracy.parse(try TestData.namesFile()).map(\.de)
        names += try NameAccuracy.parse(try TestData.namesFile("names-extra.tsv"), file: "names-extra.tsv").map(\.de)
        #expect(names.count == 530)
        let people = try cyrillicPeopleWords()
        #expect(people.count > 50)
        names += people
        var shaped = 0
        for name in names {
            #expect(!Transliteration.hasNonTranscriptionSpelling(name.lowercased()), "\(name)")
            if Transliteration.hasSurnameShape(name) {
                shaped += 1
                #expect(Transliteration.looksLikeGermanSpelledSurname(name), "\(name)")
            }
        }
        #expect(shaped > 150)
    }
}

@Suite struct LookAlikeTests {
    static func bundled() throws -> LookAlikeNames {
        try LookAlikeNames.load(contentsOf: TestData.repositoryRoot.appendingPathComponent("Glossaries/translit/look-alikes.tsv"))
    }

    @Test func theListIsCaseInsensitive() throws {
        let list = try Self.bundled()
        #expect(list.contains("Podolski") && list.contains("PODOLSKI") && list.contains("modrow"))
        #expect(!list.contains("Pupkow"))
        #expect(!LookAlikeNames.empty.contains("Podolski"))
    }

    /// Every listed name is one the guesser would otherwise take (the others need no entry),
    /// and none is the German spelling of a real name of the accuracy lists.
    @Test func everyEntryIsNeededAndNoneIsARealTranscription() throws {
        let list = try Self.bundled()
        #expect(list.names.count >= 30)
        for name in list.names {
            #expect(Transliteration.looksLikeGermanSpelledSurname(name), "\(name) is never guessed: it needs no entry")
        }
        var real = try NameAccuracy.parse(try TestData.namesFile()).map(\.de)
        real += try NameAccuracy.parse(try TestData.namesFile("names-extra.tsv"), file: "names-extra.tsv").map(\.de)
        real += try cyrillicPeopleWords()
        for name in real { #expect(!list.contains(name), "\(name)") }
        #expect(Set(list.names.map { $0.lowercased() }).count == list.names.count)
    }

    @Test func parsingReportsErrors() {
        #expect(throws: TranslitError.self) { try LookAlikeNames.parse("en\nModrow\n") }
        #expect(throws: TranslitError.self) { try LookAlikeNames.parse("de\ten\n\tModrow\n") }
        #expect(throws: TranslitError.self) { try LookAlikeNames.parse("de\nModrow\textra\n") }
        let list = try? LookAlikeNames.parse("# c\nde\tnote\nModrow\tHans Modrow\n")
        #expect(list?.names == ["Modrow"])
    }
}
