import Foundation
import GlossaGlossary
import GlossaPipeline
import GlossaRender
import GlossaTestSupport
import GlossaText
import Testing

@Suite struct StreamingTests {
    /// Pieces cut at paragraph boundaries, annotated on several threads, give exactly the JSON
    /// Lines of the whole text annotated at once.
    @Test(arguments: [1, 2, 4])
    func piecesInParallelEqualTheWhole(jobs: Int) throws {
        let article = try TestSupport.text("Fixtures/de/kuba-russland.txt")
        let text = Array(repeating: article, count: 6).joined()
        let index = try GlossaryIndex(Glossary.load(paths: [TestSupport.file("Glossaries/de-en").path]))
        let annotator = Annotator(index: index)
        let whole = OutputFormat.jsonl.render(annotator.annotate(try GermanTokenizer().document(text, name: "x", paragraphs: .lines)),
                                              context: WriterContext(name: "x"))
        var streamed = ""
        let counts = try StreamingAnnotation.jsonl(text: text, name: "x", annotator: annotator, tokenizers: ResourcePool { try GermanTokenizer() },
                                                   jobs: jobs, pieceSize: 700) { streamed += $0 }
        #expect(streamed == whole)
        #expect(counts.sentences == whole.split(separator: "\n").count)
    }

    /// A piece that starts with U+FEFF (a paragraph that begins with one) keeps it: the pieces'
    /// offsets are those of the whole text (the tokenizer once dropped it there, one off).
    @Test func aPieceStartingWithU_FEFFKeepsItsOffsets() throws {
        let text = (0..<40).map { "\u{FEFF}Kuba und Moskau, Absatz \($0).\n\n" }.joined()
        let index = try GlossaryIndex(Glossary.load(paths: [TestSupport.file("Glossaries/de-en").path]))
        let annotator = Annotator(index: index)
        let whole = OutputFormat.jsonl.render(annotator.annotate(try GermanTokenizer().document(text, name: "x")), context: WriterContext(name: "x"))
        var streamed = ""
        try StreamingAnnotation.jsonl(text: text, name: "x", annotator: annotator, tokenizers: ResourcePool { try GermanTokenizer() },
                                      jobs: 2, pieceSize: 100) { streamed += $0 }
        #expect(streamed == whole)
        #expect(whole.contains("{\"start\":1,\"end\":5,\"text\":\"Kuba\""))
    }

