/// What a token is.
public enum TokenKind: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// Letters, possibly with hyphens, digits, apostrophes or an abbreviation's period:
    /// "Russland", "Castro-Diktatur", "US-", "Dr.", "G7".
    case word
    /// Digits with German separators or an ordinal period: "1.000,5", "2021/22", "21.".
    case number
    /// Punctuation: ".", ",", "„", "...", "--".
    case punct
    /// Everything else that is not white space: "€", "%", emoji, control characters.
    case symbol

    public var description: String {
        switch self {
        case .word: "word"
        case .number: "number"
        case .punct: "punct"
        case .symbol: "symbol"
        }
    }
}

/// One token: a range of the original text with its kind, matching key and stem.
///
/// Offsets are Unicode scalar offsets into the original text, end-exclusive, so
/// `Array(text.unicodeScalars)[start..<end]` is exactly the token. Strings (text, key,
/// stem) are not stored per token: ask the `Document`.
public struct Token: Sendable, Hashable {
    /// Unicode scalar offsets into the original text.
    public let start: Int32
    public let end: Int32
    /// UTF-16 offsets into the original text (what ICU works with).
    public let utf16Start: Int32
    public let utf16End: Int32
    /// The interned matching key and stem (see `Document.key(of:)`, `Document.stem(of:)`).
    public let keyID: Int32
    public let stemID: Int32
    public let kind: TokenKind
    public let flags: Flags

    // The flags are computed (and inlinable), not stored: another module's stored static is
    // reached through a lazy-initialization accessor, a call at every flag test of a hot loop.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The token contains an inner hyphen ("Castro-Diktatur"): see `Document.hyphenParts(of:)`.
        @inlinable public static var hyphenated: Flags { Flags(rawValue: 1) }
        /// The token ends in a hyphen and continues a compound with the next word,
        /// across a space ("US- Amerikaner") or a line break.
        @inlinable public static var continuesCompound: Flags { Flags(rawValue: 2) }
        /// An abbreviation with its period ("Dr.", "z.", "Lat.").
        @inlinable public static var abbreviation: Flags { Flags(rawValue: 4) }
        /// Starts with an upper-case letter.
        @inlinable public static var capitalized: Flags { Flags(rawValue: 8) }
        /// A word hyphenated across a line break ("Zusammen-\narbeit"): its key drops the hyphen and break.
        @inlinable public static var dehyphenated: Flags { Flags(rawValue: 16) }
        /// All letters are upper case and there are at least two ("NATO", "US").
        @inlinable public static var allCaps: Flags { Flags(rawValue: 32) }
    }

    public init(start: Int32, end: Int32, utf16Start: Int32, utf16End: Int32, keyID: Int32, stemID: Int32, kind: TokenKind, flags: Flags) {
        self.start = start
        self.end = end
        self.utf16Start = utf16Start
        self.utf16End = utf16End
        self.keyID = keyID
        self.stemID = stemID
        self.kind = kind
        self.flags = flags
    }

    /// The scalar range.
    public var range: Range<Int> { Int(start)..<Int(end) }
}

/// A sentence: a run of tokens.
public struct Sentence: Sendable, Hashable {
    /// Indices into `Document.tokens`.
    public let tokens: Range<Int>
    /// Unicode scalar offsets of the first token's start and the last token's end.
    public let start: Int
    public let end: Int
}

/// A paragraph: a run of sentences, separated from the next by a line break
/// (one per line) or by a blank line (when the text uses blank lines between paragraphs).
public struct Paragraph: Sendable, Hashable {
    /// Indices into `Document.sentences`.
    public let sentences: Range<Int>
    public let start: Int
    public let end: Int
}

/// Two or more tokens that German writes as one compound with a spaced or broken hyphen
/// ("US- Amerikaner", "Lat.- amerikanische"): matched as one unit, offsets stay original.
public struct SpacedCompound: Sendable, Hashable {
    /// Indices into `Document.tokens`.
    public let tokens: Range<Int>
    /// The compound's key: the parts' keys joined without the spaces ("us-amerikaner").
    public let key: String
}

/// How a text separates its paragraphs.
public enum ParagraphMode: Sendable, Hashable {
    /// Blank lines when the text has any, otherwise every line break.
    case automatic
    /// Every line break ends a paragraph (one paragraph per line).
    case lines
    /// Only blank lines end paragraphs; single line breaks are spaces.
    case blankLines
}
