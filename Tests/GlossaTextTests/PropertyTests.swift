import GlossaText
import PropertyBased
import Testing

/// Pieces that generated texts are made of: German words, compounds, punctuation, numbers,
/// quotes, NFD sequences, emoji (with modifiers and ZWJ), CRLF, BOMs, controls, spaces.
let pieces: [String] = [
    "Russland", "Kuba", "Moskaus", "Castro-Diktatur", "US-", "Amerikaner", "Lat.-", "Dr.", "z.", "B.", "21.", "März",
    "1.000,5", "2021/22", "km", ".", ",", "!", "?", "...", "„", "“", "(", ")", "–", "-", "'s", ":-)",
    "Di\u{0301}az", "e\u{0301}\u{0323}", "😀", "👍🏽", "👩‍👩‍👧", "🇩🇪", "\r\n", "\n", "\n\n", "\u{FEFF}", "\u{0}", "\u{7}",
    "\u{00AD}", "\u{200B}", " ", "  ", "\t", "Zusammen-\narbeit", "ß", "İ", "Σ", "中文", "\u{202F}", "\u{2028}",
]

let textGenerator = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...40).map { indices in
    indices.map { pieces[$0] }.joined()
}

@Suite struct TokenPropertyTests {
    @Test func tokenRangesAreOrderedDisjointAndExact() async {
        await propertyCheck(count: 400, input: textGenerator) { text in
            let document = try! GermanTokenizer().document(text)
            let scalars = Array(document.text.unicodeScalars)
            var previousEnd = 0
            var covered = [Bool](repeating: false, count: scalars.count)
            for token in document.tokens {
                #expect(token.start < token.end)
                #expect(Int(token.start) >= previousEnd)
                previousEnd = Int(token.end)
                let slice = String(String.UnicodeScalarView(scalars[token.range]))
                #expect(slice == document.text(of: token))
                for i in token.range { covered[i] = true }
            }
            // Every character that is not white space belongs to a token.
            for (i, scalar) in scalars.enumerated() where !covered[i] {
                #expect(scalar.properties.isWhitespace, "uncovered scalar U+\(String(scalar.value, radix: 16)) at \(i) in \(text.debugDescription)")
            }
            // Sentences are ordered, cover the tokens, and lie inside paragraphs.
            var nextToken = 0
            for sentence in document.sentences {
                #expect(sentence.tokens.lowerBound == nextToken)
                nextToken = sentence.tokens.upperBound
            }
            #expect(nextToken == document.tokens.count)
            #expect(document.paragraphs.reduce(0) { $0 + $1.sentences.count } == document.sentences.count)
        }
    }

    @Test func keysAreStable() async {
        await propertyCheck(count: 200, input: textGenerator) { text in
            let key = MatchKey.make(text)
            #expect(MatchKey.make(key) == key)
        }
    }
}
