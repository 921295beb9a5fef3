import Foundation
@_spi(Benchmark) import GlossaGlossary
import GlossaICU
import GlossaPipeline
import GlossaRender
import GlossaStemmer
import GlossaText

/// Glossa's benchmarks: they print figures; they assert nothing.
///
///     glossa-bench tokenize [CORPUS]           Document building vs a bare ICU word-break loop
///     glossa-bench tokenize-once [CORPUS]      one Document build and nothing else (for perf, callgrind)
///     glossa-bench tokenize-pieces [CORPUS]    Document building in the pipeline's pieces, one after another (as annotate)
///     glossa-bench glossary [GLOSSARY.tsv]     loading and indexing time and memory
///     glossa-bench stem [CORPUS]               the German stemmer on the corpus's distinct word keys
///     glossa-bench match [CORPUS] [GLOSSARY]   matching time added to tokenization
///     glossa-bench match-once [CORPUS] [GLOSSARY]  one first-document and one warm matching run (for perf, callgrind)
///     glossa-bench pieces-once [CORPUS] [GLOSSARY] the pipeline's pieces tokenized and matched once, one tokenizer and
///                                              one matcher memory (the goal line of `match`, for perf)
///     glossa-bench annotate [CORPUS] [GLOSSARY] [--jobs N] [--no-guesses]  end-to-end jsonl annotation vs
///                                              the bare loop (the annotator of `glossa annotate`: name guesses on)
///
/// Defaults: bench-data/corpus-de.txt (Scripts/make-corpus.sh) and bench-data/ding-de-en.tsv
/// (Scripts/ding-to-glossary.py). Build with `-c release`. Run each in its own process so
/// that the peak memory figure belongs to that benchmark alone (Scripts/bench.sh does).
/// `GLOSSA_BENCH_WARM_RUNS=N` repeats the warm-memory matching run N times (in `match` and
/// `match-once`), and
/// `GLOSSA_FIRST_ONLY=1` makes `match-once` do the first-document run only (for profilers);
/// `GLOSSA_PIECES_AGAIN=N` makes `pieces-once` match the pieces N more times with the memory
/// they left (for profiling the warm scan);
/// `GLOSSA_PIECE_SIZE`, `GLOSSA_MATCHERS` and `GLOSSA_TOKENIZERS` set the pipeline's piece size
/// (scalars) and how many pieces are matched and tokenized at once in `annotate`.
@main
struct Bench {
    static func main() throws {
        // As `glossa` does at start.
        if !AllocatorTuning.keepLargeBuffers() { print("note: allocator thresholds not set") }
        var arguments = Array(CommandLine.arguments.dropFirst())
        var jobs = ProcessInfo.processInfo.activeProcessorCount
        var guesses = true
        if let i = arguments.firstIndex(of: "--no-guesses") {
            guesses = false
            arguments.remove(at: i)
        }
        if let i = arguments.firstIndex(of: "--jobs"), i + 1 < arguments.count, let n = Int(arguments[i + 1]) {
            jobs = n
            arguments.removeSubrange(i...(i + 1))
        }
        let command = arguments.first ?? "help"
        let corpus = arguments.count > 1 ? arguments[1] : "bench-data/corpus-de.txt"
        let glossaryPath = arguments.count > 2 ? arguments[2] : "bench-data/ding-de-en.tsv"
        switch command {
        case "tokenize": try tokenize(corpus)
        case "tokenize-once":
            let text = try readCorpus(corpus)
            let tokenizer = try GermanTokenizer()
            let start = DispatchTime.now().uptimeNanoseconds
            let document = tokenizer.document(text)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print(String(format: "%d tokens, %d sentences, %d keys, %.3f s", document.tokens.count, document.sentences.count, document.keys.count, seconds))
        case "tokenize-pieces":
            // As `annotate` feeds a tokenizer: the corpus in the pipeline's pieces, one after another.
            let text = try readCorpus(corpus)
            let tokenizer = try GermanTokenizer()
            let mode: ParagraphMode = GermanTokenizer.hasBlankLine(text) ? .blankLines : .lines
            let pieces = TextChunker.pieces(of: text, mode: mode, targetScalars: StreamingAnnotation.defaultPieceSize)
            var tokens = 0
            let seconds = time {
                tokens = 0
                for piece in pieces { tokens += tokenizer.document(piece.text, name: "x", paragraphs: mode).tokens.count }
            }
            print(String(format: "Document building in %d pieces of about %.0f MB, one tokenizer: %.1f MB/s (%d tokens, %.3f s, best of 3)",
                         pieces.count, megabytes(text) / Double(pieces.count), megabytes(text) / seconds, tokens, seconds))
        case "glossary": try glossary(arguments.count > 1 ? arguments[1] : glossaryPath)
        case "stem": try stem(corpus)
        case "match": try match(corpus, glossaryPath)
        case "pieces-once":
            let text = try readCorpus(corpus)
            let index = try GlossaryIndex(Glossary.load(paths: [glossaryPath]))
            let matcher = Matcher(index: index)
            let mode: ParagraphMode = GermanTokenizer.hasBlankLine(text) ? .blankLines : .lines
            let pieces = TextChunker.pieces(of: text, mode: mode, targetScalars: StreamingAnnotation.defaultPieceSize)
            let tokenizer = try GermanTokenizer()
            let memory = MatchMemory()
            var matching = 0.0
            for piece in pieces {
                let d = tokenizer.document(piece.text, name: "x", paragraphs: mode)
                matching += time(runs: 1) { _ = matcher.matches(in: d, memory: memory) }
            }
            print(String(format: "%d pieces: matching %.3f s", pieces.count, matching))
            if let again = Int(ProcessInfo.processInfo.environment["GLOSSA_PIECES_AGAIN"] ?? "") {
                var documents: [Document] = []
                for piece in pieces { documents.append(tokenizer.document(piece.text, name: "x", paragraphs: mode)) }
                for _ in 0..<again {
                    var warm = 0.0
                    for d in documents { warm += time(runs: 1) { _ = matcher.matches(in: d, memory: memory) } }
                    print(String(format: "again, every key met before: matching %.3f s", warm))
                }
            }
        case "match-once":
            let text = try readCorpus(corpus)
            let index = try GlossaryIndex(Glossary.load(paths: [glossaryPath]))
            let document = try GermanTokenizer().document(text)
            let matcher = Matcher(index: index)
            let memory = MatchMemory()
            let environment = ProcessInfo.processInfo.environment
            let warmRuns = environment["GLOSSA_FIRST_ONLY"] == nil ? max(1, Int(environment["GLOSSA_BENCH_WARM_RUNS"] ?? "1") ?? 1) : 0
            for run in ["first document"] + repeatElement("warm memory", count: warmRuns) {
                let start = DispatchTime.now().uptimeNanoseconds
                let found = matcher.matches(in: document, memory: memory).count
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                print(String(format: "%@: %d matches, %.3f s", run, found, seconds))

            }
        case "annotate": try annotate(corpus, glossaryPath, jobs: jobs, guesses: guesses)
        default:
            print("usage: glossa-bench tokenize|tokenize-once|tokenize-pieces|glossary|stem|match|match-once|pieces-once|annotate [CORPUS] [GLOSSARY] [--jobs N] [--no-guesses]")
        }
    }

