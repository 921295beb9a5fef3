import Foundation
import GlossaICU
import GlossaTestSupport
@testable import GlossaText
import PropertyBased
import Testing

/// Differential tests of the word-boundary fast path: every boundary and every rule status
/// must be ICU's own (ICU's real iterator, `BreakIterator.forEachBoundary`, is the reference).

/// ICU's boundaries of `units`, one `ubrk_next` at a time.
private func icuBoundaries(_ units: [UInt16]) -> [Boundary] {
    let iterator = try! BreakIterator(.word, locale: "de")
    var result: [Boundary] = []
    iterator.forEachBoundary(in: units) { result.append(Boundary(offset: $0, status: $1)) }
    return result
}

/// A boundary and its rule status, comparable.
private struct Boundary: Equatable, CustomStringConvertible {
    let offset: Int
    let status: Int32
    var description: String { "\(offset):\(status)" }
}

private func fastBoundaries(_ units: [UInt16]) -> [Boundary]? {
    WordBoundaries.fastPathBoundaries(of: units)?.map { Boundary(offset: $0.offset, status: $0.status) }
}

private func combinedBoundaries(_ units: [UInt16]) -> [Boundary] {
    try! WordBoundaries().boundaries(of: units).map { Boundary(offset: $0.offset, status: $0.status) }
}

/// Records the first difference between the fast path's and ICU's boundaries, with context.
private func expectSameAsICU(_ text: String, fastPathOnly: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
    let units = Array(text.utf16)
    let expected = icuBoundaries(units)
    let actual: [Boundary]
    if fastPathOnly {
        guard let fast = fastBoundaries(units) else {
            Issue.record("the fast path refused \(text.debugDescription)", sourceLocation: sourceLocation)
            return
        }
        actual = fast
    } else {
        actual = combinedBoundaries(units)
    }
    guard actual != expected else { return }
    let k = (0..<min(actual.count, expected.count)).first { actual[$0] != expected[$0] } ?? min(actual.count, expected.count)
    let at = k < expected.count ? expected[k].offset : units.count
    let context = String(decoding: units[max(0, at - 20)..<min(units.count, at + 20)], as: UTF16.self)
    Issue.record("""
        boundaries differ from ICU's at boundary \(k) (offset \(at)) of \(text.count > 80 ? "a \(units.count)-unit text" : text.debugDescription):
         ICU:  \(expected[k..<min(expected.count, k + 4)])
         fast: \(actual[k..<min(actual.count, k + 4)])
         context: \(context.debugDescription)
        """, sourceLocation: sourceLocation)
}

/// Characters of every Word_Break class the fast path handles, and some it hands to ICU.
private let representatives: [String] = [
    "a", "Z", "ß", "é", "1", "9", "_", "\u{202F}", ".", "'", "\u{2019}", ",", ";", ":", "·", "\u{2027}", "@",
    " ", "  ", "\u{2003}", "\u{00A0}", "\t", "\u{0301}", "\u{00AD}", "\u{200B}", "\u{2060}", "\u{FEFF}", "\n", "\r", "\r\n",
    "\u{2028}", "\u{0085}", "\u{000B}", "-", "\u{2013}", "\"", "„", "“", "«", "»", "…", "(", "€", "%", "/", "─", "→", "Ж", "λ", "ǅ",
]

/// Neighbours for every character of the table: one of each class, and line breaks.
private let contexts = ["a", "1", "_", ".", ",", "'", "·", ":", " ", "\u{0301}", "\u{00AD}", "\n", "\r", "-", "@", "\u{202F}", "€"]

/// Characters the fast path does not handle (other scripts, emoji, joiners, indicators).
private let foreign: [String] = [
    "\u{200D}", "😀", "👩‍👩‍👧", "🇩🇪", "\u{05D0}", "\u{05F4}", "\u{30A2}", "\u{30FC}", "中", "\u{3000}", "\u{1680}", "ไทย", "한", "\u{FF0E}", "\u{FE55}", "\u{FF1A}", "\u{0600}",
]

