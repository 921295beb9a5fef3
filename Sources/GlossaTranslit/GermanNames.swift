import GlossaICU

/// One reading of a German-spelled name: a Cyrillic form, its spelling in the target form,
/// and a score (the scores of one word's candidates add up to 1).
public struct NameCandidate: Sendable, Equatable {
    /// A Cyrillic form, lower case (the best scoring one when several give the same output).
    public let cyrillic: String
    /// The spelling in the target form, lower case.
    public let output: String
    public let score: Double
    /// Whether the Cyrillic form gives the input back through the German scheme.
    public let roundTrips: Bool
}

extension Transliteration {
    /// Reverses the German (Duden) transcription of one word: every Cyrillic spelling the
    /// German letters can stand for (ss → с, s → с or з, sch → ш or ж, tsch → ч,
    /// schtsch → щ, ch → х, w → в, z → ц, je → е or ье, ju → ю, i after a vowel → й, final
    /// i → ий or и, final y → ый, ...), weighted by how common each reading is; forms that
    /// give the input back through `ru-de` are preferred (the others keep 2% of their
    /// weight), and each с/з or ш/ж choice is weighted by how often Russian surnames and
    /// place names have that letter between the same neighbours (`LetterContexts`).
    /// Candidates with the same output in `target` are merged, scores normalized.
    public func germanCandidates(_ word: String, to target: TargetForm, strict: Bool = false) throws(TranslitError) -> [NameCandidate] {
        let lower = word.lowercased()
        let forms = Self.cyrillicReadings(of: lower)
        let german = try rules("ru-de")
        guard let scheme = Scheme.forPair(.ru, target) else {
            throw TranslitError("no scheme from ru to \(target.rawValue)")
        }
        let file = try rules(scheme.ruleFile)
        var merged: [String: (cyrillic: String, score: Double, best: Double, roundTrips: Bool)] = [:]
        var order: [String] = []
        for (cyrillic, weight) in forms {
            let back = german.transliterateWord(cyrillic)
            let roundTrips = back == lower
            // German press deviates from Duden in a few regular ways (ia for я: Riabkow; ks for
            // x: Wekselberg; tz for z: Trotzki): a reading that gives the input back up to
            // these counts half.
            let looselyRoundTrips = !roundTrips && Self.foldJ(back) == Self.foldJ(lower)
            let score = weight * (roundTrips ? 1 : looselyRoundTrips ? 0.5 : 0.02) * Self.phonotactics(cyrillic)
            var output = ""
            if !strict, target == .en || target == .de, let exception = exceptions.lookup(orig: cyrillic, language: .ru) {
                output = (target == .en ? exception.en : exception.de).lowercased()
            } else {
                output = file.transliterateWord(cyrillic)
            }
            if var entry = merged[output] {
                entry.score += score
                if score > entry.best { entry.best = score; entry.cyrillic = cyrillic }
                entry.roundTrips = entry.roundTrips || roundTrips
                merged[output] = entry
            } else {
                merged[output] = (cyrillic, score, score, roundTrips)
                order.append(output)
            }
        }
        let total = merged.values.reduce(0) { $0 + $1.score }
        guard total > 0 else { return [] }
        return order.map { output in
            let entry = merged[output]!
            return NameCandidate(cyrillic: entry.cyrillic, output: output, score: entry.score / total, roundTrips: entry.roundTrips)
        }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.output < $1.output }
    }

    /// A German spelling folded over its common variants: j after a consonant read as i
    /// (Rjabkow → riabkow), x as ks (Wekselberg / Wexelberg), tz as z (Trotzki / Trozki).
    static func foldJ(_ text: String) -> String {
        let text = text.replacingOccurrences(of: "x", with: "ks").replacingOccurrences(of: "tz", with: "z")
        var result = ""
        var previous: Character?
        for character in text {
            if character == "j", let previous, !"aeiouyäöü".contains(previous) { result.append("i") } else { result.append(character) }
            previous = character
        }
        return result
    }

    /// A weight for letter sequences that are rare in Russian: иа and ио after a consonant, тц, тш, тж, шч, жч.
    static func phonotactics(_ cyrillic: String) -> Double {
        let letters = Array(cyrillic)
        let vowels: Set<Character> = ["а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я", "й", "ь", "ъ"]
        var weight = 1.0
        for index in letters.indices.dropFirst().dropLast() where letters[index] == "и" {
            if !vowels.contains(letters[index - 1]) && (letters[index + 1] == "а" || letters[index + 1] == "о") { weight *= 0.3 }
        }
        // тц, тш, тж, шч, жч are rare inside Russian names (German tz, tsch, schtsch stand for ц, ч, щ)
        for index in letters.indices.dropLast() {
            let pair = String(letters[index...index + 1])
            if ["тц", "тш", "тж", "шч", "жч"].contains(pair) { weight *= 0.3 }
        }
        return weight
    }

    /// The weighted Cyrillic readings of a lower-case German-spelled word (at most 256).
    static func cyrillicReadings(of word: String) -> [(String, Double)] {
        let letters = Array(word)
        let count = letters.count
        func at(_ index: Int) -> Character? { index >= 0 && index < count ? letters[index] : nil }
        func isVowel(_ c: Character?) -> Bool { c.map { "aeiouyäöü".contains($0) } ?? false }
        func matches(_ text: String, _ index: Int) -> Bool {
            let chars = Array(text)
            guard index + chars.count <= count else { return false }
            return Array(letters[index..<(index + chars.count)]) == chars
        }
        let sibilants: Set<Character> = ["ш", "ж", "ч", "щ"]
        // partial readings that end at each position
        var states: [[PartialReading]] = Array(repeating: [], count: count + 1)
        states[0] = [PartialReading(text: "", length: 0, weight: 1, voicing: [])]
        for index in 0..<count {
            var current = states[index]
            guard !current.isEmpty else { continue }
            if current.count > 256 {
                current.sort { $0.weight > $1.weight }
                current = Array(current.prefix(256))
            }
            let previous = at(index - 1)
            let initial = index == 0
            let afterVowel = isVowel(previous)
            // options: (letters consumed, Cyrillic, weight); the o/ё choice depends on the partial reading
            var options: [(Int, String, Double)] = []
            let c = letters[index]
            if matches("schtsch", index) { options.append((7, "щ", 1)) }
            if matches("tsch", index) { options.append((4, "ч", 1)) }
            if matches("sch", index) {
                // ш is the more common reading
                options += [(3, "ш", 0.6), (3, "ж", 0.4)]
            }
            if matches("ch", index) { options.append((2, "х", 1)) }
            if matches("ss", index) {
                let between = afterVowel && isVowel(at(index + 2))
                options += between ? [(2, "с", 0.9), (2, "сс", 0.1)] : [(2, "сс", 0.8), (2, "с", 0.2)]
            }
            if (matches("yj", index) || matches("ij", index)) && index + 2 == count {
                options.append((2, letters[index] == "y" ? "ый" : "ий", 0.5))
                if letters[index] == "y" { options.append((2, "ий", 0.5)) }
            }
            if matches("tz", index) { options.append((2, "ц", 1)) }
            if matches("ks", index) { options.append((2, "кс", 1)) }
            if matches("ck", index) { options.append((2, "к", 1)) }
            if matches("ph", index) { options.append((2, "ф", 1)) }
            if c == "j", let vowel = at(index + 1), "eaouiä".contains(vowel) {
                let base: String = ["e": "е", "a": "я", "o": "ё", "u": "ю", "i": "и", "ä": "я"][vowel]!
                if vowel == "i" {
                    options.append((2, afterVowel ? "йи" : "ьи", 1))
                } else if initial || afterVowel {
                    if vowel == "e" { options.append((2, "е", 1)) }
                    else if vowel == "o" { options += [(2, "ё", 0.6), (2, "йо", 0.4)] }
                    else { options += [(2, base, 0.9), (2, "й" + ["a": "а", "u": "у", "ä": "а"][vowel]!, 0.1)] }
                } else {
                    if vowel == "e" { options += [(2, "ье", 0.9), (2, "ъе", 0.1)] }
                    else { options += [(2, base, 0.85), (2, "ь" + base, 0.15)] }
                }
            }
            // c is German only in ch, ck, tsch, sch; j and s are handled above and below
            if options.isEmpty || c != "s" && c != "j" && c != "c" {
                switch c {
                case "a": options.append((1, "а", 1))
                case "b": options.append((1, "б", 1))
                case "c": options.append((1, "к", 1))
                case "d": options.append((1, "д", 1))
                case "e": options += initial ? [(1, "э", 0.95), (1, "е", 0.05)] : [(1, "е", 0.95), (1, "э", 0.05)]
                case "f", "v": options.append((1, c == "f" ? "ф" : "в", 1))
                case "g": options.append((1, "г", 1))
                case "h": options += [(1, "х", 0.6), (1, "г", 0.4)]
                case "i":
                    if !initial, !afterVowel, let next = at(index + 1), "aeou".contains(next), index + 2 < count {
                        options += [(2, ["a": "я", "e": "е", "o": "ё", "u": "ю"][next]!, 0.6),
                                    (1, "и", 0.4)]
                    } else if afterVowel && !initial {
                        // -ail, -iil at the end are biblical names (Michail, Gawriil): и
                        let biblical = index + 2 == count && at(index + 1) == "l"
                        options += biblical ? [(1, "и", 0.8), (1, "й", 0.2)] : [(1, "й", 0.9), (1, "и", 0.1)]
                    } else if index == count - 1 {
                        // -ski, -zki: the adjective ending -ий; after a sibilant mostly и (Sotschi)
                        let adjective = previous == "k" || previous == "z"
                        let sibilant = index >= 3 && matches("sch", index - 3)
                        options += adjective ? [(1, "ий", 0.9), (1, "и", 0.1)]
                            : sibilant ? [(1, "и", 0.7), (1, "ий", 0.3)] : [(1, "ий", 0.6), (1, "и", 0.4)]
                    } else {
                        options.append((1, "и", 1))
                    }
                case "j": options.append((1, "й", 1))
                case "k": options.append((1, "к", 1))
                case "l": options.append((1, "л", 1))
                case "m": options.append((1, "м", 1))
                case "n": options.append((1, "н", 1))
                case "o": options.append((1, "о", 1))
                case "p": options.append((1, "п", 1))
                case "q": options.append((1, "к", 1))
                case "r": options.append((1, "р", 1))
                case "t": options.append((1, "т", 1))
                case "u": options.append((1, "у", 1))
                case "w": options.append((1, "в", 1))
                case "x": options.append((1, "кс", 1))
                case "y": options += index == count - 1 && !afterVowel ? [(1, "ый", 0.7), (1, "ы", 0.3)] : [(1, "ы", 1)]
                case "z": options.append((1, "ц", 1))
                case "s":
                    break
                default: options.append((1, String(c), 1))
                }
            }
            if c == "s" && !matches("sch", index) && !matches("ss", index) {
                let next = at(index + 1)
                if afterVowel && isVowel(next) { options += [(1, "з", 0.95), (1, "с", 0.05)] }
                else if next == nil { options += [(1, "с", 0.8), (1, "з", 0.2)] }
                else if let next, "bgd".contains(next) { options += [(1, "з", 0.8), (1, "с", 0.2)] }
                else if initial && isVowel(next) { options += [(1, "с", 0.55), (1, "з", 0.45)] }
                else { options += [(1, "с", 0.85), (1, "з", 0.15)] }
            }
            for partial in current {
                let lastCyrillic = partial.text.last
                for (length, cyrillic, optionWeight) in options {
                    var reading = cyrillic
                    var w = optionWeight
                    if reading == "о", let lastCyrillic, sibilants.contains(lastCyrillic) {
                        // o after a sibilant is о or ё; -ёв (feminine -ёва) is the common ending
                        let ending = matches("ow", index) && index + 2 == count || matches("owa", index) && index + 3 == count
                        states[index + length].append(partial.adding("ё", weight: w * (ending ? 0.7 : 0.3), voicing: false))
                        w *= ending ? 0.3 : 0.7
                        reading = "о"
                    }
                    // the letter is a choice German spelling does not make: с or з for s, ш or ж for sch
                    let voicing = c == "s" && length == 1 || length == 3 && matches("sch", index)
                    states[index + length].append(partial.adding(reading, weight: w, voicing: voicing))
                }
            }
        }
        // how common each с/з and ш/ж choice is between its neighbours in Russian names
        let contexts = LetterContexts.bundled
        var final = states[count].map { partial in
            let letters = Array(partial.text)
            let share = partial.voicing.reduce(1.0) { $0 * contexts.share(in: letters, at: $1) }
            return (partial.text, partial.weight * share)
        }
        final.sort { $0.1 > $1.1 }
        return Array(final.prefix(256))
    }

    /// A reading of the first letters of a German-spelled word: its Cyrillic, weight, and
    /// the positions of the letters whose voicing German spelling leaves open (с/з, ш/ж).
    struct PartialReading {
        var text: String
        var length: Int
        var weight: Double
        var voicing: [Int]

        /// This reading followed by `letters`, its weight multiplied by `weight`; `voicing`
        /// marks the (single) added letter as one of a с/з or ш/ж choice.
        func adding(_ letters: String, weight factor: Double, voicing marked: Bool) -> PartialReading {
            var next = self
            if marked { next.voicing.append(length) }
            next.text += letters
            next.length += letters.count
            next.weight *= factor
            return next
        }
    }
}
