import Foundation
import GlossaTestSupport
import Testing
@testable import GlossaStemmer

@Suite("Snowball German stemmer")
struct GermanStemmerTests {
    let stemmer = GermanStemmer()

    // Each word is checked by hand against the published rules; the comment says which rule acts.
    @Test("hand-checked words", arguments: [
        // R1 of "häuser" starts after "häu|s" (index 4); step 1 removes "er"; umlaut removed.
        ("häuser", "haus"),
        // R1 starts after "haus" (a, u are vowels, s is the first non-vowel): step 1 removes "es".
        ("hauses", "haus"),
        // step 1 removes "en", then "niss" loses its final s.
        ("bedürfnissen", "bedurfnis"),
        // step 1 removes "s" after the s-ending r (ackers → acker), then step 2 removes "er" (R1 starts at 3).
        ("ackers", "ack"),
        // step 1 "em" is kept after "syst"...
        ("system", "system"),
        // ...but removed elsewhere (R1 of "problem" starts after "prob").
        ("problem", "probl"),
        // step 1 "erinnen" conflates the feminine plural with the masculine.
        ("lehrerinnen", "lehr"),
        // step 1 "ln" → "l": "wechseln" and "wechsel" meet.
        ("wechseln", "wechsel"),
        // step 1 removes "en" (derbsten → derbst), step 2 removes "st" after b with 3 letters before.
        ("derbsten", "derb"),
        // step 2 "et" after the et-ending t: "antwortet" → "antwort".
        ("antwortet", "antwort"),
        // step 2 keeps "et" after "geordn".
        ("angeordnet", "angeordnet"),
        // step 3 "isch" in R2 (R2 starts after "kat|eg|"): "kategorisch" → "kategor".
        ("kategorisch", "kategor"),
        // "heit" is not in R2 (R2 would start after "schönheit" itself), so only the umlaut goes.
        ("schönheit", "schonheit"),
        // prelude: "ue" after a vowel is a marked U, so it is not folded into ü: "feuer" → "feu".
        ("feuer", "feu"),
        // prelude: "qu" is skipped, "ue" of "quelle" is not folded; "e" removed.
        ("quelle", "quell"),
        // prelude: "ae" folds to ä, which the postlude turns into a.
        ("maedchen", "madch"),
        // ß and ss give the same stem.
        ("abschließen", "abschliess"),
        ("abschliessen", "abschliess"),
    ])
    func handChecked(word: String, expected: String) {
        #expect(stemmer.stem(word) == expected, "stem(\(word))")
    }

    @Test("ordnung keeps its ending because ung is not in R2")
    func ordnung() {
        // o r d n u n g: R1 starts after "ord" (index 3), R2 after "ordn|un|" (index 6), so the
        // "ung" at index 4 is outside R2.
        #expect(stemmer.stem("ordnung") == "ordnung")
        // "bedeutung": R2 starts at index 6 ("bed|eut|"); "ung" starts at 6 → removed.
        #expect(stemmer.stem("bedeutung") == "bedeut")
    }

    @Test("all entry points agree")
    func entryPointsAgree() {
        // Latin-1 words take the byte path; "москва" and the mixed words take the [UInt32] path.
        let words = ["häuser", "abschließen", "feuer", "", "a", "xyz", "kategorischen", "außenministeriums",
                     "cafés", "résumées", "naïven", "москва", "москвами", "häuserн", "ſchönen", "𝔞𝔟𝔠ungen",
                     // Around the 32 bytes `stem` stems on the stack (ß and umlauts take two).
                     "donaudampfschifffahrtsgesellsch", "donaudampfschifffahrtsgesellscha", "donaudampfschifffahrtsgesellschaftskapitänsmützen",
                     "straßenbahnhaltestellenhäusche", "traßenbahnhaltestellenhäuschß", "straßenbahnhaltestellenhäuschß", "straßenbahnhaltestellenhäuschens", "äääääääääääääääääääääääääääääääääääääen"]
        for word in words {
            let viaString = stemmer.stem(word)
            let viaScalars = stemmer.stem(scalars: word.unicodeScalars)
            let array = Array(word.unicodeScalars)
            let viaArray = stemmer.stem(scalars: array)
            let viaSlice = stemmer.stem(scalars: (array + ["x"]).dropLast())
            // A collection without contiguous storage takes the generic path.
            let viaLazy = stemmer.stem(scalars: word.unicodeScalars.lazy.map { $0 })
            let viaContiguous = stemmer.stem(scalars: ContiguousArray(word.unicodeScalars))
            #expect(viaScalars == viaString, "\(word)")
            #expect(viaArray == viaString, "\(word)")
            #expect(viaSlice == viaString, "\(word)")
            #expect(viaLazy == viaString, "\(word)")
            #expect(viaContiguous == viaString, "\(word)")
            #expect(GermanStemmer.stemWide(word.unicodeScalars) == viaString, "\(word)")
        }
    }

