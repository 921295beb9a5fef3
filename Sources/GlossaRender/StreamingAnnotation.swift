import Foundation
import GlossaGlossary
import GlossaPipeline
import GlossaText

/// Annotates a large text on several threads and streams it as JSON Lines.
///
/// The text is cut into pieces at paragraph boundaries (`TextChunker`) under the whole text's
/// paragraph mode; pieces are tokenized, annotated and rendered on several threads, at most a
/// few per thread ahead of the one being written (so memory stays bounded), and written in
/// order with document-level offsets and sentence numbers. The output is identical to
/// annotating the whole text on one thread.
public enum StreamingAnnotation {
    /// The pieces' size in Unicode scalars: 2 M. Larger pieces cost less per piece (set-up of
    /// the tokenizer's and the matcher's tables for each document), but a piece's JSON Lines must
    /// stay below glibc's largest `mmap` threshold (32 MB, see `AllocatorTuning`) so that output
    /// buffers are reused rather than fresh memory: with the Ding glossary 2 M scalars give about
    /// 28 MB, and 1 M pieces were about 5% slower, 3 M pieces slower again.
    public static let defaultPieceSize = 1 << 21

    /// - Parameters:
    ///   - memories: the matcher's memories, one per piece being matched at a time (made here when
    ///     nil); they speed up matching from piece to piece and never change the output.
    ///   - write: receives the output in order, one piece's lines at a time.
    /// - Returns: the number of sentences and annotations written.
    @discardableResult
    public static func jsonl(
        text: String, name: String, annotator: Annotator, tokenizers: ResourcePool<GermanTokenizer>,
        memories: ResourcePool<MatchMemory>? = nil, jobs: Int, pieceSize: Int = defaultPieceSize, write: (String) -> Void
    ) throws -> (sentences: Int, annotations: Int) {
        try jsonlBytes(text: text, name: name, annotator: annotator, tokenizers: tokenizers, memories: memories, jobs: jobs,
                       pieceSize: pieceSize) { write(String(decoding: $0, as: UTF8.self)) }
    }

    /// `jsonl`, handing out UTF-8 bytes (what a file or pipe takes without another copy).
    ///
    /// - Parameters:
    ///   - matchers: how many pieces may be matched at once, each with a matcher memory of its
    ///     own (default: half the threads, at least one). Fewer memories than threads learn each
    ///     key and form once instead of once per thread and share the cache better; matching is
    ///     about a third of a piece's work, so half the threads keep up with the others. (On two
    ///     cores one memory is 5–10% faster than two with the Ding glossary.)
    ///   - tokenizerCount: how many pieces may be tokenized at once, each by a tokenizer of
    ///     `tokenizers` (default: half the threads, at least one), for the same reason: a
    ///     tokenizer's lexicon learns each word form once, and the matcher memory meets one
    ///     numbering of forms instead of one per tokenizer.
    @discardableResult
    public static func jsonlBytes(
        text: String, name: String, annotator: Annotator, tokenizers: ResourcePool<GermanTokenizer>,
        memories: ResourcePool<MatchMemory>? = nil, jobs: Int, matchers: Int? = nil, tokenizerCount: Int? = nil, pieceSize: Int = defaultPieceSize,
        write: ([UInt8]) -> Void
    ) throws -> (sentences: Int, annotations: Int) {
        let memories = memories ?? ResourcePool { MatchMemory() }
        let mode: ParagraphMode = GermanTokenizer.hasBlankLine(text) ? .blankLines : .lines
        let pieces = TextChunker.pieces(of: text, mode: mode, targetScalars: pieceSize)
        // Output buffers, passed from piece to piece; the tails of annotations, one table per piece
        // being written (as many as threads), passed on to later pieces.
        let buffers = ResourcePool<[UInt8]> { [] }
        let tailTables = ResourcePool { JSONTails() }
        let work = PieceWork(count: pieces.count, window: max(jobs, 1) * 4, matchers: matchers ?? max(1, jobs / 2),
                             tokenizers: tokenizerCount ?? max(1, jobs / 2))
        /// Tokenizes piece `p`; returns its document.
        @Sendable func tokenize(_ p: Int) throws -> Document {
            try tokenizers.withResource { $0.document(pieces[p].text, name: name, paragraphs: mode) }
        }
        /// Matches piece `p`'s document.
        @Sendable func match(_ document: Document) throws -> [Match] {
            try memories.withResource { annotator.matcher.matches(in: document, memory: $0) }
        }
        /// Annotates and renders piece `p`, whose first sentence is number `sentenceOffset`.
        @Sendable func render(_ document: Document, _ matches: [Match], _ p: Int, _ sentenceOffset: Int) throws -> (bytes: [UInt8], annotations: Int) {
            let annotated = annotator.annotate(document, matches: matches)
            var writer = JSONWriter(document: annotated, reusing: try buffers.take(), tails: try tailTables.take())
            writer.lines(name: name, scalarOffset: pieces[p].scalarOffset, sentenceOffset: sentenceOffset)
            tailTables.giveBack(writer.tails)
            return (writer.json.bytes, annotated.annotations.count)
        }
        if jobs <= 1 || pieces.count == 1 {
            // One thread: each piece through all stages in turn.
            var sentences = 0, annotations = 0
            for p in pieces.indices {
                let document = try tokenize(p)
                let (bytes, count) = try render(document, try match(document), p, sentences)
                sentences += document.sentences.count
                annotations += count
                write(bytes)
                buffers.giveBack(bytes)
            }
            return (sentences, annotations)
        }
        // Several threads: each takes the next tokenized piece to match while a matcher memory is
        // free, else the next matched piece to render whose first sentence number is known (every
        // piece before it tokenized), else the next piece to tokenize while a tokenizer is free,
        // within a window of pieces not yet written; this thread writes the pieces in order as
        // they are done.
        let workers = (0..<jobs).map { _ in
            Thread {
                while let task = work.next() {
                    switch task {
                    case .tokenize(let p):
                        work.finish(p, result: Result { try tokenize(p) })
                    case .match(let p, let document):
                        work.finish(p, document: document, matches: Result { try match(document) })
                    case .render(let p, let document, let matches, let sentenceOffset):
                        work.finish(p, rendered: Result { try render(document, matches, p, sentenceOffset) })
                    }
                }
            }
        }
        for worker in workers { worker.start() }
        var annotations = 0
        do {
            for p in pieces.indices {
                let (bytes, count) = try work.waitForRendered(p).get()
                annotations += count
                write(bytes)
                // Written: its memory takes a later piece's output (memory already in use is
                // cheaper than fresh memory, which costs a page fault per 4 KiB).
                buffers.giveBack(bytes)
            }
        } catch {
            work.stop()
            work.waitForWorkers(jobs)
            throw error
        }
        work.waitForWorkers(jobs)
        return (work.sentenceCount, annotations)
    }
}

