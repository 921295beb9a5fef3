import Foundation
import GlossaGlossary
import GlossaTestSupport
import Testing

private func index(_ text: String, path: String = "g.tsv") throws -> GlossaryIndex {
    var glossary = Glossary()
    glossary.add(try GlossaryFile.parse(text, path: path))
    return try GlossaryIndex(glossary)
}

private let sample = """
    de\ten\ttype\tvariants
    Sergej Lawrow\tSergey Lavrov\tperson\tSergei Lawrow
    Waffenruhe\tceasefire\tterm
    Waffenstillstandsabkommen\tceasefire agreement\tterm
    Sanktion\tsanction\tterm
    Russland\tRussia\tcountry

    """

@Suite struct LookupTests {
    @Test func germanInflectedFormsUseTheMatcher() throws {
        let glossary = try index(sample)
        let lookup = try GlossaryLookup(index: glossary)
        let lawrow = lookup.find("Lawrows")
        #expect(lawrow.first.map { glossary.glossary.entries[$0.entry].de } == "Sergej Lawrow")
        let sanctions = lookup.find("Sanktionen")
        #expect(sanctions.first.map { glossary.glossary.entries[$0.entry].de } == "Sanktion")
        #expect(sanctions.first?.how == "inflected")
        let genitive = lookup.find("Russlands")
        #expect(genitive.first?.how == "inflected")
    }

    @Test func englishIgnoresCase() throws {
        let glossary = try index(sample)
        let hits = try GlossaryLookup(index: glossary).find("CEASEFIRE")
        #expect(hits.map(\.how) == ["english", "english-word"])
        #expect(hits.map { glossary.glossary.entries[$0.entry].de } == ["Waffenruhe", "Waffenstillstandsabkommen"])
    }

    @Test func nearMisspellingsScaleWithLength() throws {
        let glossary = try index(sample)
        let lookup = try GlossaryLookup(index: glossary)
        let hits = lookup.find("Lavrof")
        #expect(hits.first?.how == "similar")
        #expect(hits.first?.distance == 1)
        #expect(lookup.find("Rusland").contains { $0.how == "similar" || $0.how == "diacritics" || $0.how == "inflected" })
        // Short keys need an exact hit: "Ruß" is not "Russ...".
        #expect(GlossaryLookup.allowedDistance(forLength: 4) == 0)
        #expect(GlossaryLookup.allowedDistance(forLength: 8) == 1)
        #expect(GlossaryLookup.allowedDistance(forLength: 9) == 2)
        #expect(lookup.find("Xyzzyq").isEmpty)
    }

    @Test func editDistance() {
        func d(_ a: String, _ b: String, _ limit: Int = 5) -> Int { GlossaryLookup.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit) }
        #expect(d("kitten", "sitting") == 3)
        #expect(d("abc", "abc") == 0)
        #expect(d("abcdef", "zzzzzz", 2) == 3)
    }
}

@Suite struct MergeTests {
    @Test func conflictsAreReportedAndKeptAsComments() throws {
        let a = try GlossaryFile.parse("de\ten\ttype\nKrieg\twar\nFrieden\tpeace\n", path: "a.tsv")
        let b = try GlossaryFile.parse("# from b\nde\ten\tnote\nFrieden\tpeace treaty\tother\nKrieg\twar\nWaffe\tweapon\n", path: "b.tsv")
        let result = try GlossaryMerge.merge([a, b], outputPath: "m.tsv")
        #expect(result.conflicts.count == 1)
        #expect(result.conflicts[0].description == "conflict: 'Frieden': en 'peace' vs 'peace treaty', note '' vs 'other' (kept a.tsv:3; b.tsv:3 written as a comment)")
        #expect(result.duplicates == ["b.tsv:4"])
        #expect(result.file.serialized() == """
            # from b
            de\ten\ttype\tnote
            # merge conflict, from b.tsv:3: Frieden\tpeace treaty\t\tother
            Frieden\tpeace
            Krieg\twar
            Waffe\tweapon

            """)
        // The merged file is canonical and lints without errors.
        #expect(try GlossaryFormatter.canonicalText(of: result.file.serialized(), path: "m.tsv") == result.file.serialized())
        let findings = try GlossaryLinter().lint([.init(path: "m.tsv", text: result.file.serialized())])
        #expect(findings.filter { $0.severity == .error }.isEmpty)
    }
}

@Suite struct CoverageTests {
    @Test func countsUsesAndUncoveredCapitalizedWords() throws {
        let glossary = try index(sample)
        var counter = try CoverageCounter(index: glossary)
        counter.add("Heute sprach Sergej Lawrow über Russland. Gestern traf Lawrow den Olaf Scholz. Dann sprach Olaf Scholz mit Frankreich.", name: "a")
        let uses = counter.entryUses().map { (glossary.glossary.entries[$0.entry].de, $0.count) }
        #expect(uses.map(\.0) == ["Sergej Lawrow", "Russland"])
        #expect(uses.map(\.1) == [2, 1])
        let candidates = counter.candidates(top: 3)
        #expect(candidates.first?.de == "Olaf Scholz")
        #expect(candidates.first?.count == 2)
        let france = counter.candidates(top: 50).first { $0.de == "Frankreich" }
        #expect(france?.en == "France")
        #expect(france?.type == .country)
        // Sentence-initial words are not candidates.
        #expect(!counter.candidates(top: 50).contains { $0.de == "Heute" || $0.de == "Gestern" })
    }
}

@Suite struct StatisticsTests {
    @Test func countsByTypeStatusAndDuplicates() throws {
        var glossary = Glossary()
        glossary.add(try GlossaryFile.parse("de\ten\ttype\tstatus\torig\nA\ta\tcity\nB\tb\t\tadmitted\tБ\nA\tx\tcountry\n", path: "s.tsv"))
        let stats = GlossaryStatistics(glossary)
        #expect(stats.total == 3)
        #expect(stats.byType == ["city": 1, "term": 1, "country": 1])
        #expect(stats.byStatus == ["preferred": 2, "admitted": 1])
        #expect(stats.withOrig == 1)
        #expect(stats.duplicates.map(\.de) == ["A"])
        #expect(stats.duplicates.first?.places == ["s.tsv:2", "s.tsv:4"])
    }
}
