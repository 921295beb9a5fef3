import GlossaPipeline

/// An output format: one writer per format, picked by a static member (`.json`, `.xliff`, ...).
///
/// A writer only reads the annotated document; it appends its rendering to a string.
public struct OutputFormat: Sendable {
    public let name: String
    /// The file name extension of this format's output.
    public let fileExtension: String
    private let body: @Sendable (AnnotatedDocument, WriterContext, inout String) -> Void

    public init(name: String, fileExtension: String, body: @escaping @Sendable (AnnotatedDocument, WriterContext, inout String) -> Void) {
        self.name = name
        self.fileExtension = fileExtension
        self.body = body
    }

    /// Appends the rendering of `document` to `out`.
    public func write(_ document: AnnotatedDocument, context: WriterContext = WriterContext(), into out: inout String) {
        body(document, context, &out)
    }

    /// The rendering of `document`.
    public func render(_ document: AnnotatedDocument, context: WriterContext = WriterContext()) -> String {
        var out = ""
        write(document, context: context, into: &out)
        return out
    }
}

/// What a writer may need besides the document.
public struct WriterContext: Sendable {
    /// The document's name as shown in outputs (a path, a corpus id).
    public var name: String?
    /// Terminal colors (text format only; never when NO_COLOR is set: the CLI decides).
    public var color: Bool
    /// Terminal width for the interlinear text format.
    public var width: Int

    /// For a piece of a larger text (see `TextChunker`): the piece's scalar offset and the
    /// number of sentences before it, added to offsets and sentence numbers in streamed output.
    public var scalarOffset: Int
    public var sentenceOffset: Int

    public init(name: String? = nil, color: Bool = false, width: Int = 100, scalarOffset: Int = 0, sentenceOffset: Int = 0) {
        self.name = name
        self.color = color
        self.width = width
        self.scalarOffset = scalarOffset
        self.sentenceOffset = sentenceOffset
    }
}
