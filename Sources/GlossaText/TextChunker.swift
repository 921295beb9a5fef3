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
        let scalars = text.unicodeScalars
        guard scalars.count > targetScalars else { return [Piece(text: text, scalarOffset: 0)] }
        var pieces: [Piece] = []
        var pieceStart = scalars.startIndex
        var pieceStartOffset = 0
        var offset = 0
        var index = scalars.startIndex
        var sinceStart = 0
        var previous: Unicode.Scalar = " "
        var beforePrevious: Unicode.Scalar = " "
        var lineIsBlank = true
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            offset += 1
            sinceStart += 1
            if scalar == "\n" {
                // The boundary is after this line break.
                let endsParagraph: Bool
                switch mode {
                case .lines: endsParagraph = true
                case .blankLines, .automatic: endsParagraph = lineIsBlank
                }
                let hyphenated = previous == "-" || (previous == "\r" && beforePrevious == "-")
                if sinceStart >= targetScalars && endsParagraph && !hyphenated {
                    pieces.append(Piece(text: String(scalars[pieceStart..<next]), scalarOffset: pieceStartOffset))
                    pieceStart = next
                    pieceStartOffset = offset
                    sinceStart = 0
                }
                lineIsBlank = true
            } else if scalar != " " && scalar != "\t" && scalar != "\r" {
                lineIsBlank = false
            }
            beforePrevious = previous
            previous = scalar
            index = next
        }
        if pieceStart != scalars.endIndex || pieces.isEmpty {
            pieces.append(Piece(text: String(scalars[pieceStart..<scalars.endIndex]), scalarOffset: pieceStartOffset))
        }
        return pieces
    }
}