@Suite struct WordBoundariesTests {
    @Test func fastPathIsAvailableWithICU72() throws {
        if ICUText.icuVersion.hasPrefix("72.") {
            #expect(WordBoundaries.fastPathAvailable)
            #expect(try GermanTokenizer().document("Kuba").tokens.count == 1)
        }
    }

    @Test func tableIsICUsWordBreakData() {
        var previousLast = -1
        for (first, last, wordBreak) in WordBreakTable.ranges {
            #expect(Int(first) > previousLast && first <= last, "ranges ascending and disjoint at U+\(String(first, radix: 16))")
            previousLast = Int(last)
            #expect(wordBreak != .unsupported)
            for u in first...last {
                let property = WordBreakProperty(of: UInt32(u))
                #expect(WordBreakClass(icuProperty: property.rawValue, codePoint: UInt32(u)) == wordBreak,
                        "U+\(String(u, radix: 16)): ICU Word_Break \(property.rawValue)")
                // Classes the fast path cannot handle are not in the table.
                #expect(![WordBreakProperty.zwj, .katakana, .hebrewLetter, .regionalIndicator].contains(property))
            }
        }
        // The space test of the fallback stretches knows every WSegSpace.
        for u in 0...0xFFFF {
            #expect(WordBoundaries.isWSegSpace(UInt16(u)) == (WordBreakProperty(of: UInt32(u)) == .wSegSpace), "U+\(String(u, radix: 16))")
        }
    }

    @Test func trickyCases() {
        let cases = [
            "3.5", "a.b", "can't", "U.S.A.", "1,000.5", "ab:cd", "x_y", "10'000", "Zusam\u{00AD}men\u{00AD}arbeit", "\u{00AD}ab",
            "Di\u{0301}az", "e\u{0301}\u{0323}x", "a\r\nb", "a\r\rb\n\nc", "a    b", "a\u{00A0}b", "a\u{00A0}\u{00A0}b", "e.g.", "„Wort“", "»Wort«",
            "\"quoted\"", "'s", "1,", "1,a", "a,", "1.", "1..2", "a..b", "a.1", "1.a", "a1.2", "1a.b", "a'", "'a", "a''b",
            "debian@lists.debian.org", "@", "@@", "a@1", "1@", "_", "__", "1_", "a_", "_1", "_a", "1__", "a_1", "1_a",
            "12\u{202F}000", "\u{202F}", "\u{202F}\u{202F}", "a\u{0301}", "\u{0301}", "\u{0301}\u{0301}a", "\n\u{0301}a", " \u{0301} ",
            "  \u{0301}  ", ".\u{0301}", "a.\u{0301}b", "1,\u{00AD}0", "a\u{00AD}.b", "a.\u{00AD}", "Nr.\u{2009}5", "z.\u{202F}B.", "a\u{2019}b",
            "1\u{2019}000", "a\u{2024}b", "1;2", "a;b", "1\u{2044}2", "a\u{2044}b", "x\u{037E}y", "1\u{037E}2", "ά", "ǅa", "\u{FEFF}a",
            "a\u{200B}b", "a\u{2060}b", "a\u{200C}b", "a\u{200E}b", "\t\t", "a\tb", "\u{2028}a\u{2029}", "a\u{0085}b", "\u{000B}\u{000C}",
            "Straße 12a, 3.OG", "Tel.: +49 (0)30 123-456", "07:30 Uhr", "50%", "20 €", "1.000.000,50 €", "2021/22", "Windows-Rechner",
            "http://www.example.com/a_b?c=d&e=f#g", "C++", "C#", ".NET", "x.y.z", "v1.2.3-beta", "a.-b", "...", "--", "a-", "-a",
        ]
        for text in cases {
            expectSameAsICU(text, fastPathOnly: true)
            expectSameAsICU(text)
        }
        // A few outcomes spelled out.
        #expect(fastBoundaries(Array("3.5".utf16)) == [Boundary(offset: 3, status: 100)])
        #expect(fastBoundaries(Array("U.S.A.".utf16)) == [Boundary(offset: 5, status: 200), Boundary(offset: 6, status: 0)])
        #expect(fastBoundaries(Array("ab:cd".utf16)) == [Boundary(offset: 2, status: 200), Boundary(offset: 3, status: 0), Boundary(offset: 5, status: 200)])
        #expect(fastBoundaries(Array("1_".utf16)) == [Boundary(offset: 2, status: 100)])
        #expect(fastBoundaries(Array("😀".utf16)) == nil)
    }

    /// Every character of the table, between every pair of representatives (and doubled).
    @Test func everyTableCharacterInContext() {
        for (first, last, _) in WordBreakTable.ranges {
            for u in first...last {
                let c = String(Unicode.Scalar(u).map(Character.init) ?? "?")
                var text = ""
                for x in contexts {
                    for y in contexts {
                        text += x + c + y + c + c + y + x
                    }
                    text += "\n" + c + x + c + "\n"
                }
                let units = Array(text.utf16)
                let expected = icuBoundaries(units)
                guard let actual = fastBoundaries(units) else {
                    Issue.record("the fast path refused U+\(String(u, radix: 16))")
                    continue
                }
                if actual != expected {
                    expectSameAsICU(text, fastPathOnly: true)
                    Issue.record("U+\(String(u, radix: 16)) in context")
                }
            }
        }
    }

    /// All strings of up to four representatives, in batches separated by line breaks (after
    /// which no rule looks back).
    @Test func allShortStrings() {
        let alphabet = ["a", "1", "_", ".", ",", ":", "'", "·", " ", "\u{0301}", "\u{00AD}", "\r", "\n", "-", "\u{202F}", "@", "\u{00A0}", "\u{000B}"]
        var batch = ""
        var count = 0
        func flush() {
            expectSameAsICU(batch, fastPathOnly: true)
            batch = ""
        }
        for length in 1...4 {
            var indices = [Int](repeating: 0, count: length)
            while true {
                batch += indices.map { alphabet[$0] }.joined() + "\n"
                count += 1
                if batch.utf16.count > 50_000 { flush() }
                var k = length - 1
                while k >= 0 {
                    indices[k] += 1
                    if indices[k] < alphabet.count { break }
                    indices[k] = 0
                    k -= 1
                }
                if k < 0 { break }
            }
        }
        flush()
        #expect(count > 80_000)
    }

    @Test func generatedStringsOfSupportedCharacters() async {
        let generator = Gen.int(in: 0...(representatives.count - 1)).array(of: 0...60).map { indices in
            indices.map { representatives[$0] }.joined()
        }
        await propertyCheck(count: 3000, input: generator) { text in
            expectSameAsICU(text, fastPathOnly: true)
        }
    }

    /// With characters the fast path hands to ICU: the combined result is still ICU's.
    @Test func generatedStringsWithForeignCharacters() async {
        let all = representatives + foreign + ["Kuba und Russland, 1.000,5 km. ", "Díaz-Canel sagte: „Ja.“\n"]
        let generator = Gen.int(in: 0...(all.count - 1)).array(of: 0...80).map { indices in
            indices.map { all[$0] }.joined()
        }
        await propertyCheck(count: 3000, input: generator) { text in
            expectSameAsICU(text)
        }
    }

    /// Long texts with rare foreign characters: the ICU stretches end at spaces and line breaks.
    @Test func longTextsWithRareForeignCharacters() throws {
        let article = try TestSupport.text("Fixtures/de/kuba-russland.txt")
        var text = ""
        for (k, line) in article.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            text += line
            text += foreign[k % foreign.count]
            text += k % 3 == 0 ? "\n" : " "
        }
        expectSameAsICU(text)
        let boundaries = try WordBoundaries()
        _ = boundaries.boundaries(of: Array(text.utf16))
        #expect(boundaries.statistics.icuStretches > 0)
        #expect(boundaries.statistics.fastUnits > boundaries.statistics.icuUnits)
        // One very long line: stretches end at spaces.
        let long = String(repeating: "Wort ", count: 200) + "😀" + String(repeating: " Wort", count: 2000) + "ไทยภาษา" + String(repeating: " x", count: 300)
        expectSameAsICU(long)
        _ = boundaries.boundaries(of: Array(long.utf16))
        #expect(boundaries.statistics.icuUnits < 1000)
        // Without the fast path, ICU segments long texts in stretches of 64k units and more.
        let longer = Array(String(repeating: long, count: 10).utf16)
        let icuOnly = try WordBoundaries(fastPath: false)
        #expect(icuOnly.boundaries(of: longer).map { Boundary(offset: $0.offset, status: $0.status) } == icuBoundaries(longer))
        #expect(icuOnly.statistics.icuStretches > 1 && icuOnly.statistics.fastUnits == 0)
    }

    @Test(arguments: ["kuba-russland", "tokenizer-cases", "falsche-freunde"])
    func fixtures(name: String) throws {
        let text = try TestSupport.text("Fixtures/de/\(name).txt")
        expectSameAsICU(text)
        // The document does not depend on how its boundaries were found.
        let fast = try GermanTokenizer(fastPath: true).document(text)
        let icu = try GermanTokenizer(fastPath: false).document(text)
        #expect(fast.tokens == icu.tokens)
        #expect(fast.sentences == icu.sentences && fast.paragraphs == icu.paragraphs)
        #expect(fast.keys == icu.keys && fast.stems == icu.stems && fast.spacedCompounds == icu.spacedCompounds)
    }

    @Test func documentsAreTheSameWithoutTheFastPath() async {
        let generator = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...40).map { indices in
            indices.map { pieces[$0] }.joined()
        }
        await propertyCheck(count: 300, input: generator) { text in
            let fast = try! GermanTokenizer(fastPath: true).document(text)
            let icu = try! GermanTokenizer(fastPath: false).document(text)
            #expect(fast.tokens == icu.tokens, "\(text.debugDescription)")
            #expect(fast.sentences == icu.sentences && fast.keys == icu.keys && fast.stems == icu.stems)
        }
    }

    /// A document of more segments than the tokenizer keeps at once, with characters that ICU
    /// segments here and there (astral scalars among them): the same with and without the fast path.
    @Test func largeDocumentsAreTheSameWithoutTheFastPath() throws {
        let article = try TestSupport.text("Fixtures/de/kuba-russland.txt") + "\n" + TestSupport.text("Fixtures/de/tokenizer-cases.txt")
        var text = ""
        for k in 0..<120 {
            text += article
            text += foreign[k % foreign.count] + " Ende-\nzeile 21. März " + foreign[(k + 3) % foreign.count] + "\n"
        }
        #expect(text.utf16.count > 200_000)
        try expectSameDocuments(text)
    }

    /// The benchmark corpus (git-ignored, made by Scripts/make-corpus.sh; `GLOSSA_CORPUS` names
    /// another file): every boundary and status of the whole text. Skipped when absent.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpusPath), "no benchmark corpus (bench-data/corpus-de.txt)"))
    func corpus() throws {
        let data = try #require(FileManager.default.contents(atPath: corpusPath))
        let units = ICUText.utf16(try InputText.decode(data, source: corpusPath))
        var expectedEnds: [Int32] = [], expectedStatuses: [Int32] = []
        try BreakIterator(.word, locale: "de").forEachBoundaryChunk(in: units) { offsets, statuses, count in
            expectedEnds.append(contentsOf: offsets[0..<count])
            expectedStatuses.append(contentsOf: statuses[0..<count])
        }
        var ends: [Int32] = [], statuses: [Int32] = []
        ends.reserveCapacity(expectedEnds.count)
        statuses.reserveCapacity(expectedEnds.count)
        let boundaries = try WordBoundaries()
        boundaries.forEachSegment(in: units) { _, end, status in
            ends.append(Int32(end))
            statuses.append(status)
        }
        #expect(ends.count == expectedEnds.count)
        let common = min(ends.count, expectedEnds.count)
        if let k = (0..<common).first(where: { ends[$0] != expectedEnds[$0] || statuses[$0] != expectedStatuses[$0] }) {
            let at = Int(expectedEnds[k])
            Issue.record("corpus boundary \(k) differs near offset \(at): \(String(decoding: units[max(0, at - 30)..<min(units.count, at + 30)], as: UTF16.self).debugDescription)")
        }
        let identical = ends == expectedEnds && statuses == expectedStatuses
        let statistics = boundaries.statistics
        // Whole documents, on the first megabytes (the debug build is slow).
        let prefix = try InputText.decode(Array(data.prefix(through: data.prefix(3_000_000).lastIndex(of: 0x0A) ?? 0)), source: corpusPath)
        try expectSameDocuments(prefix)
        print("word boundaries of \(corpusPath): \(ends.count) boundaries, identical to ICU's: \(identical);"
              + " fast path \(statistics.fastUnits) units, ICU \(statistics.icuUnits) units in \(statistics.icuStretches) stretches")
    }
}