    /// A stage that fails stops the threads and its error reaches the caller (no hang, nothing
    /// written): here no matcher memory can be made.
    @Test(arguments: [1, 2, 4])
    func aFailingStageThrows(jobs: Int) throws {
        struct Failure: Error {}
        let article = try TestSupport.text("Fixtures/de/kuba-russland.txt")
        let text = Array(repeating: article, count: 6).joined()
        let index = try GlossaryIndex(Glossary.load(paths: [TestSupport.file("Glossaries/de-en").path]))
        let memories = ResourcePool<MatchMemory> { throw Failure() }
        var written = 0
        #expect(throws: Failure.self) {
            try StreamingAnnotation.jsonl(text: text, name: "x", annotator: Annotator(index: index), tokenizers: ResourcePool { try GermanTokenizer() },
                                          memories: memories, jobs: jobs, pieceSize: 700) { _ in written += 1 }
        }
        #expect(written == 0)
    }

    /// At most half the threads (at least one) match at once, and as many tokenize at once, so
    /// no more matcher memories and tokenizers than that are ever made.
    @Test(arguments: [(2, 1), (4, 2)])
    func matchingAndTokenizingUseHalfTheThreads(jobs: Int, most: Int) throws {
        let article = try TestSupport.text("Fixtures/de/kuba-russland.txt")
        let text = Array(repeating: article, count: 6).joined()
        let index = try GlossaryIndex(Glossary.load(paths: [TestSupport.file("Glossaries/de-en").path]))
        let made = Counter()
        let memories = ResourcePool<MatchMemory> {
            made.increment()
            return MatchMemory()
        }
        let tokenizersMade = Counter()
        let tokenizers = ResourcePool<GermanTokenizer> {
            tokenizersMade.increment()
            return try GermanTokenizer()
        }
        var output = ""
        try StreamingAnnotation.jsonl(text: text, name: "x", annotator: Annotator(index: index), tokenizers: tokenizers,
                                      memories: memories, jobs: jobs, pieceSize: 700) { output += $0 }
        #expect(made.value >= 1 && made.value <= most)
        // Tokenizing too: at most half the threads at once, each piece with a pooled tokenizer.
        #expect(tokenizersMade.value >= 1 && tokenizersMade.value <= most)
        // And the output is that of one thread.
        var single = ""
        try StreamingAnnotation.jsonl(text: text, name: "x", annotator: Annotator(index: index), tokenizers: ResourcePool { try GermanTokenizer() },
                                      jobs: 1, pieceSize: 700) { single += $0 }
        #expect(output == single)
    }

    /// Offsets count Unicode scalars, whatever the UTF-8 length of the characters before.
    @Test(arguments: [ParagraphMode.lines, .blankLines])
    func chunkerOffsetsCountScalars(mode: ParagraphMode) {
        let text = "Größe 😀 Ärger.\r\nZeile zwei –\n\nΔρόμος drei.\n\nМосква vier-\nfünf.\n\nEnde 🇨🇺.\n"
        let pieces = TextChunker.pieces(of: text, mode: mode, targetScalars: 8)
        #expect(pieces.count > 2)
        #expect(pieces.map(\.text).joined() == text)
        var offset = 0
        for piece in pieces {
            #expect(piece.scalarOffset == offset)
            #expect(piece.text.unicodeScalars.last == "\n")
            #expect(!piece.text.hasSuffix("-\n"))
            offset += piece.text.unicodeScalars.count
        }
    }

    @Test func chunkerCutsOnlyAtParagraphBoundaries() {
        let text = "Eins zwei.\nDrei vier Zusammen-\narbeit.\n\nFünf.\nSechs."
        let pieces = TextChunker.pieces(of: text, mode: .lines, targetScalars: 5)
        #expect(pieces.map(\.text).joined() == text)
        #expect(!pieces.contains { $0.text.hasSuffix("Zusammen-\n") })
        for piece in pieces {
            #expect(Array(text.unicodeScalars)[piece.scalarOffset...].starts(with: piece.text.unicodeScalars))
        }
    }

    /// The chunker counts scalars a block at a time far from a cut: its pieces are those of the
    /// plain rule applied byte by byte (below), on random texts longer than many blocks whose
    /// lines are blank, hyphenated, CR-LF or multi-byte at random, for short and long targets.
    @Test(arguments: [ParagraphMode.lines, .blankLines])
    func chunkerEqualsTheByteByByteRule(mode: ParagraphMode) {
        let alphabet = ["a", "b", "ä", "😀", "Ж", " ", "\t", "\r", "\n", "\n", "-", "-\n", "-\r\n", "\n\n", " \n \r\n"]
        var random = SplitMix(seed: 42)
        for round in 0..<40 {
            let length = 2_000 + Int(random.next() % 40_000)
            var text = ""
            for _ in 0..<length { text += alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let target = [1, 7, 100, 1_000, 4_095, 4_096, 5_000, 20_000][round % 8]
            let pieces = TextChunker.pieces(of: text, mode: mode, targetScalars: target)
            let expected = Self.referenceCuts(Array(text.utf8), mode: mode, targetScalars: target)
            let bytes = Array(text.utf8)
            guard bytes.count > target else { continue }
            #expect(pieces.count == expected.count + (expected.last?.byte == bytes.count ? 0 : 1), "round \(round)")
            var byte = 0
            for (k, piece) in pieces.enumerated() {
                byte += piece.text.utf8.count
                if k < expected.count {
                    #expect(byte == expected[k].byte, "round \(round), piece \(k)")
                    #expect(k + 1 == pieces.count || pieces[k + 1].scalarOffset == expected[k].scalar, "round \(round), piece \(k)")
                }
            }
            #expect(pieces.map(\.text).joined() == text)
        }
    }

    /// A line break that is a block's last byte and reaches the target there ends a piece.
    @Test func chunkerCutsAtTheLastByteOfABlock() {
        let text = String(repeating: "a", count: TextChunker.blockSize - 1) + "\n" + String(repeating: "b", count: 100) + "\n"
        let pieces = TextChunker.pieces(of: text, mode: .lines, targetScalars: TextChunker.blockSize)
        #expect(pieces.map(\.text.utf8.count) == [TextChunker.blockSize, 101])
        #expect(pieces.last?.scalarOffset == TextChunker.blockSize)
    }

    /// The chunking rule as stated, one byte at a time.
    static func referenceCuts(_ bytes: [UInt8], mode: ParagraphMode, targetScalars: Int) -> [(byte: Int, scalar: Int)] {
        var cuts: [(byte: Int, scalar: Int)] = []
        var offset = 0, sinceStart = 0
        var previous: UInt8 = 0x20, beforePrevious: UInt8 = 0x20
        var lineIsBlank = true
        for (i, byte) in bytes.enumerated() {
            if byte & 0xC0 != 0x80 { offset += 1; sinceStart += 1 }
            if byte == 0x0A {
                let endsParagraph = mode == .lines || lineIsBlank
                let hyphenated = previous == 0x2D || (previous == 0x0D && beforePrevious == 0x2D)
                if sinceStart >= targetScalars && endsParagraph && !hyphenated {
                    cuts.append((i + 1, offset))
                    sinceStart = 0
                }
                lineIsBlank = true
            } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                lineIsBlank = false
            }
            beforePrevious = previous
            previous = byte
        }
        return cuts
    }
}

/// A count that threads may share.
final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()
    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }
    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
