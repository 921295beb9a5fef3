import Foundation
import GlossaTestSupport
import Testing
@testable import GlossaStemmer

@Suite("Name genitives")
struct GermanGenitiveTests {
    @Test("bare -s genitives of names", arguments: [
        ("Russlands", "Russland"),
        ("Kubas", "Kuba"),
        ("Moskaus", "Moskau"),
        ("Borissows", "Borissow"),
        ("Castros", "Castro"),
        ("Putins", "Putin"),
    ])
    func bareS(word: String, base: String) {
        let forms = GermanGenitive.baseForms(of: word)
        #expect(forms.first == base, "\(word) → \(forms)")
    }

    @Test("the stemmer leaves these genitives alone, which is why the helper exists")
    func stemmerKeepsGenitives() {
        let stemmer = GermanStemmer()
        // s is only removed after b d f g h k l m n r t (and in R1): a, u, w, o do not qualify.
        for word in ["kubas", "moskaus", "borissows", "castros"] {
            #expect(stemmer.stem(word) == word, "\(word)")
        }
    }

    /// The matcher keeps a third token's numbers inline, counting on at most two bases per word
    /// (`Matcher.ThirdNumbers`); every ending the rules know is tried on generated words.
    @Test("a word has at most two base forms")
    func atMostTwoBaseForms() {
        let stems = ["Haus", "Kuba", "Lukas", "Max", "Boß", "Platz", "Andrea", "Alice", "Rus", "Äs", "x", "ß", "élan", "Жук", "王"]
        let endings = ["", "s", "S", "es", "ES", "'s", "’s", "'", "’", "\u{02BC}", "ʼs", "ces", "ce'", "ss", "tz'", "x'", "'es"]
        var withTwo = 0
        for stem in stems {
            for ending in endings {
                let forms = GermanGenitive.baseForms(of: stem + ending)
                #expect(forms.count <= 2, "\(stem + ending) → \(forms)")
                if forms.count == 2 { withTwo += 1 }
            }
        }
        #expect(withTwo > 0)
        // And every word of the Snowball sample vocabulary, capitalized and with a genitive -s.
        guard let url = TestSupport.sharedFile("data/snowball-german/voc.txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return }
        for word in text.split(separator: "\n") {
            for form in [String(word), word.prefix(1).uppercased() + word.dropFirst() + "s"] {
                let bases = GermanGenitive.baseForms(of: form)
                if bases.count > 2 { Issue.record("\(form) → \(bases)") }
            }
        }
    }

    @Test("case is preserved, the suffix is found in any case")
    func casePreserved() {
        #expect(GermanGenitive.baseForms(of: "russlands") == ["russland"])
        #expect(GermanGenitive.baseForms(of: "Russlands") == ["Russland"])
        #expect(GermanGenitive.baseForms(of: "RUSSLANDS") == ["RUSSLAND"])
    }

    @Test("apostrophe genitives")
    func apostrophes() {
        #expect(GermanGenitive.baseForms(of: "Lukas'") == ["Lukas"])
        #expect(GermanGenitive.baseForms(of: "Lukas\u{2019}") == ["Lukas"])
        #expect(GermanGenitive.baseForms(of: "Max'") == ["Max"])
        #expect(GermanGenitive.baseForms(of: "Strauß'") == ["Strauß"])
        #expect(GermanGenitive.baseForms(of: "Alice'") == ["Alice"])
        #expect(GermanGenitive.baseForms(of: "Andrea's") == ["Andrea"])
        #expect(GermanGenitive.baseForms(of: "Andrea\u{2019}s") == ["Andrea"])
        // An apostrophe after a vowel other than the e of -ce is not a genitive marker.
        #expect(GermanGenitive.baseForms(of: "Anna'") == [])
    }

    @Test("-es after a sibilant comes after the bare -s reading")
    func esGenitive() {
        #expect(GermanGenitive.baseForms(of: "Hauses") == ["Hause", "Haus"])
        #expect(GermanGenitive.baseForms(of: "Fritzes") == ["Fritze", "Fritz"])
        #expect(GermanGenitive.baseForms(of: "Fuchses") == ["Fuchse", "Fuchs"])
        // -es after a non-sibilant: only the bare -s reading.
        #expect(GermanGenitive.baseForms(of: "Kanzleramtes") == ["Kanzleramte"])
    }

    @Test("words that cannot be genitives give no candidates")
    func notGenitives() {
        for word in ["", "s", "Us", "Berlin", "Boss", "Xs", "12s", "'s", "A's"] {
            #expect(GermanGenitive.baseForms(of: word) == [], "\(word)")
        }
    }

    @Test("candidates are never empty and have at least two letters")
    func candidateShape() {
        let words = ["Abs", "Ebs", "Ufas", "Les", "Iss", "x's", "Ös", "Aas", "Bes", "Kubas", "Moskaus", "Lukas'"]
        for word in words {
            for form in GermanGenitive.baseForms(of: word) {
                #expect(form.filter(\.isLetter).count >= 2, "\(word) → \(form)")
                #expect(word.hasPrefix(form), "\(word) → \(form)")
            }
        }
    }
}

@Suite("Adjective endings")
struct GermanInflectionTests {
    @Test("inflected adjectives give their base first", arguments: [
        ("russischen", "russisch"),
        ("Vereinigten", "Vereinigt"),
        ("stellvertretenden", "stellvertretend"),
        ("kubanische", "kubanisch"),
        ("lateinamerikanischer", "lateinamerikanisch"),
        ("deutschem", "deutsch"),
        ("neues", "neu"),
    ])
    func baseFirst(word: String, base: String) {
        let candidates = GermanInflection.adjectiveBaseCandidates(of: word)
        #expect(candidates.first == base, "\(word) → \(candidates)")
    }

