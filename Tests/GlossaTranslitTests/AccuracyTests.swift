import Foundation
import GlossaTranslit
import Testing

/// Exact-match accuracy on real names (Data/names.tsv), with the schemes alone (strict) and
/// with the exceptions table. Run `glossa translit accuracy --misses` for the figures and misses.
@Suite struct AccuracyTests {
    func figures(strict: Bool) throws -> [String: AccuracyFigure] {
        let rows = try NameAccuracy.parse(try TestData.namesFile())
        let engine = strict ? Transliteration() : Transliteration(exceptions: try TestData.exceptions())
        let figures = try NameAccuracy.measure(rows, engine: engine, strict: strict)
        print(NameAccuracy.report(figures), terminator: "")
        return Dictionary(uniqueKeysWithValues: figures.map { ($0.direction, $0) })
    }

    @Test func theNamesFileIsLargeEnough() throws {
        let rows = try NameAccuracy.parse(try TestData.namesFile())
        #expect(rows.filter { $0.language == .ru }.count >= 120)
        #expect(rows.filter { $0.language == .uk }.count >= 30)
        #expect(rows.filter { $0.language == .be }.count >= 15)
        // one row per name
        #expect(Set(rows.map { "\($0.language.rawValue):\($0.orig)" }).count == rows.count)
    }

    @Test func strictAccuracyMeetsTheGoals() throws {
        let strict = try figures(strict: true)
        let ruDe = try #require(strict["ru→de"])
        let ruEn = try #require(strict["ru→en"])
        let deEn = try #require(strict["de→en"])
        #expect(ruDe.ratio >= 0.90, "ru→de strict \(ruDe.percent)")
        #expect(ruEn.ratio >= 0.90, "ru→en strict \(ruEn.percent)")
        // The goal for de→en is 85%; the ranking reaches 85.2% (see Docs/translit.md).
        #expect(deEn.ratio >= 0.85, "de→en strict \(deEn.percent)")
        #expect(try #require(strict["uk→de"]).ratio >= 0.90)
        #expect(try #require(strict["uk→en"]).ratio >= 0.85)
    }

    /// names-extra.tsv: more real names, none of them in names.tsv, as a check that the de→en
    /// ranking is not fitted to names.tsv (the letter-context counts leave both lists out).
    @Test func theExtraNamesDoAsWell() throws {
        let rows = try NameAccuracy.parse(try TestData.namesFile())
        let extra = try NameAccuracy.parse(try TestData.namesFile("names-extra.tsv"), file: "names-extra.tsv")
        #expect(extra.count >= 200)
        let known = Set(rows.map { "\($0.language.rawValue):\($0.orig)" })
        #expect(extra.allSatisfy { !known.contains("\($0.language.rawValue):\($0.orig)") })
        #expect(Set(extra.map { "\($0.language.rawValue):\($0.orig)" }).count == extra.count)
        let figures = try NameAccuracy.measure(extra, engine: Transliteration(), strict: true)
        print(NameAccuracy.report(figures), terminator: "")
        let byDirection = Dictionary(uniqueKeysWithValues: figures.map { ($0.direction, $0) })
        #expect(try #require(byDirection["ru→de"]).ratio >= 0.95)
        #expect(try #require(byDirection["ru→en"]).ratio >= 0.95)
        let deEn = try #require(byDirection["de→en"])
        #expect(deEn.ratio >= 0.85, "de→en strict on names-extra.tsv \(deEn.percent)")
    }

    @Test func exceptionsOnlyAddToTheSchemes() throws {
        let strict = try figures(strict: true)
        let loose = try figures(strict: false)
        for (direction, figure) in strict where direction.hasPrefix("ru") || direction.hasPrefix("de") {
            #expect(try #require(loose[direction]).correct >= figure.correct, "\(direction)")
        }
        #expect(try #require(loose["de→en"]).ratio >= 0.85)
    }

    @Test func parseRejectsBadRows() {
        #expect(throws: TranslitError.self) { try NameAccuracy.parse("lang\torig\tde\nru\tА\tA\n") }
        #expect(throws: TranslitError.self) { try NameAccuracy.parse("lang\torig\tde\ten\nxx\tА\tA\tA\n") }
    }
}
