/// The UAX #29 Word_Break classes of the characters that `WordBoundaries` segments without ICU.
///
/// A class is one byte. Classes that ICU's word rules treat alike for these characters share a
/// value: Extend and Format (both skipped by rule WB4), MidNumLet and Single_Quote (rules WB6,
/// WB7, WB11, WB12 take either; only Hebrew letters tell them apart), Other and Double_Quote
/// (only Hebrew letters join across a double quote). ICU's rules add "@" to ALetter
/// ("debian@lists.debian.org" is one segment) and drop the colon from MidLetter ("ab:cd" is three
/// segments), and so does this table.
struct WordBreakClass: Equatable, Sendable {
    let rawValue: UInt8

    static let other = WordBreakClass(rawValue: 0)
    static let aLetter = WordBreakClass(rawValue: 1)
    static let numeric = WordBreakClass(rawValue: 2)
    static let extendNumLet = WordBreakClass(rawValue: 3)
    /// Extend or Format.
    static let extend = WordBreakClass(rawValue: 4)
    static let midLetter = WordBreakClass(rawValue: 5)
    static let midNum = WordBreakClass(rawValue: 6)
    /// MidNumLet or Single_Quote.
    static let midNumLet = WordBreakClass(rawValue: 7)
    static let wSegSpace = WordBreakClass(rawValue: 8)
    static let cr = WordBreakClass(rawValue: 9)
    static let lf = WordBreakClass(rawValue: 10)
    static let newline = WordBreakClass(rawValue: 11)
    /// Not handled here (another script, ZERO WIDTH JOINER, surrogates of emoji and other
    /// characters outside the BMP, ...): ICU segments the stretch around it.
    static let unsupported = WordBreakClass(rawValue: 0xFF)

    /// Letters, digits and connectors: the classes that words and numbers are made of (1...3).
    var isWordPart: Bool { rawValue &- 1 < 3 }

    /// The class that ICU's word rules give characters of Word_Break property `property`
    /// (and of code point `codePoint`), or `unsupported` for classes outside this table.
    init(icuProperty property: Int32, codePoint: UInt32) {
        // ICU 72's word.txt: $ALetter = [\p{Word_Break = ALetter} @] (e-mail addresses stay one word),
        // $MidLetter = [\p{Word_Break = MidLetter} - [\: \uFE55 \uFF1A]].
        if codePoint == 0x40 { self = .aLetter; return }
        if codePoint == 0x3A { self = .other; return }
        switch property {
        case 0, 16: self = .other  // Other, Double_Quote
        case 1: self = .aLetter
        case 2, 9: self = .extend  // Format, Extend
        case 4: self = .midLetter
        case 5: self = .midNum
        case 6: self = .numeric
        case 7: self = .extendNumLet
        case 8: self = .cr
        case 10: self = .lf
        case 11, 15: self = .midNumLet  // MidNumLet, Single_Quote
        case 12: self = .newline
        case 22: self = .wSegSpace
        default: self = .unsupported
        }
    }

    init(rawValue: UInt8) { self.rawValue = rawValue }
}

