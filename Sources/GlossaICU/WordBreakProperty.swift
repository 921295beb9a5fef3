internal import CICUShim

/// The Word_Break property of a character (UAX #29, "Unicode Text Segmentation", section 4.1)
/// as ICU's Unicode data has it: the character classes that ICU's word break rules are written in.
///
/// Glossa's word-boundary fast path (`GlossaText.WordBoundaries`) keeps its own table of these
/// classes and checks it against this property once per process before trusting it.
public struct WordBreakProperty: Hashable, Sendable {
    /// ICU's `UWordBreakValues` value.
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The property of a code point (U+0000...U+10FFFF; anything else is `other`).
    public init(of codePoint: UInt32) {
        rawValue = codePoint <= 0x10FFFF ? cicu_word_break(Int32(codePoint)) : 0
    }

    /// `U_WB_OTHER` (XX).
    public static let other = WordBreakProperty(rawValue: 0)
    /// `U_WB_ALETTER` (LE).
    public static let aLetter = WordBreakProperty(rawValue: 1)
    /// `U_WB_FORMAT` (FO).
    public static let format = WordBreakProperty(rawValue: 2)
    /// `U_WB_KATAKANA` (KA).
    public static let katakana = WordBreakProperty(rawValue: 3)
    /// `U_WB_MIDLETTER` (ML).
    public static let midLetter = WordBreakProperty(rawValue: 4)
    /// `U_WB_MIDNUM` (MN).
    public static let midNum = WordBreakProperty(rawValue: 5)
    /// `U_WB_NUMERIC` (NU).
    public static let numeric = WordBreakProperty(rawValue: 6)
    /// `U_WB_EXTENDNUMLET` (EX).
    public static let extendNumLet = WordBreakProperty(rawValue: 7)
    /// `U_WB_CR`.
    public static let cr = WordBreakProperty(rawValue: 8)
    /// `U_WB_EXTEND`.
    public static let extend = WordBreakProperty(rawValue: 9)
    /// `U_WB_LF`.
    public static let lf = WordBreakProperty(rawValue: 10)
    /// `U_WB_MIDNUMLET` (MB).
    public static let midNumLet = WordBreakProperty(rawValue: 11)
    /// `U_WB_NEWLINE` (NL).
    public static let newline = WordBreakProperty(rawValue: 12)
    /// `U_WB_REGIONAL_INDICATOR` (RI).
    public static let regionalIndicator = WordBreakProperty(rawValue: 13)
    /// `U_WB_HEBREW_LETTER` (HL).
    public static let hebrewLetter = WordBreakProperty(rawValue: 14)
    /// `U_WB_SINGLE_QUOTE` (SQ).
    public static let singleQuote = WordBreakProperty(rawValue: 15)
    /// `U_WB_DOUBLE_QUOTE` (DQ).
    public static let doubleQuote = WordBreakProperty(rawValue: 16)
    /// `U_WB_ZWJ`.
    public static let zwj = WordBreakProperty(rawValue: 21)
    /// `U_WB_WSEGSPACE`.
    public static let wSegSpace = WordBreakProperty(rawValue: 22)
}