    @Test("two-letter endings also offer the -e form")
    func eForm() {
        #expect(GermanInflection.adjectiveBaseCandidates(of: "Vereinigten") == ["Vereinigt", "Vereinigte"])
        #expect(GermanInflection.adjectiveBaseCandidates(of: "russischen") == ["russisch", "russische"])
        #expect(GermanInflection.adjectiveBaseCandidates(of: "kubanische") == ["kubanisch"])
    }

    @Test("case-insensitive ending, case-preserving base")
    func casing() {
        #expect(GermanInflection.adjectiveBaseCandidates(of: "RUSSISCHEN") == ["RUSSISCH", "RUSSISCHE"])
    }

    @Test("words without an adjective ending, or too short, give nothing")
    func nothing() {
        for word in ["", "der", "den", "dem", "des", "die", "russisch", "Staat", "Moskau", "en"] {
            #expect(GermanInflection.adjectiveBaseCandidates(of: word) == [], "\(word)")
        }
    }

    @Test("the byte path gives what the Character-based rules give")
    func bytePathAgrees() {
        // Every string of one to five characters over letters the rules look at (ASCII and not:
        // ß, ä, É, the modifier-letter apostrophe U+02BC, a non-letter × below U+0300), and others.
        let alphabet: [String] = ["a", "e", "c", "s", "S", "x", "Z", "E", "C", "'", " ", "ß", "ä", "É", "\u{02BC}", "×"]
        var words = [""]
        var compared = 0, withBase = 0
        for _ in 1...5 {
            words = words.flatMap { word in alphabet.map { word + $0 } }
            for word in words {
                #expect(GermanGenitive.baseForms(of: word) == GermanGenitive.characterBaseForms(of: word), "\(word)")
                guard let fast = GermanGenitive.latinBaseForms(of: word) else { continue }
                #expect(fast == GermanGenitive.characterBaseForms(of: word), "\(word)")
                compared += 1
                if !fast.isEmpty { withBase += 1 }
            }
        }
        #expect(compared > 1_000_000 && withBase > 30_000)
        // Combining marks, carriage returns and scalars from U+0300 on take the Character path,
        // with the same rules.
        for word in ["Moskaus\u{301}", "Kubas\r\n", "Andrea\u{2019}s", "Lukas\u{2019}", "Кубаs", "e\u{301}s"] {
            #expect(GermanGenitive.latinBaseForms(of: word) == nil, "\(word)")
        }
        #expect(GermanGenitive.baseForms(of: "Andrea\u{2019}s") == ["Andrea"])
        #expect(GermanGenitive.baseForms(of: "Müllers") == ["Müller"])
        #expect(GermanGenitive.baseForms(of: "Grußes") == ["Gruße", "Gruß"])
    }
}