    @Test("empty, short and very long input")
    func edgeCases() {
        #expect(stemmer.stem("") == "")
        #expect(stemmer.stem(scalars: [Unicode.Scalar]()) == "")
        // Fewer than 3 letters: no region, nothing removed; only the mappings apply.
        #expect(stemmer.stem("es") == "es")
        #expect(stemmer.stem("ß") == "ss")
        #expect(stemmer.stem("ä") == "a")
        let long = String(repeating: "donaudampfschifffahrtsgesellschaft", count: 3_000) + "en"
        let stem = stemmer.stem(long)
        #expect(stem.count == long.count - 2)
        let longSharp = String(repeating: "ß", count: 50_000)
        #expect(stemmer.stem(longSharp).count == 100_000)
        // Stemming a stem again may shorten it further, but never crashes or grows it.
        for word in ["häuser", "kategorischen", "abenteuerlichem", "ß", "üe"] {
            let once = stemmer.stem(word)
            #expect(stemmer.stem(once).unicodeScalars.count <= once.unicodeScalars.count)
        }
    }

    @Test("non-letters pass through")
    func nonLetters() {
        #expect(stemmer.stem("g7") == "g7")
        #expect(stemmer.stem("covid-19") == "covid-19")
        #expect(stemmer.stem("москва") == "москва")
        // Supplementary-plane scalars (4 UTF-8 bytes) survive the round trip.
        #expect(stemmer.stem("𝔞𝔟𝔠") == "𝔞𝔟𝔠")
        // The encoder turns a value that is not a scalar (a surrogate) into U+FFFD.
        var codes: [UInt32] = [0xD800, 0x61, 0x62]
        let encoded = GermanStemmer.encode(codes.mutableSpan, count: 3)
        #expect(encoded == "\u{FFFD}ab")
        // The byte path: ASCII copied, Latin-1 letters encoded.
        var bytes: [UInt8] = [0x63, 0x61, 0x66, 0xE9, 0x73]
        let latin = (GermanStemmer.encode(bytes.mutableSpan, count: 4), GermanStemmer.encode(bytes.mutableSpan, count: 3))
        #expect(latin.0 == "café" && latin.1 == "caf")
    }

    // MARK: The sample vocabulary