/// The schedule of `StreamingAnnotation.jsonlBytes` on several threads, under one lock.
private final class PieceWork: @unchecked Sendable {
    enum Task {
        case tokenize(Int)
        case match(Int, Document)
        case render(Int, Document, [Match], sentenceOffset: Int)
    }

    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var nextToTokenize = 0
    private var nextToMatch = 0
    private var nextToRender = 0
    /// Matching tasks that may start now (each holds a matcher memory while it runs).
    private var freeMatchers: Int
    /// Tokenizing tasks that may start now (each holds a tokenizer, with its lexicon).
    private var freeTokenizers: Int
    /// Matched pieces waiting to be rendered.
    private var matched: [Int: (Document, [Match])] = [:]
    /// Pieces before this one are written (or taken by the writer).
    private var nextToWrite = 0
    /// Tokenized pieces waiting to be matched.
    private var documents: [Int: Document] = [:]
    /// First sentence numbers: known for pieces up to `known` (every piece before them tokenized).
    private var firstSentences: [Int: Int] = [0: 0]
    private var sentenceCounts: [Int: Int] = [:]
    private var known = 0
    private var rendered: [Int: Result<(bytes: [UInt8], annotations: Int), any Error>] = [:]
    private var stopped = false
    private var finishedWorkers = 0

    init(count: Int, window: Int, matchers: Int, tokenizers: Int) {
        self.count = count
        self.window = window
        freeMatchers = max(matchers, 1)
        freeTokenizers = max(tokenizers, 1)
    }

    /// All sentences, once every piece is tokenized.
    var sentenceCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return firstSentences[count] ?? 0
    }

    /// The next task, waiting for one; nil when there is none left (or the work stopped).
    func next() -> Task? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if stopped { break }
            if freeMatchers > 0, let document = documents.removeValue(forKey: nextToMatch) {
                freeMatchers -= 1
                nextToMatch += 1
                return .match(nextToMatch - 1, document)
            }
            if nextToRender < count && nextToRender < known, let (document, matches) = matched.removeValue(forKey: nextToRender) {
                let p = nextToRender
                nextToRender += 1
                return .render(p, document, matches, sentenceOffset: firstSentences[p]!)
            }
            if freeTokenizers > 0 && nextToTokenize < count && nextToTokenize - nextToWrite < window {
                freeTokenizers -= 1
                nextToTokenize += 1
                return .tokenize(nextToTokenize - 1)
            }
            if nextToRender >= count { break }
            condition.wait()
        }
        finishedWorkers += 1
        condition.broadcast()
        return nil
    }

    func finish(_ p: Int, result: Result<Document, any Error>) {
        condition.lock()
        defer { condition.unlock() }
        freeTokenizers += 1
        switch result {
        case .success(let document):
            documents[p] = document
            sentenceCounts[p] = document.sentences.count
            while known < count, let sentences = sentenceCounts.removeValue(forKey: known) {
                firstSentences[known + 1] = firstSentences[known]! + sentences
                known += 1
            }
        case .failure(let error):
            // The writer meets the error at this piece.
            rendered[p] = .failure(error)
            stopped = true
        }
        condition.broadcast()
    }

    func finish(_ p: Int, document: Document, matches result: Result<[Match], any Error>) {
        condition.lock()
        defer { condition.unlock() }
        freeMatchers += 1
        switch result {
        case .success(let matches): matched[p] = (document, matches)
        case .failure(let error):
            rendered[p] = .failure(error)
            stopped = true
        }
        condition.broadcast()
    }

    func finish(_ p: Int, rendered result: Result<(bytes: [UInt8], annotations: Int), any Error>) {
        condition.lock()
        defer { condition.unlock() }
        rendered[p] = result
        if case .failure = result { stopped = true }
        condition.broadcast()
    }

    /// Waits for piece `p` to be rendered (or for an error before it) and takes it.
    func waitForRendered(_ p: Int) -> Result<(bytes: [UInt8], annotations: Int), any Error> {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result = rendered.removeValue(forKey: p) {
                nextToWrite = p + 1
                condition.broadcast()
                return result
            }
            if stopped, let failure = rendered.values.first(where: { if case .failure = $0 { true } else { false } }) {
                return failure
            }
            condition.wait()
        }
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    func waitForWorkers(_ workers: Int) {
        condition.lock()
        while finishedWorkers < workers { condition.wait() }
        condition.unlock()
    }
}