/// The tokenizer's documents of `text` with and without the fast path are identical.
private func expectSameDocuments(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let fast = try GermanTokenizer(fastPath: true).document(text)
    let icu = try GermanTokenizer(fastPath: false).document(text)
    #expect(fast.tokens.count == icu.tokens.count, sourceLocation: sourceLocation)
    if let k = (0..<min(fast.tokens.count, icu.tokens.count)).first(where: { fast.tokens[$0] != icu.tokens[$0] }) {
        Issue.record("token \(k) differs: \(fast.text(of: fast.tokens[k]).debugDescription) \(fast.tokens[k]) vs \(icu.tokens[k])", sourceLocation: sourceLocation)
    }
    #expect(fast.sentences == icu.sentences && fast.paragraphs == icu.paragraphs, sourceLocation: sourceLocation)
    #expect(fast.keys == icu.keys && fast.stems == icu.stems, sourceLocation: sourceLocation)
    #expect(fast.spacedCompounds == icu.spacedCompounds, sourceLocation: sourceLocation)
    #expect(fast.astralOffsets == icu.astralOffsets && fast.scalarCount == icu.scalarCount, sourceLocation: sourceLocation)
}

private let corpusPath = ProcessInfo.processInfo.environment["GLOSSA_CORPUS"] ?? TestSupport.file("bench-data/corpus-de.txt").path

