import GlossaGlossary
import GlossaText
import GlossaTranslit

/// Guesses for names no glossary knows: a run of capitalized words ending in a word that looks
/// like the German transcription of a Russian, Ukrainian or Belarusian surname (-ow, -ew, -jew,
/// -ski, -enko, -uk, -itsch, ..., or with "schtsch"), glossed with the English spelling the
/// transliteration module ranks best ("Sergej Pupkow" → "Sergei Pupkov").
///
/// Guesses are marked as such (`MatchKind.guess`, no entry id): they are suggestions, not
/// glossary data.
///
/// German names that only end like Russian ones are left alone: places are in the glossaries
/// (`german-places.tsv`: Pankow, Teltow, Grabow), so they are matched before guessing; words
/// spelled with letters the German transcription does not use are not taken (Virchow,
/// Tresckow, Brzezinski: see `Transliteration.hasNonTranscriptionSpelling`); and surnames no
/// spelling rule can tell apart (Modrow, Ramelow, Nowitzki, Podolski) are listed in
/// `Glossaries/translit/look-alikes.tsv`. A name whose last word is such a surname is not
/// guessed in part either ("Zbigniew Brzezinski": no guess for Zbigniew).
public struct TransliterationGuesses: GuessStage {
    private let transliterators: ResourcePool<Transliteration>
    private let lookAlikes: LookAlikeNames

    /// - Parameters:
    ///   - exceptions: conventional spellings (Glossaries/translit/exceptions.tsv).
    ///   - lookAlikes: surnames that are not transcriptions (Glossaries/translit/look-alikes.tsv).
    public init(exceptions: ExceptionTable = .empty, lookAlikes: LookAlikeNames = .empty) {
        transliterators = ResourcePool { Transliteration(exceptions: exceptions) }
        self.lookAlikes = lookAlikes
    }

    /// The stage with the bundled exceptions table and look-alike list (each empty when it
    /// cannot be found).
    public static func bundled() -> TransliterationGuesses {
        TransliterationGuesses(exceptions: (try? ExceptionTable.bundled()) ?? .empty,
                               lookAlikes: (try? LookAlikeNames.bundled()) ?? .empty)
    }

    /// Whether a word is taken as a surname to guess: it looks like one and is not a listed look-alike.
    func isGuessableSurname(_ word: String) -> Bool {
        Self.looksLikeSurname(word) && !lookAlikes.contains(word)
    }

    /// Whether a word is shaped like a surname but not taken (Brzezinski, Podolski): the name
    /// it ends is not a transcription.
    func isRejectedSurname(_ word: String) -> Bool {
        Transliteration.hasSurnameShape(word) && !isGuessableSurname(word)
    }

    /// Whether a capitalized word looks like a German-spelled East Slavic surname (see
    /// `Transliteration.looksLikeGermanSpelledSurname`).
    public static func looksLikeSurname(_ word: String) -> Bool { Transliteration.looksLikeGermanSpelledSurname(word) }