    @Test("reproduces the Snowball sample vocabulary (voc.txt → output.txt)")
    func vocabulary() throws {
        // The shared data folder: `GLOSSA_SHARED`, else `shared/` beside the repository.
        guard let vocURL = TestSupport.sharedFile("data/snowball-german/voc.txt"),
              let outURL = TestSupport.sharedFile("data/snowball-german/output.txt") else { return }

        let words = try String(contentsOf: vocURL, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let stems = try String(contentsOf: outURL, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        try #require(words.count == stems.count, "voc.txt has \(words.count) lines, output.txt \(stems.count)")

        var checked = 0
        var mismatches: [String] = []
        var mismatchCount = 0
        var fastPathMismatches: [String] = []
        var widePathMismatches: [String] = []
        var foldedMismatches: [String] = []
        var sharpSWords = 0
        for (word, expected) in zip(words, stems) where !word.isEmpty {
            checked += 1
            let actual = stemmer.stem(String(word))
            if actual != expected {
                mismatchCount += 1
                if mismatches.count < 10 { mismatches.append("\(word): got \(actual), want \(expected)") }
            }
            // The tokenizer's path must agree with the String path on every word.
            let fast = stemmer.stem(scalars: Array(word.unicodeScalars))
            if fast != actual { fastPathMismatches.append("\(word): \(fast) vs \(actual)") }
            // The [UInt32] core (words beyond Latin-1) must agree with the [UInt8] one.
            let wide = GermanStemmer.stemWide(word.unicodeScalars)
            if wide != actual { widePathMismatches.append("\(word): \(wide) vs \(actual)") }
            // Keys folded with full case folding spell ß as ss; they must stem the same.
            if word.contains("ß") {
                sharpSWords += 1
                let folded = word.replacingOccurrences(of: "ß", with: "ss")
                let foldedStem = stemmer.stem(folded)
                if foldedStem != expected { foldedMismatches.append("\(folded): got \(foldedStem), want \(expected)") }
            }
        }
        #expect(checked == 35_033)
        #expect(mismatchCount == 0, "\(mismatchCount) of \(checked) words differ, e.g.\n\(mismatches.joined(separator: "\n"))")
        #expect(fastPathMismatches.isEmpty, "stem(scalars:) differs: \(fastPathMismatches.prefix(10))")
        #expect(widePathMismatches.isEmpty, "the [UInt32] path differs: \(widePathMismatches.prefix(10))")
        #expect(sharpSWords > 100, "the vocabulary should exercise ß (found \(sharpSWords) words)")
        #expect(foldedMismatches.isEmpty, "ß→ss spellings differ: \(foldedMismatches.prefix(10))")
    }

    // MARK: Where stems begin

    @Test("a stem is the first three letters of stemStart, or begins with its four")
    func stemStartBoundsTheStem() throws {
        // Words over letters the prelude treats specially (u and y between vowels, ae/oe/ue,
        // qu, ß, umlauts) and others, and the sample vocabulary.
        let alphabet = ["a", "e", "u", "y", "q", "ß", "ä", "ü", "n", "s"]
        var words: [String] = [], generated = [""]
        for _ in 1...5 {
            generated = generated.flatMap { word in alphabet.map { word + $0 } }
            words += generated
        }
        if let url = TestSupport.sharedFile("data/snowball-german/voc.txt") {
            words += try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        var checked = 0, failures: [String] = []
        for word in words {
            let (code, count) = GermanStemmer.stemStart(of: word)
            guard count == 4 else { continue }
            checked += 1
            let stem = stemmer.stem(word).unicodeScalars.map { UInt64($0.value) }
            let holds = stem.count == 3 ? stem.reduce(0) { $0 << 16 | $1 } == code >> 16
                : stem.count >= 4 && stem[0..<4].reduce(0) { $0 << 16 | $1 } == code
            if !holds && failures.count < 10 { failures.append("\(word): stem \(stemmer.stem(word))") }
        }
        #expect(checked > 100_000)
        #expect(failures.isEmpty, "\(failures)")
    }
}

@Suite("Stemmer endings")
struct EndingTests {
    @Test("each packed ending is its name spelled out, last letter lowest")
    func packedEndingsSpellTheirNames() {
        for (name, packed) in Ending.all {
            var expected: UInt64 = 0
            for byte in name.utf8 { expected = expected << 8 | UInt64(byte) }
            #expect(packed == expected, "\(name)")
        }
        #expect(Ending.all.count == 27)
    }

    @Test("an ending is found at the end of a span only")
    func endsWithLooksAtTheEnd() {
        var letters: [UInt8] = Array("lehrerinnen".utf8)
        let w = letters.mutableSpan
        var found: [Bool] = []
        for (end, ending) in [(11, Ending.erinnen), (11, Ending.en), (11, Ending.erin), (8, Ending.erin), (3, Ending.erinnen), (1, Ending.e), (6, Ending.er)] {
            found.append(GermanStemmer.endsWith(w, end, ending))
        }
        // Shorter than the ending (3 letters for "erinnen"): false, never out of bounds.
        #expect(found == [true, true, false, true, false, false, true])
    }
}
