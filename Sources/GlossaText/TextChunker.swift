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
        let cuts = cutPoints(bytes.span, mode: mode, targetScalars: targetScalars)
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

    /// Bytes counted at a time while a piece is still far from its target length.
    public static let blockSize = 4096

    /// The cuts (byte offset after the line break that ends a piece, and the scalar offset
    /// there). A piece ends at the first line break that ends a paragraph, follows no hyphen and
    /// makes the piece at least `targetScalars` long. Far from that length only scalars are
    /// counted, a block of bytes at a time (a scalar starts at every byte that is not
    /// 10xxxxxx); within the block where the length is reached, and after it, bytes are read
    /// one by one, with the state of the line around them worked out from the bytes before.
    static func cutPoints(_ span: Span<UInt8>, mode: ParagraphMode, targetScalars: Int) -> [(byte: Int, scalar: Int)] {
        var cuts: [(byte: Int, scalar: Int)] = []
        var i = 0
        var offset = 0       // scalars before byte i
        var sinceStart = 0   // scalars of the current piece before byte i
        while i < span.count {
            // Whole blocks that cannot reach the target, by their scalar counts alone.
            let blockEnd = min(i + blockSize, span.count)
            var scalars = 0
            for j in i..<blockEnd where span[j] & 0xC0 != 0x80 { scalars &+= 1 }
            if sinceStart + scalars < targetScalars {
                sinceStart += scalars
                offset += scalars
                i = blockEnd
                continue
            }
            // Byte by byte from here to the next cut (or the end).
            var previous: UInt8 = i > 0 ? span[i - 1] : 0x20
            var beforePrevious: UInt8 = i > 1 ? span[i - 2] : 0x20
            var lineIsBlank = true
            var back = i - 1
            while back >= 0 && span[back] != 0x0A {
                let byte = span[back]
                if byte != 0x20 && byte != 0x09 && byte != 0x0D { lineIsBlank = false; break }
                back -= 1
            }
            var cut = false
            while i < span.count && !cut {
                let byte = span[i]
                i += 1
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
                        cuts.append((i, offset))
                        sinceStart = 0
                        cut = true
                    }
                    lineIsBlank = true
                } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                    lineIsBlank = false
                }
                beforePrevious = previous
                previous = byte
            }
        }
        return cuts
    }
}