    public func guesses(in document: Document, covered: [Match]) -> [Annotation] {
        var isCovered = [Bool](repeating: false, count: document.tokens.count)
        for match in covered { for t in match.tokens { isCovered[t] = true } }
        var result: [Annotation] = []
        for (sentenceIndex, sentence) in document.sentences.enumerated() {
            var t = sentence.tokens.lowerBound
            while t < sentence.tokens.upperBound {
                var token = document.tokens[t]
                guard !isCovered[t], token.kind == .word, !token.flags.contains(.allCaps),
                      Self.mayLookLikeSurname(document.utf16, Int(token.utf16Start), Int(token.utf16End)),
                      isGuessableSurname(document.text(of: token)) else {
                    t += 1
                    continue
                }
                // A patronymic is followed by the surname: extend to the last name-like word.
                while t + 1 < sentence.tokens.upperBound, !isCovered[t + 1], document.tokens[t + 1].kind == .word,
                      isGuessableSurname(document.text(of: document.tokens[t + 1])) {
                    t += 1
                    token = document.tokens[t]
                }
                // A name that goes on with a surname that is not a transcription is not one.
                if t + 1 < sentence.tokens.upperBound, !isCovered[t + 1], document.tokens[t + 1].kind == .word,
                   isRejectedSurname(document.text(of: document.tokens[t + 1])) {
                    t += 2
                    continue
                }
                // Take up to two capitalized, uncovered words before it (first name, patronymic).
                var first = t
                while first > sentence.tokens.lowerBound, t - first < 2 {
                    let previous = document.tokens[first - 1]
                    guard !isCovered[first - 1], previous.kind == .word, previous.flags.contains(.capitalized),
                          !previous.flags.contains(.allCaps) else { break }
                    // Only first names and patronymics join the guess ("Frau" or "Minister" do not).
                    let word = document.text(of: previous)
                    guard Self.looksLikeName(word) || isGuessableSurname(word) else { break }
                    first -= 1
                }
                let words = (first...t).map { document.text(of: document.tokens[$0]) }
                let english = try? transliterators.withResource { translit in
                    try words.map { try translit.germanWord($0, to: .en) }.joined(separator: " ")
                }
                if let english, english != words.joined(separator: " ") {
                    let start = Int(document.tokens[first].start), end = Int(token.end)
                    result.append(Annotation(start: start, end: end, text: document.text(scalarRange: start..<end), gloss: english,
                                             type: .person, kind: .guess, entryID: nil, entryIndex: nil, source: nil,
                                             sentence: sentenceIndex, tokens: first..<(t + 1)))
                    for covered in first...t { isCovered[covered] = true }
                }
                t += 1
            }
        }
        return result
    }

    /// Whether the word in `units[from..<to]` can pass `looksLikeSurname` at all, decided on
    /// its code units without making a string (nearly all words fail here). That test needs a
    /// capital first letter, every letter lowercasing to a-z (or a hyphen) — the only letters
    /// that do are A-Z, a-z and U+212A KELVIN SIGN — and, lowercased, "schtsch" in it or one of
    /// `Transliteration.surnameEndings` at its end.
    static func mayLookLikeSurname(_ units: [UInt16], _ from: Int, _ to: Int) -> Bool {
        guard to - from >= 2 else { return false }
        let first = units[from]
        guard (first >= 0x41 && first <= 0x5A) || first == 0x212A else { return false }
        for i in (from + 1)..<to {
            let u = units[i]
            if !((u >= 0x61 && u <= 0x7A) || (u >= 0x41 && u <= 0x5A) || u == 0x2D || u == 0x212A) { return false }
        }
        /// A unit lowercased (ASCII letters, and the Kelvin sign to "k").
        func lower(_ i: Int) -> UInt16 {
            let u = units[i]
            if u == 0x212A { return 0x6B }
            return u >= 0x41 && u <= 0x5A ? u | 0x20 : u
        }
        for ending in surnameEndingUnits where ending.count <= to - from {
            var matches = true
            for k in 0..<ending.count where lower(to - ending.count + k) != ending[k] {
                matches = false
                break
            }
            if matches { return true }
        }
        // "schtsch" anywhere.
        let schtsch: [UInt16] = Array("schtsch".utf16)
        var i = from
        while i + schtsch.count <= to {
            var matches = true
            for k in 0..<schtsch.count where lower(i + k) != schtsch[k] {
                matches = false
                break
            }
            if matches { return true }
            i += 1
        }
        return false
    }

    private static let surnameEndingUnits = Transliteration.surnameEndings.map { Array($0.utf16) }

    /// Common first names in their German spelling: they join a guessed surname.
    static func looksLikeName(_ word: String) -> Bool {
        let lower = word.lowercased()
        return ["sergej", "sergei", "juri", "dmitri", "dmitrij", "alexej", "alexander", "wladimir", "michail", "nikolai",
                "andrei", "andrej", "jewgeni", "jewgenij", "waleri", "walerij", "wiktor", "viktor", "oleg", "igor", "boris",
                "iwan", "pjotr", "fjodor", "maria", "anna", "olga", "jelena", "natalja", "tatjana", "swetlana", "irina",
                "wolodymyr", "dmytro", "oleksandr", "olexander", "mychajlo", "petro", "witali", "vitali"].contains(lower)
    }
}
