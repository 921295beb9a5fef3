import GlossaICU
import GlossaTranslit
import GlossaText

/// `glossa glossary coverage`: which entries a corpus uses, and which capitalized words and
/// phrases no entry covers (candidates for new entries).
///
/// Matches come from the annotator's `Matcher`, so "used" means exactly what annotation finds.
/// A candidate is a capitalized word that no match covers and that does not start its sentence
/// (German capitalizes every noun, so frequent candidates are often common nouns; names stand
/// out as phrases of several capitalized words, such as "Olaf Scholz").
public struct CoverageCounter {
    public let index: GlossaryIndex
    private let tokenizer: GermanTokenizer
    private let matcher: Matcher
    public private(set) var uses: [Int: Int] = [:]
    public private(set) var words: [String: Int] = [:]
    public private(set) var phrases: [String: Int] = [:]
    public private(set) var documents = 0
    public private(set) var tokens = 0
    public private(set) var matches = 0

    /// Capitalized words that are not names or terms (pronouns, forms of address, articles).
    static let ignored: Set<String> = ["Sie", "Ihr", "Ihre", "Ihnen", "Herr", "Herrn", "Frau", "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einer", "Einem", "Einen"]

    /// The matcher's memory, carried from document to document.
    private let memory: MatchMemory

    public init(index: GlossaryIndex) throws(ICUError) {
        self.index = index
        tokenizer = try GermanTokenizer()
        matcher = Matcher(index: index)
        memory = MatchMemory()
    }

    public mutating func add(_ text: String, name: String) {
        let document = tokenizer.document(text, name: name)
        documents += 1
        tokens += document.tokens.count
        var covered = [Bool](repeating: false, count: document.tokens.count)
        for match in matcher.matches(in: document, memory: memory) {
            matches += 1
            uses[match.entry, default: 0] += 1
            for t in match.tokens { covered[t] = true }
        }
        for sentence in document.sentences {
            var run: [String] = []
            func endRun() {
                if run.count >= 2 && run.count <= 4 { phrases[run.joined(separator: " "), default: 0] += 1 }
                run = []
            }
            for t in sentence.tokens {
                let token = document.tokens[t]
                let text = document.text(of: token)
                let isCandidate = token.kind == .word && !covered[t] && t != sentence.tokens.lowerBound
                    && (text.first?.isUppercase ?? false) && text.count >= 2 && !Self.ignored.contains(text)
                if isCandidate {
                    words[text, default: 0] += 1
                    run.append(text)
                } else {
                    endRun()
                }
            }
            endRun()
        }
    }

    public struct Candidate: Sendable, Hashable {
        public let de: String
        public let count: Int
        /// A suggested English (CLDR region names), or nil.
        public let en: String?
        public let type: EntryType?
    }

    /// Entries by use, most used first (ties in load order).
    public func entryUses() -> [(entry: Int, count: Int)] {
        uses.map { ($0.key, $0.value) }.sorted { ($1.count, $0.entry) < ($0.count, $1.entry) }
    }

    /// The most frequent uncovered phrases and words (phrases first when equally frequent).
    public func candidates(top: Int) -> [Candidate] {
        let regions = Self.regionNames()
        let transliteration = Transliteration(exceptions: (try? ExceptionTable.bundled()) ?? .empty)
        let all = phrases.map { ($0.key, $0.value, 1) } + words.map { ($0.key, $0.value, 0) }
        return all.sorted { a, b in
            if a.1 != b.1 { return a.1 > b.1 }
            if a.2 != b.2 { return a.2 > b.2 }
            return a.0 < b.0
        }.prefix(top).map { term, count, _ in
            if let region = regions[term] { return Candidate(de: term, count: count, en: region, type: .country) }
            // Names that look like German transcriptions of Russian, Ukrainian or Belarusian
            // names get the English spelling the transliteration module ranks best.
            let words = term.split(separator: " ").map(String.init)
            if let last = words.last, Transliteration.looksLikeGermanSpelledSurname(last),
               let english = try? words.map({ try transliteration.germanWord($0, to: .en) }).joined(separator: " ") {
                return Candidate(de: term, count: count, en: english, type: .person)
            }
            return Candidate(de: term, count: count, en: nil, type: nil)
        }
    }

    /// German CLDR region names → English ones.
    static func regionNames() -> [String: String] {
        var names: [String: String] = [:]
        for code in LocaleData.regionCodes {
            if let german = LocaleData.regionName(code, in: "de"), let english = LocaleData.regionName(code, in: "en") {
                names[german] = english
            }
        }
        return names
    }
}
