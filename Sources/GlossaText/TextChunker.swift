/// Splits a large text into pieces at paragraph boundaries, so that the pieces can be
/// tokenized and annotated independently (in parallel) with exactly the result of
/// processing the whole text, offsets shifted by each piece's start.
///
/// A piece ends after a line break that ends a paragraph under the text's paragraph mode
/// (a blank line, or any line break in line mode), never after a line that ends in a hyphen
/// (which may continue a word on the next line).
public enum TextChunker {
    public struct Piece: Sendable {
        public let text: String
        /// Offsets of the piece's start in the whole text.
        public let scalarOffset: Int
    }

    /// The pieces of `text`, each about `targetScalars` long (longer when no boundary is near).
    public static func pieces(of text: String, mode: ParagraphMode, targetScalars: Int = 1 << 20) -> [Piece] {
        // Decided on UTF-8 bytes: every byte that matters here is ASCII, and bytes of multi-byte
        // sequences are never below 0x80. A scalar starts at every byte that is not 10xxxxxx.
        let bytes = text.utf8
        guard bytes.count > targetScalars else { return [Piece(text: text, scalarOffset: 0)] }
        // First the cuts (byte offsets after a line break, with the scalar offset there), in one
        // pass of the fast UTF-8 iterator; then the pieces.
        var cuts: [(byte: Int, scalar: Int)] = []
        var byteOffset = 0
        var offset = 0
        var sinceStart = 0
        var previous: UInt8 = 0x20
        var beforePrevious: UInt8 = 0x20
        var lineIsBlank = true
        // Read through a span: several times faster than the view's iterator on large texts.
        let span = bytes.span
        for i in span.indices {
            let byte = span[i]
            byteOffset += 1
            if byte & 0xC0 != 0x80 {
                offset += 1
                sinceStart += 1
            }
            if byte == 0x0A {
                // The boundary is after this line break.
                let endsParagraph: Bool
                switch mode {
                case .lines: endsParagraph = true
                case .blankLines, .automatic: endsParagraph = lineIsBlank
                }
                let hyphenated = previous == 0x2D || (previous == 0x0D && beforePrevious == 0x2D)
                if sinceStart >= targetScalars && endsParagraph && !hyphenated {
                    cuts.append((byteOffset, offset))
                    sinceStart = 0
                }
                lineIsBlank = true
            } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                lineIsBlank = false
            }
            beforePrevious = previous
            previous = byte
        }
        var pieces: [Piece] = []
        var start = bytes.startIndex
        var startScalar = 0
        var startByte = 0
        for cut in cuts {
            let end = bytes.index(start, offsetBy: cut.byte - startByte)
            pieces.append(Piece(text: String(text[start..<end]), scalarOffset: startScalar))
            start = end
            startByte = cut.byte
            startScalar = cut.scalar
        }
        if start != bytes.endIndex || pieces.isEmpty {
            pieces.append(Piece(text: String(text[start..<bytes.endIndex]), scalarOffset: startScalar))
        }
        return pieces
    }
}