    static func readCorpus(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchError("\(path): missing; run Scripts/make-corpus.sh first")
        }
        return try InputText.decode(data, source: path)
    }

    /// Seconds taken by `body`, best of `runs`.
    static func time(runs: Int = 3, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    static func megabytes(_ text: String) -> Double { Double(text.utf8.count) / 1_000_000 }

    /// The bare yardstick: ICU's word break iterator over the text's UTF-16, reading each rule status.
    static func bareICU(_ text: String) throws -> Double {
        let units = Array(text.utf16)
        let iterator = try BreakIterator(.word, locale: "de")
        var boundaries = 0
        let seconds = time { boundaries = iterator.countBoundaries(in: units) }
        print(String(format: "bare ICU word-break loop: %.1f MB/s (%d boundaries, %.3f s)", megabytes(text) / seconds, boundaries, seconds))
        return megabytes(text) / seconds
    }

    /// The stemmer alone: every distinct word key of the corpus stemmed (best of five passes).
    static func stem(_ path: String) throws {
        let text = try readCorpus(path)
        let document = try GermanTokenizer().document(text)
        var isWord = [Bool](repeating: false, count: document.keys.count)
        for token in document.tokens where token.kind == .word { isWord[Int(token.keyID)] = true }
        let words = document.keys.indices.filter { isWord[$0] }.map { document.keys[$0] }
        let stemmer = GermanStemmer()
        var letters = 0
        let seconds = time(runs: 5) {
            letters = 0
            for word in words { letters &+= stemmer.stem(word).utf8.count }
        }
        print(String(format: "stemmer: %d distinct word keys, %.0f ns per word (%.3f s; %d bytes of stems)",
                     words.count, seconds / Double(words.count) * 1e9, seconds, letters))
    }

    static func tokenize(_ path: String) throws {
        let text = try readCorpus(path)
        print(String(format: "corpus: %@, %.1f MB", path, megabytes(text)))
        let bare = try bareICU(text)
        let tokenizer = try GermanTokenizer()
        var tokens = 0, keys = 0
        // A tokenizer's first document writes all its arrays into fresh memory (a page fault per
        // 4 KiB) and meets every word form for the first time; later ones reuse the last
        // document's memory once it is gone and the lexicon of forms met (the best of three
        // below, here of the same text again): both are printed.
        let first = time(runs: 1) { _ = tokenizer.document(text) }
        let seconds = time {
            let document = tokenizer.document(text)
            tokens = document.tokens.count
            keys = document.keys.count
        }
        let rate = megabytes(text) / seconds
        print(String(format: "Document building (tokens, keys, stems, sentences), a tokenizer's later documents: %.1f MB/s (%d tokens, %d distinct keys, %.3f s)", rate, tokens, keys, seconds))
        print(String(format: "  a tokenizer's first document: %.1f MB/s (%.3f s), ratio %.2f", megabytes(text) / first, first, megabytes(text) / first / bare))
        print(String(format: "peak memory so far: %.0f MB", peakMemoryMB()))
        let statistics = tokenizer.wordBoundaryStatistics
        let units = Double(statistics.fastUnits + statistics.icuUnits)
        print(String(format: "  word boundaries: the verified fast path where the text allows (%.2f%% of the text), ICU's iterator for %d stretches (%.2f%%)",
                     Double(statistics.fastUnits) / max(units, 1) * 100, statistics.icuStretches, Double(statistics.icuUnits) / max(units, 1) * 100))
        print("  fast path and ICU agree on this corpus: \(try boundariesAgree(text))")
        print(String(format: "single-thread ratio to the bare loop: %.2f (goal ≥ 0.60)", rate / bare))
        let icuOnly = try GermanTokenizer(fastPath: false)
        var icuDocument: Document?
        let icuSeconds = time { icuDocument = icuOnly.document(text) }
        print(String(format: "for comparison, Document building with ICU's iterator for all text: %.1f MB/s (ratio %.2f)", megabytes(text) / icuSeconds, megabytes(text) / icuSeconds / bare))
        let document = tokenizer.document(text)
        let same = icuDocument.map { document.tokens == $0.tokens && document.sentences == $0.sentences && document.paragraphs == $0.paragraphs
            && document.keys == $0.keys && document.stems == $0.stems && document.spacedCompounds == $0.spacedCompounds } ?? false
        print("  the two documents are identical (tokens, sentences, paragraphs, keys, stems, compounds): \(same ? "yes" : "NO (a bug: report it)")")
    }

    /// Whether the fast path with its ICU stretches finds exactly ICU's boundaries and rule statuses in `text`.
    static func boundariesAgree(_ text: String) throws -> String {
        let units = Array(text.utf16)
        var ends: [Int32] = [], statuses: [Int32] = []
        try BreakIterator(.word, locale: "de").forEachBoundaryChunk(in: units) { offsets, chunkStatuses, count in
            ends.append(contentsOf: offsets[0..<count])
            statuses.append(contentsOf: chunkStatuses[0..<count])
        }
        var k = 0
        var same = true
        try WordBoundaries().forEachSegment(in: units) { _, end, status in
            if k >= ends.count || ends[k] != Int32(end) || statuses[k] != status { same = false }
            k += 1
        }
        same = same && k == ends.count
        return same ? "yes, all \(ends.count) boundaries and rule statuses" : "NO: the fast path differs from ICU (a bug: report it)"
    }

    static func glossary(_ path: String) throws {
        let baseline = peakMemoryMB()
        var index: GlossaryIndex?
        var loadSeconds = 0.0
        let seconds = try time(runs: 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            let glossary = try Glossary.load(paths: [path])
            loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            index = try GlossaryIndex(glossary)
        }
        guard let index else { return }
        print(String(format: "glossary: %@, %d entries, %d forms", path, index.glossary.entries.count, index.formCount))
        print(String(format: "load and index: %.3f s (reading and parsing %.3f s, indexing %.3f s; goal ≤ 1 s)", seconds, loadSeconds, seconds - loadSeconds))
        print(String(format: "peak memory: %.0f MB (%.0f MB above the process baseline; goal ≤ 300 MB)", peakMemoryMB(), peakMemoryMB() - baseline))
    }

    /// Matching time against tokenization time, like against like: a first document (a new
    /// tokenizer, whose lexicon is empty, and a new matcher memory), later documents (both
    /// warm), and the pipeline's pieces one after another as one thread of `glossa annotate`
    /// works (the figure the goal is about: what matching adds when annotating a corpus).
    static func match(_ corpusPath: String, _ glossaryPath: String) throws {
        let text = try readCorpus(corpusPath)
        let index = try GlossaryIndex(Glossary.load(paths: [glossaryPath]))
        let matcher = Matcher(index: index)
        print(String(format: "corpus %.1f MB, glossary %d entries", megabytes(text), index.glossary.entries.count))
        var document: Document?
        let tokenizingFirst = try time { document = try GermanTokenizer().document(text) }
        var found = 0
        let matchingFirst = time { found = matcher.matches(in: document!).count }
        print(String(format: "first document (new tokenizer, new matcher memory): tokenization %.3f s, matching %.3f s (%d matches): matching adds %.0f%%",
                     tokenizingFirst, matchingFirst, found, matchingFirst / tokenizingFirst * 100))
        let tokenizer = try GermanTokenizer()
        _ = tokenizer.document(text)
        let tokenizingLater = time { document = tokenizer.document(text) }
        let memory = MatchMemory()
        _ = matcher.matches(in: document!, memory: memory)
        let matchingLater = time(runs: Int(ProcessInfo.processInfo.environment["GLOSSA_BENCH_WARM_RUNS"] ?? "3") ?? 3) { _ = matcher.matches(in: document!, memory: memory) }
        print(String(format: "later documents (the tokenizer's lexicon and the matcher memory warm): tokenization %.3f s, matching %.3f s: matching adds %.0f%%",
                     tokenizingLater, matchingLater, matchingLater / tokenizingLater * 100))
        // As one thread of `glossa annotate` works: the corpus in the pipeline's pieces, each
        // tokenized and then matched, by one new tokenizer and one new matcher memory.
        let mode: ParagraphMode = GermanTokenizer.hasBlankLine(text) ? .blankLines : .lines
        let pieces = TextChunker.pieces(of: text, mode: mode, targetScalars: StreamingAnnotation.defaultPieceSize)
        var best = (tokenizing: Double.infinity, matching: Double.infinity)
        var pieceDocuments: [Document] = [], pieceMemory = MatchMemory()
        for _ in 0..<3 {
            let pieceTokenizer = try GermanTokenizer()
            pieceMemory = MatchMemory()
            pieceDocuments = []
            var sums = (tokenizing: 0.0, matching: 0.0)
            for piece in pieces {
                var pieceDocument: Document?
                sums.tokenizing += time(runs: 1) { pieceDocument = pieceTokenizer.document(piece.text, name: corpusPath, paragraphs: mode) }
                sums.matching += time(runs: 1) { _ = matcher.matches(in: pieceDocument!, memory: pieceMemory) }
                pieceDocuments.append(pieceDocument!)
            }
            if sums.tokenizing + sums.matching < best.tokenizing + best.matching { best = sums }
        }
        print(String(format: "the pipeline's %d pieces, one after another (as one thread of annotate): tokenization %.3f s, matching %.3f s: matching adds %.0f%% (goal ≤ 30%%)",
                     pieces.count, best.tokenizing, best.matching, best.matching / best.tokenizing * 100))
        // The same pieces again with the memory they left (every key and form met before), and
        // the least a scan remembering each raw form's outcome can do on them (reading every
        // token's remembered outcome and writing its match, nothing else): what the first sight
        // of keys costs, and what no change to the search can take away.
        var again = Double.infinity, least = Double.infinity
        for _ in 0..<3 {
            var sums = (again: 0.0, least: 0.0)
            for pieceDocument in pieceDocuments {
                sums.again += time(runs: 1) { _ = matcher.matches(in: pieceDocument, memory: pieceMemory) }
                sums.least += time(runs: 1) { _ = matcher.rememberedOutcomesOnly(in: pieceDocument, memory: pieceMemory) }
            }
            again = min(again, sums.again)
            least = min(least, sums.least)
        }
        print(String(format: "the pieces again, every key met before: matching %.3f s (%.0f%%); lower bound, reading each token's remembered outcome and writing its match: %.3f s (%.0f%%)",
                     again, again / best.tokenizing * 100, least, least / best.tokenizing * 100))
        var looked = 0
        let lookups = time { looked = matcher.vocabularyLookupsOnly(in: document!) }
        print(String(format: "lower bound of a first sight: looking up the corpus's %d keys and %d stems once in the index: %.3f s (%d found, %.0f%%)",
                     document!.keys.count, document!.stems.count, lookups, looked, lookups / best.tokenizing * 100))
        // Where the pieces' time goes: the same first pass (the documents above, a new memory)
        // with the whole search, without the entries that have a form of several words (the
        // multi-token search then finds nothing to start, and is left with the cost of asking),
        // and without hyphen and compound parts as well (single tokens alone).
        let singleWord = Glossary(entries: index.glossary.entries.filter { !$0.de.contains(" ") && !$0.variants.contains { $0.contains(" ") } },
                                  sources: index.glossary.sources)
        let singleWordIndex = try GlossaryIndex(singleWord)
        var noParts = MatchOptions()
        noParts.hyphenParts = false
        noParts.compoundParts = false
        var parts: [String] = []
        for (name, reduced) in [("the whole search", matcher), ("without its \(index.glossary.entries.count - singleWord.entries.count) entries of several words", Matcher(index: singleWordIndex)),
                                ("and without hyphen and compound parts", Matcher(index: singleWordIndex, options: noParts))] {
            var fastest = Double.infinity
            for _ in 0..<3 {
                let reducedMemory = MatchMemory()
                var sum = 0.0
                for pieceDocument in pieceDocuments { sum += time(runs: 1) { _ = reduced.matches(in: pieceDocument, memory: reducedMemory) } }
                fastest = min(fastest, sum)
            }
            parts.append(String(format: "%@ %.3f s (%.0f%%)", name, fastest, fastest / best.tokenizing * 100))
        }
        print("the pieces matched again with a new memory, best of 3 each: " + parts.joined(separator: ", "))
    }

    static func annotate(_ corpusPath: String, _ glossaryPath: String, jobs: Int, guesses: Bool) throws {
        let text = try readCorpus(corpusPath)
        let bare = try bareICU(text)
        let index = try GlossaryIndex(Glossary.load(paths: [glossaryPath]))
        // As `glossa annotate` does by default: name guesses on (`--no-guesses` as in `glossa annotate`).
        let annotator = Annotator(index: index, guessStage: guesses ? TransliterationGuesses.bundled() : nil)
        var bytes = 0
        var counts = (sentences: 0, annotations: 0)
        let seconds = try time(runs: 2) {
            // New tokenizers (and matcher memories) each run, as in one `glossa annotate`.
            let tokenizers = ResourcePool { try GermanTokenizer() }
            bytes = 0
            counts = try StreamingAnnotation.jsonlBytes(text: text, name: corpusPath, annotator: annotator, tokenizers: tokenizers, jobs: jobs,
                                                        matchers: Int(ProcessInfo.processInfo.environment["GLOSSA_MATCHERS"] ?? ""),
                                                        tokenizerCount: Int(ProcessInfo.processInfo.environment["GLOSSA_TOKENIZERS"] ?? ""),
                                                        pieceSize: Int(ProcessInfo.processInfo.environment["GLOSSA_PIECE_SIZE"] ?? "") ?? StreamingAnnotation.defaultPieceSize) {
                bytes += $0.count
            }
        }
        let rate = megabytes(text) / seconds
        print(String(format: "annotate --format jsonl (%d threads, name guesses %@): %.1f MB/s, %.3f s, %d sentences, %d annotations, %.0f MB of JSON Lines",
                     jobs, guesses ? "on" : "off", rate, seconds, counts.sentences, counts.annotations, Double(bytes) / 1e6))
        print(String(format: "ratio to the bare loop: %.2f (goal ≥ 0.40)", rate / bare))
        print(String(format: "peak memory: %.0f MB", peakMemoryMB()))
    }

    /// The process's peak resident memory (VmHWM), in MB; 0 where /proc is missing.
    static func peakMemoryMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
