import GlossaICU
import GlossaText

/// `glossa glossary find`: an entry by German (any form the annotator finds: inflections,
/// variants, genitives, compounds), by English (case-insensitive), or by a near misspelling.
public struct GlossaryLookup {
    public struct Hit: Sendable, Hashable {
        /// Index into `index.glossary.entries`.
        public let entry: Int
        /// How it was found: a `MatchKind` name ("exact", "inflected", ...), "english",
        /// "english-word" (a word of a longer English rendering) or "similar".
        public let how: String
        /// Edit distance for "similar" hits, else 0.
        public let distance: Int
    }

    public let index: GlossaryIndex
    private let tokenizer: GermanTokenizer

    public init(index: GlossaryIndex) throws(ICUError) {
        self.index = index
        tokenizer = try GermanTokenizer()
    }

    /// The largest edit distance for a near miss of a key of this length: 0 up to 4 letters,
    /// 1 up to 8, else 2.
    public static func allowedDistance(forLength length: Int) -> Int {
        length <= 4 ? 0 : (length <= 8 ? 1 : 2)
    }

    /// Hits, best first (matcher hits, then English, then near misses by distance), each entry once.
    public func find(_ query: String) -> [Hit] {
        let entries = index.glossary.entries
        var hits: [Hit] = []
        var seen = Set<Int>()
        func add(_ entry: Int, _ how: String, _ distance: Int = 0) {
            if seen.insert(entry).inserted { hits.append(Hit(entry: entry, how: how, distance: distance)) }
        }
        // German, as the annotator sees it.
        let document = tokenizer.document(query, name: "query")
        for match in Matcher(index: index).matches(in: document).sorted(by: { $0.kind < $1.kind }) {
            add(match.entry, match.kind.rawValue)
        }
        // English.
        let key = MatchKey.make(query)
        for (number, entry) in entries.enumerated() where MatchKey.make(entry.en) == key { add(number, "english") }
        if !key.contains(" ") {
            for (number, entry) in entries.enumerated() {
                let words = MatchKey.make(entry.en).split(whereSeparator: { $0 == " " || $0 == "-" })
                if words.count > 1 && words.contains(Substring(key)) { add(number, "english-word") }
            }
        }
        // Near misses of the German forms and the English.
        let limit = Self.allowedDistance(forLength: key.count)
        if limit > 0 {
            var similar: [(Int, Int)] = []
            let target = Array(key.unicodeScalars)
            for (number, entry) in entries.enumerated() where !seen.contains(number) {
                var best = Int.max
                // Whole forms, and for names of several words each word ("Lavrof" ~ "Lavrov").
                var forms = [entry.de, entry.en] + entry.variants
                if entry.type.isName {
                    forms += forms.flatMap { $0.split(separator: " ").map(String.init) }.filter { $0.count >= 4 }
                }
                for form in forms {
                    let candidate = Array(MatchKey.make(form).unicodeScalars)
                    if abs(candidate.count - target.count) > limit { continue }
                    best = min(best, Self.editDistance(target, candidate, limit: limit))
                }
                if best <= limit { similar.append((number, best)) }
            }
            for (number, distance) in similar.sorted(by: { ($0.1, $0.0) < ($1.1, $1.0) }) { add(number, "similar", distance) }
        }
        return hits
    }

    /// Levenshtein distance (insertions, deletions, substitutions), or `limit + 1` when larger.
    public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty { return min(b.count, limit + 1) }
        if b.isEmpty { return min(a.count, limit + 1) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return min(previous[b.count], limit + 1)
    }
}

/// Counts for `glossa glossary stats`.
public struct GlossaryStatistics: Sendable {
    public var byFile: [(file: String, entries: Int)] = []
    public var byType: [String: Int] = [:]
    public var byStatus: [String: Int] = [:]
    public var withOrig = 0
    public var withVariants = 0
    public var total = 0
    /// German terms defined more than once (exactly the same `de`), with their places.
    public var duplicates: [(de: String, places: [String])] = []

    public init(_ glossary: Glossary) {
        for source in glossary.sources { byFile.append((source.path, source.entries)) }
        var places: [String: [String]] = [:]
        var order: [String] = []
        for entry in glossary.entries {
            total += 1
            byType[entry.type.rawValue, default: 0] += 1
            byStatus[entry.status.rawValue, default: 0] += 1
            if !entry.orig.isEmpty { withOrig += 1 }
            if !entry.variants.isEmpty { withVariants += 1 }
            if places[entry.de] == nil { order.append(entry.de) }
            places[entry.de, default: []].append(entry.location?.description ?? entry.id)
        }
        duplicates = order.compactMap { de in places[de]!.count > 1 ? (de, places[de]!) : nil }
    }
}
