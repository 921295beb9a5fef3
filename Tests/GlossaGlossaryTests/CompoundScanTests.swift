import Foundation
@testable import GlossaGlossary
import GlossaTestSupport
import GlossaStemmer
import GlossaText
import Testing

/// The closed-compound scan has a fast version for keys of simple Latin letters (hashes of each
/// possible first part against a bit filter of the index's forms): it must find exactly what the
/// general, string-based version finds.
@Suite struct CompoundScanTests {
    static let index: GlossaryIndex = try! GlossaryIndex(Glossary.load(paths: [TestSupport.file("Glossaries/de-en").path]))

    /// Both versions' first part of `key`, or nil when the key is not simple Latin.
    static func both(_ key: String, _ matcher: Matcher) -> (fast: CompoundHit?, general: CompoundHit?)? {
        let scalars = key.unicodeScalars
        let letters = Array(scalars)
        guard Matcher.isSimpleLatin(letters) else { return nil }
        let bounds = Array(scalars.indices) + [scalars.endIndex]
        func string(_ range: Range<Int>) -> String { String(scalars[bounds[range.lowerBound]..<bounds[range.upperBound]]) }
        var offsets: [Int] = [], hashes: [UInt64] = [], looseHashes: [UInt64] = []
        Matcher.utf8Offsets(letters, into: &offsets)
        let fast = matcher.firstPartSimple(letters, key: key, bytes: { offsets[$0.lowerBound]..<offsets[$0.upperBound] },
                                           hashes: &hashes, looseHashes: &looseHashes)
        return (fast, matcher.firstPart(letters, string))
    }

    /// Compounds made of the bundled glossaries' own keys (with and without diacritics), the
    /// linking elements, derivational endings and ordinary heads, and every word of the fixtures.
    static func words() throws -> [String] {
        let entries = index.glossary.entries
        let heads = ["reise", "politik", "krise", "regierung", "ern", "ische", "er", "isch", "aner", "s", "xyz", "öl", "ärger", "üben"]
        var words: [String] = []
        for (i, entry) in entries.enumerated() where i % 3 == 0 {
            let key = MatchKey.make(entry.de)
            guard !key.contains(" ") else { continue }
            for (k, link) in Matcher.linkingElements.enumerated() {
                let head = heads[(i + k) % heads.count]
                words.append(key + link + head)
                words.append(LooseKey.make(key) + link + head)
            }
        }
        for name in ["de/kuba-russland.txt", "de/falsche-freunde.txt", "de/tokenizer-cases.txt"] {
            let document = try GermanTokenizer().document(try TestSupport.text("Fixtures/\(name)"))
            words += document.keys
        }
        return words
    }

    @Test func fastScanFindsWhatTheGeneralScanFinds() throws {
        let matcher = Matcher(index: Self.index)
        var compared = 0, found = 0
        for word in try Self.words() {
            guard let (fast, general) = Self.both(word, matcher) else { continue }
            #expect(fast == general, "\(word)")
            compared += 1
            if general != nil { found += 1 }
        }
        // The comparison means something only if many words were compared and many have a part.
        #expect(compared > 5_000)
        #expect(found > 1_000)
    }

    @Test func theFilterLetsEveryIndexedFormThrough() throws {
        for (key, patterns) in Self.index.byKey.all {
            var hash = CompoundCores.seed
            for scalar in key.unicodeScalars { hash = CompoundCores.hash(hash, scalar.value) }
            let eligible = patterns.contains { p in
                let view = Self.index.view(p)
                let type = Self.index.glossary.entries[Int(view.entry)].type
                return !view.caseSensitive && view.capitalized(0) && type != .adjective && type != .demonym && type != .person
            }
            if eligible { #expect(Self.index.compoundCores.mayContain(hash: hash), "\(key)") }
        }
    }

    /// Word pieces are stemmed only when `StemStarts` lets them through: it must let through
    /// every word whose stem was inserted, and rule out most others.
    @Test func theStemFilterLetsEveryWordOfAnInsertedStemThrough() throws {
        let stemmer = GermanStemmer()
        var words = try Self.words()
        if let url = TestSupport.sharedFile("data/snowball-german/voc.txt") {
            words += try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        // The stems of every tenth word go in.
        var filter = StemStarts(), inserted = Set<String>()
        for word in words.enumerated().filter({ $0.offset % 10 == 0 }).map(\.element) {
            let stem = stemmer.stem(word)
            filter.insert(stem: stem)
            inserted.insert(stem)
        }
        var checked = 0, ruledOut = 0
        for word in words {
            if inserted.contains(stemmer.stem(word)) {
                #expect(filter.mayContainStem(of: word), "\(word)")
                checked += 1
            } else if !filter.mayContainStem(of: word) {
                ruledOut += 1
            }
        }
        #expect(checked > 8_000, "\(checked) checked")
        #expect(ruledOut > 4_000, "\(ruledOut) ruled out")
    }
}
