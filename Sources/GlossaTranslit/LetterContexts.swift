import Foundation

/// How often Russian names have с rather than з, and ш rather than ж, between two given letters:
/// the pairs German spelling merges (s, sch). Read from `Data/letter-contexts.tsv` (made by
/// `Scripts/make-letter-contexts.py` from the surnames and place names of the OpenCorpora
/// dictionary, without the names of the accuracy lists).
///
/// The counts turn into the share of one letter of a pair in a context: the share over all
/// words, refined by the letter before, then the letter after, then both, each step trusted in
/// proportion to how many words it rests on (a context seen in n words counts n/(n+2)). So з is
/// favoured before б г д (voicing assimilation: Ноздрёв, Збруев), ж after л (Волжский), с before
/// к is all but certain (-ский, -ск), and a context seen in few words stays near the coarser
/// share.
public struct LetterContexts: Sendable {
    /// A letter between two neighbours; `*` stands for any neighbour (the sums).
    struct Context: Hashable {
        let left: Character
        let letter: Character
        let right: Character
    }

    /// Counts by context, with the sums over any left, any right and both.
    private let counts: [Context: Int]

    /// The two letters of each pair.
    static let partners: [Character: Character] = ["с": "з", "з": "с", "ш": "ж", "ж": "ш"]

    /// How many words a context needs before its share counts as much as the coarser estimate.
    static let evidence = 2.0

    init(counts: [Context: Int]) {
        self.counts = counts
    }

    /// The table without counts: every letter of a pair has the share 1/2.
    public static let empty = LetterContexts(counts: [:])

    /// The bundled table (empty when the resource is missing or does not parse).
    public static let bundled: LetterContexts = {
        guard let url = Bundle.module.url(forResource: "letter-contexts", withExtension: "tsv", subdirectory: "Data")
            ?? Bundle.module.url(forResource: "letter-contexts", withExtension: "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8),
            let table = try? parse(text) else { return .empty }
        return table
    }()

    /// Parses the TSV: `#` comments, a header line, then `left letter right count`.
    /// - Throws: `TranslitError` naming the line of a row that does not have four fields, a
    ///   single character in each of the first three, and a count.
    public static func parse(_ text: String, file: String = "Data/letter-contexts.tsv") throws(TranslitError) -> LetterContexts {
        var counts: [Context: Int] = [:]
        var sawHeader = false
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if !sawHeader { sawHeader = true; continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, fields[0].count == 1, fields[1].count == 1, fields[2].count == 1,
                  let left = fields[0].first, let letter = fields[1].first, let right = fields[2].first,
                  let count = Int(fields[3]), count >= 0 else {
                throw TranslitError("\(file):\(index + 1):1: expected 'left letter right count'")
            }
            for (before, after) in [(left, right), (left, "*"), ("*", right), ("*", "*")] as [(Character, Character)] {
                counts[Context(left: before, letter: letter, right: after), default: 0] += count
            }
        }
        return LetterContexts(counts: counts)
    }

    /// The share of `word[index]` (с з ш ж) against its partner between its neighbours
    /// (^ and $ at the ends); 1 for any other letter.
    public func share(in word: [Character], at index: Int) -> Double {
        let letter = word[index]
        guard let partner = Self.partners[letter] else { return 1 }
        let left: Character = index > 0 ? word[index - 1] : "^"
        let right: Character = index + 1 < word.count ? word[index + 1] : "$"
        var estimate = 0.5
        for (before, after) in [("*", "*"), (left, "*"), ("*", right), (left, right)] as [(Character, Character)] {
            let own = Double(counts[Context(left: before, letter: letter, right: after)] ?? 0)
            let other = Double(counts[Context(left: before, letter: partner, right: after)] ?? 0)
            let total = own + other
            guard total > 0 else { continue }
            let trust = total / (total + Self.evidence)
            estimate = trust * (own / total) + (1 - trust) * estimate
        }
        return estimate
    }
}
