import GlossaGlossary
@testable import GlossaPipeline
import GlossaTestSupport
import GlossaText
import Testing

@Suite struct PipelineTests {
    static let index: GlossaryIndex = try! GlossaryIndex(Glossary.load(paths: [TestSupport.file("Glossaries/de-en").path]))

    @Test func annotationsAreOrderedDisjointExactAndInTheirSentences() throws {
        let text = try TestSupport.text("Fixtures/de/kuba-russland.txt")
        let annotated = Annotator(index: Self.index, guessStage: TransliterationGuesses()).annotate(try GermanTokenizer().document(text))
        let scalars = Array(text.unicodeScalars)
        var previousEnd = 0
        for annotation in annotated.annotations {
            #expect(annotation.start >= previousEnd)
            previousEnd = annotation.end
            #expect(String(String.UnicodeScalarView(scalars[annotation.start..<annotation.end])) == annotation.text)
            let sentence = annotated.document.sentences[annotation.sentence]
            #expect(sentence.start <= annotation.start && annotation.end <= sentence.end)
            #expect(annotation.isFromGlossary == (annotation.kind != .guess))
        }
        let perSentence = annotated.document.sentences.indices.reduce(0) { $0 + annotated.annotations(inSentence: $1).count }
        #expect(perSentence == annotated.annotations.count)
        #expect(annotated.usage.reduce(0) { $0 + $1.count } == annotated.annotations.count)
    }

    @Test func guessesUnknownRussianNamesOnly() throws {
        let document = try GermanTokenizer().document("Der Minister Sergej Pupkow traf Iwan Petrowitsch Sidorow zum Interview in Moskau.")
        let annotated = Annotator(index: Self.index, guessStage: TransliterationGuesses()).annotate(document)
        let guesses = annotated.annotations.filter { $0.kind == .guess }
        #expect(guesses.map(\.text) == ["Sergej Pupkow", "Iwan Petrowitsch Sidorow"])
        #expect(guesses.map(\.gloss) == ["Sergei Pupkov", "Ivan Petrovich Sidorov"])
        #expect(guesses.allSatisfy { $0.entryID == nil && $0.source == nil && $0.type == .person })
        #expect(annotated.annotations.contains { $0.text == "Moskau" && $0.kind == .exact })
        let none = Annotator(index: Self.index).annotate(document)
        #expect(!none.annotations.contains { $0.kind == .guess })
    }

    /// German places are glossary matches, German and Polish surnames are skipped (the list,
    /// the spelling rule), and a first name before a skipped surname is not guessed alone.
    @Test func germanLookAlikesAreNotGuessed() throws {
        let text = "Im Bezirk Pankow und in Treptow. Rudolf Virchow. Lukas Podolski. Teltow liegt bei Berlin. "
            + "Hans Modrow traf Zbigniew Brzezinski und Dirk Nowitzki in Grabow. Sergej Pupkow und Wladimir Milow kamen nach Sarow."
        let document = try GermanTokenizer().document(text)
        let annotated = Annotator(index: Self.index, guessStage: TransliterationGuesses.bundled()).annotate(document)
        let guesses = annotated.annotations.filter { $0.kind == .guess }
        #expect(guesses.map(\.text) == ["Sergej Pupkow", "Wladimir Milow", "Sarow"])
        for place in ["Pankow", "Treptow", "Teltow", "Grabow"] {
            #expect(annotated.annotations.contains { $0.text == place && $0.gloss == place && $0.kind == .exact }, "\(place)")
        }
        // Without the list the surnames no rule can tell apart are guessed.
        let unlisted = Annotator(index: Self.index, guessStage: TransliterationGuesses()).annotate(document)
        #expect(unlisted.annotations.filter { $0.kind == .guess }.map(\.text)
            == ["Podolski", "Modrow", "Nowitzki", "Sergej Pupkow", "Wladimir Milow", "Sarow"])
    }

    @Test func surnameHeuristic() {
        for name in ["Pupkow", "Sidorowa", "Kowaltschuk", "Timoschenko", "Chruschtschow", "Dostojewski", "Petrowitsch"] {
            #expect(TransliterationGuesses.looksLikeSurname(name), "\(name)")
        }
        for word in ["Interview", "Show", "Haus", "Wow", "Bundestag", "Verkehrsministerium", "Löw", "ow"] {
            #expect(!TransliterationGuesses.looksLikeSurname(word), "\(word)")
        }
    }

    /// The cheap test on code units never rejects a word the full test accepts: random words
    /// over letters that lowercase to a-z (and the Kelvin sign) or not, hyphens, digits and
    /// surname endings, and every word of the fixtures.
    @Test func theCodeUnitPrefilterKeepsEverySurname() throws {
        let pieces = ["A", "K", "\u{212A}", "a", "o", "w", "ew", "ow", "ski", "enko", "schtsch", "-", "ä", "Ö", "ß", "\u{130}", "1", "É", "uk", "itsch"]
        var random = SplitMix(seed: 3)
        var words: [String] = []
        for _ in 0..<30_000 {
            let count = 1 + Int(random.next() % 6)
            words.append((0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
        }
        for path in ["Fixtures/de/kuba-russland.txt", "Fixtures/de/falsche-freunde.txt", "Fixtures/de/tokenizer-cases.txt"] {
            words += try TestSupport.text(path).split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
        }
        var accepted = 0
        for word in words where TransliterationGuesses.looksLikeSurname(word) {
            accepted += 1
            let units = Array(word.utf16)
            #expect(TransliterationGuesses.mayLookLikeSurname(units, 0, units.count), "\(word)")
        }
        #expect(accepted > 100)
    }

    @Test func annotatingInParallelGivesTheSameResult() throws {
        let text = try TestSupport.text("Fixtures/de/kuba-russland.txt")
        let texts = Array(repeating: text, count: 8)
        let annotator = Annotator(index: Self.index)
        let pool = ResourcePool { try GermanTokenizer() }
        let parallel = parallelMap(texts, jobs: 4) { text in try! pool.withResource { annotator.annotate($0.document(text)).annotations } }
        let single = annotator.annotate(try GermanTokenizer().document(text)).annotations
        #expect(parallel.allSatisfy { $0 == single })
    }
}