/// The Word_Break classes of the BMP characters that the fast path handles: Latin (with Latin-1,
/// Extended-A, -B, -C and Additional), IPA, combining diacritics, Greek, Cyrillic, general
/// punctuation (quotes, dashes, ellipsis, spaces, soft hyphen, directional and zero-width
/// formatting), and the symbol blocks U+2070...U+2BFF. Everything else is `unsupported`.
///
/// The ranges are ICU 72's Word_Break property data (Unicode 15.0) with the tailoring of ICU's
/// `word.txt` ("@", colon); `WordBoundaries` compares them with ICU's property once per process and
/// the tests compare every entry with ICU's segmentation in context.
enum WordBreakTable {
    /// (first, last, class), ascending and disjoint; gaps are `unsupported`.
    static let ranges: [(UInt16, UInt16, WordBreakClass)] = [
        // Basic Latin, C1 controls
        (0x0000, 0x0009, .other), (0x000A, 0x000A, .lf), (0x000B, 0x000C, .newline), (0x000D, 0x000D, .cr),
        (0x000E, 0x001F, .other), (0x0020, 0x0020, .wSegSpace), (0x0021, 0x0026, .other), (0x0027, 0x0027, .midNumLet),
        (0x0028, 0x002B, .other), (0x002C, 0x002C, .midNum), (0x002D, 0x002D, .other), (0x002E, 0x002E, .midNumLet),
        (0x002F, 0x002F, .other), (0x0030, 0x0039, .numeric), (0x003A, 0x003A, .other), (0x003B, 0x003B, .midNum),
        (0x003C, 0x003F, .other), (0x0040, 0x0040, .aLetter), (0x0041, 0x005A, .aLetter), (0x005B, 0x005E, .other), (0x005F, 0x005F, .extendNumLet),
        (0x0060, 0x0060, .other), (0x0061, 0x007A, .aLetter), (0x007B, 0x0084, .other),
        // Latin-1 Supplement, Latin Extended-A and -B, IPA, spacing modifier letters
        (0x0085, 0x0085, .newline), (0x0086, 0x00A9, .other), (0x00AA, 0x00AA, .aLetter), (0x00AB, 0x00AC, .other),
        (0x00AD, 0x00AD, .extend), (0x00AE, 0x00B4, .other), (0x00B5, 0x00B5, .aLetter), (0x00B6, 0x00B6, .other),
        (0x00B7, 0x00B7, .midLetter), (0x00B8, 0x00B9, .other), (0x00BA, 0x00BA, .aLetter), (0x00BB, 0x00BF, .other),
        (0x00C0, 0x00D6, .aLetter), (0x00D7, 0x00D7, .other), (0x00D8, 0x00F6, .aLetter), (0x00F7, 0x00F7, .other),
        (0x00F8, 0x02D7, .aLetter),
        (0x02D8, 0x02DD, .other), (0x02DE, 0x02FF, .aLetter),
        // Combining diacritical marks
        (0x0300, 0x036F, .extend),
        // Greek
        (0x0370, 0x0374, .aLetter), (0x0375, 0x0375, .other), (0x0376, 0x0377, .aLetter), (0x0378, 0x0379, .other),
        (0x037A, 0x037D, .aLetter), (0x037E, 0x037E, .midNum), (0x037F, 0x037F, .aLetter), (0x0380, 0x0385, .other),
        (0x0386, 0x0386, .aLetter), (0x0387, 0x0387, .midLetter), (0x0388, 0x038A, .aLetter), (0x038B, 0x038B, .other),
        (0x038C, 0x038C, .aLetter), (0x038D, 0x038D, .other), (0x038E, 0x03A1, .aLetter), (0x03A2, 0x03A2, .other),
        (0x03A3, 0x03F5, .aLetter), (0x03F6, 0x03F6, .other), (0x03F7, 0x0481, .aLetter),
        // Cyrillic
        (0x0482, 0x0482, .other), (0x0483, 0x0489, .extend), (0x048A, 0x052F, .aLetter),
        // Latin Extended Additional
        (0x1E00, 0x1EFF, .aLetter),
        // General Punctuation (U+200D ZERO WIDTH JOINER is left out: WB3c)
        (0x2000, 0x2006, .wSegSpace), (0x2007, 0x2007, .other), (0x2008, 0x200A, .wSegSpace), (0x200B, 0x200B, .other),
        (0x200C, 0x200C, .extend), (0x200E, 0x200F, .extend), (0x2010, 0x2017, .other), (0x2018, 0x2019, .midNumLet),
        (0x201A, 0x2023, .other), (0x2024, 0x2024, .midNumLet), (0x2025, 0x2026, .other), (0x2027, 0x2027, .midLetter),
        (0x2028, 0x2029, .newline), (0x202A, 0x202E, .extend), (0x202F, 0x202F, .extendNumLet), (0x2030, 0x203E, .other),
        (0x203F, 0x2040, .extendNumLet), (0x2041, 0x2043, .other), (0x2044, 0x2044, .midNum), (0x2045, 0x2053, .other),
        (0x2054, 0x2054, .extendNumLet), (0x2055, 0x205E, .other), (0x205F, 0x205F, .wSegSpace), (0x2060, 0x2064, .extend),
        (0x2065, 0x2065, .other), (0x2066, 0x206F, .extend),
        // Super- and subscripts, currency, letterlike symbols, number forms, arrows, mathematical and
        // technical symbols, enclosed alphanumerics, box drawing, shapes, dingbats, Braille
        (0x2070, 0x2070, .other), (0x2071, 0x2071, .aLetter), (0x2072, 0x207E, .other), (0x207F, 0x207F, .aLetter),
        (0x2080, 0x208F, .other), (0x2090, 0x209C, .aLetter), (0x209D, 0x20CF, .other), (0x20D0, 0x20F0, .extend),
        (0x20F1, 0x2101, .other), (0x2102, 0x2102, .aLetter), (0x2103, 0x2106, .other), (0x2107, 0x2107, .aLetter),
        (0x2108, 0x2109, .other), (0x210A, 0x2113, .aLetter), (0x2114, 0x2114, .other), (0x2115, 0x2115, .aLetter),
        (0x2116, 0x2118, .other), (0x2119, 0x211D, .aLetter), (0x211E, 0x2123, .other), (0x2124, 0x2124, .aLetter),
        (0x2125, 0x2125, .other), (0x2126, 0x2126, .aLetter), (0x2127, 0x2127, .other), (0x2128, 0x2128, .aLetter),
        (0x2129, 0x2129, .other), (0x212A, 0x212D, .aLetter), (0x212E, 0x212E, .other), (0x212F, 0x2139, .aLetter),
        (0x213A, 0x213B, .other), (0x213C, 0x213F, .aLetter), (0x2140, 0x2144, .other), (0x2145, 0x2149, .aLetter),
        (0x214A, 0x214D, .other), (0x214E, 0x214E, .aLetter), (0x214F, 0x215F, .other), (0x2160, 0x2188, .aLetter),
        (0x2189, 0x24B5, .other), (0x24B6, 0x24E9, .aLetter), (0x24EA, 0x2BFF, .other),
        // Latin Extended-C
        (0x2C60, 0x2C7F, .aLetter),
        // Latin ligatures, variation selectors, byte order mark (ZERO WIDTH NO-BREAK SPACE), specials
        (0xFB00, 0xFB06, .aLetter), (0xFE00, 0xFE0F, .extend), (0xFEFF, 0xFEFF, .extend), (0xFFF9, 0xFFFB, .extend),
        (0xFFFC, 0xFFFD, .other),
    ]

    /// The class of every BMP code unit (surrogates are `unsupported`), 64 KiB.
    static let classes: [WordBreakClass] = {
        var table = [WordBreakClass](repeating: .unsupported, count: 0x10000)
        for (first, last, wordBreak) in ranges {
            for u in Int(first)...Int(last) { table[u] = wordBreak }
        }
        return table
    }()
}