@Suite struct SegmentKindTests {
    /// The Latin-1 shortcut of `isAllCaps` agrees with the Unicode properties it stands for.
    @Test func latin1LowercaseShortcut() {
        for u in 0xDF...0xFF {
            let properties = Unicode.Scalar(UInt8(u)).properties
            #expect(!properties.isUppercase)
            #expect(properties.isLowercase == (u != 0xF7), "U+\(String(u, radix: 16))")
        }
        #expect(GermanTokenizer.isAllCaps(Array("NATO".utf16), 0, 4))
        #expect(!GermanTokenizer.isAllCaps(Array("GRÖßE".utf16), 0, 5))
        #expect(GermanTokenizer.isAllCaps(Array("GRÖSSE÷2".utf16), 0, 8))
        #expect(!GermanTokenizer.isAllCaps(Array("Über".utf16), 0, 4))
    }

    /// The tokenizer's shortcuts for punctuation agree with the general category everywhere in the BMP.
    @Test func punctuationShortcutsAgreeWithGeneralCategory() {
        for u in 0...0xFFFF {
            guard let scalar = Unicode.Scalar(u) else { continue }
            let expected: Bool
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                expected = true
            default:
                expected = false
            }
            // ASCII: the tokenizer's own list, which also counts "`" (a typewriter quote) and not "$", "+", "<=>", "^", "|", "~".
            if u < 0x80 { continue }
            #expect(GermanTokenizer.isPunctuation([UInt16(u)], 0) == expected, "U+\(String(u, radix: 16))")
        }
    }
}
