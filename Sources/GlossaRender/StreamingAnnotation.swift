import GlossaGlossary
import GlossaPipeline
import GlossaText

/// Annotates a large text on several threads and streams it as JSON Lines.
///
/// The text is cut into pieces at paragraph boundaries (`TextChunker`) under the whole text's
/// paragraph mode; pieces are annotated in parallel, a few batches at a time (so memory stays
/// bounded), and written in order with document-level offsets and sentence numbers. The
/// output is identical to annotating the whole text on one thread.
public enum StreamingAnnotation {
    /// - Parameters:
    ///   - memories: the matcher's memories, one per thread (made here when nil); they speed up
    ///     matching from piece to piece and never change the output.
    ///   - write: receives the output in order, one batch of lines at a time.
    /// - Returns: the number of sentences and annotations written.
    @discardableResult
    public static func jsonl(
        text: String, name: String, annotator: Annotator, tokenizers: ResourcePool<GermanTokenizer>,
        memories: ResourcePool<MatchMemory>? = nil, jobs: Int, pieceSize: Int = 1 << 20, write: (String) -> Void
    ) throws -> (sentences: Int, annotations: Int) {
        try jsonlBytes(text: text, name: name, annotator: annotator, tokenizers: tokenizers, memories: memories, jobs: jobs,
                       pieceSize: pieceSize) { write(String(decoding: $0, as: UTF8.self)) }
    }

    /// `jsonl`, handing out UTF-8 bytes (what a file or pipe takes without another copy).
    @discardableResult
    public static func jsonlBytes(
        text: String, name: String, annotator: Annotator, tokenizers: ResourcePool<GermanTokenizer>,
        memories: ResourcePool<MatchMemory>? = nil, jobs: Int, pieceSize: Int = 1 << 20, write: ([UInt8]) -> Void
    ) throws -> (sentences: Int, annotations: Int) {
        let memories = memories ?? ResourcePool { MatchMemory() }
        // Output buffers, passed from piece to piece; the tails of annotations, one table per piece
        // being written (as many as threads), passed on to later pieces.
        let buffers = ResourcePool<[UInt8]> { [] }
        let tailTables = ResourcePool { JSONTails() }
        let mode: ParagraphMode = GermanTokenizer.hasBlankLine(text) ? .blankLines : .lines
        let pieces = TextChunker.pieces(of: text, mode: mode, targetScalars: pieceSize)
        var sentences = 0
        var annotations = 0
        var start = 0
        while start < pieces.count {
            let batch = Array(pieces[start..<min(start + max(jobs, 1) * 4, pieces.count)])
            start += batch.count
            // Tokenize the batch in parallel: then each piece's first sentence number is known.
            let documents = try parallelMap(batch, jobs: jobs) { piece in
                Result { try tokenizers.withResource { $0.document(piece.text, name: name, paragraphs: mode) } }
            }.map { try $0.get() }
            var firstSentence: [Int] = []
            for document in documents {
                firstSentence.append(sentences)
                sentences += document.sentences.count
            }
            // Annotate and render each piece in parallel, then write them in order.
            let items = Array(zip(batch, zip(documents, firstSentence)))
            var rendered = try parallelMap(items, jobs: jobs) { item in
                Result {
                    let (piece, (document, sentenceOffset)) = item
                    let annotated = try memories.withResource { annotator.annotate(document, memory: $0) }
                    var writer = JSONWriter(document: annotated, reusing: try buffers.take(), tails: try tailTables.take())
                    writer.lines(name: name, scalarOffset: piece.scalarOffset, sentenceOffset: sentenceOffset)
                    tailTables.giveBack(writer.tails)
                    return (bytes: writer.json.bytes, annotations: annotated.annotations.count)
                }
            }
            for k in rendered.indices {
                let (bytes, count) = try rendered[k].get()
                rendered[k] = .success(([], 0))
                annotations += count
                write(bytes)
                // Written: its memory takes the next batch's output (memory already in use
                // is cheaper than fresh memory, which costs a page fault per 4 KiB).
                buffers.giveBack(bytes)
            }
        }
        return (sentences, annotations)
    }
}
