/// A German text split into paragraphs, sentences and tokens, with every offset exact.
///
/// The document keeps the original text untouched. Tokens carry Unicode scalar offsets
/// into it (end-exclusive) and interned keys and stems; strings are made only when asked
/// for. A document is an immutable value: later stages (matching, annotation) add their
/// own layers beside it and never change it.
public struct Document: Sendable {
    /// A name for messages and outputs (a path, a corpus record id, or "-").
    public let name: String
    /// The original text (a leading byte order mark removed).
    public let text: String
    /// The text's UTF-16 code units (what ICU works with).
    public let utf16: [UInt16]
    public let tokens: [Token]
    public let sentences: [Sentence]
    public let paragraphs: [Paragraph]
    /// Compounds written with a spaced or line-broken hyphen ("US- Amerikaner").
    public let spacedCompounds: [SpacedCompound]
    /// Interned keys and stems, indexed by `Token.keyID` / `Token.stemID`.
    public let keys: [String]
    public let stems: [String]
    /// The numbers of `keys` in the lexicon of the tokenizer that made the document, which are
    /// the same in all documents it makes while that lexicon lasts (see `KeyNumbers`).
    public let keyNumbers: KeyNumbers
    /// UTF-16 offsets of the scalars outside the BMP (each takes two code units), sorted;
    /// empty for most texts, where UTF-16 and scalar offsets coincide.
    let astralOffsets: [Int32]
    /// Number of Unicode scalars in the text.
    public let scalarCount: Int

    init(name: String, text: String, utf16: [UInt16], tokens: [Token], sentences: [Sentence], paragraphs: [Paragraph],
         spacedCompounds: [SpacedCompound], keys: [String], stems: [String], keyNumbers: KeyNumbers, astralOffsets: [Int32]) {
        self.name = name
        self.text = text
        self.utf16 = utf16
        self.tokens = tokens
        self.sentences = sentences
        self.paragraphs = paragraphs
        self.spacedCompounds = spacedCompounds
        self.keys = keys
        self.stems = stems
        self.keyNumbers = keyNumbers
        self.astralOffsets = astralOffsets
        scalarCount = utf16.count - astralOffsets.count
    }

    /// The token's original text.
    public func text(of token: Token) -> String {
        UTF16Text.string(utf16, Int(token.utf16Start), Int(token.utf16End))
    }

    /// The token's matching key (see `MatchKey`).
    public func key(of token: Token) -> String { keys[Int(token.keyID)] }

    /// The token's stem (Snowball German of its key; the key itself for non-words).
    public func stem(of token: Token) -> String { stems[Int(token.stemID)] }

    /// The original text between two scalar offsets (end-exclusive).
    public func text(scalarRange range: Range<Int>) -> String {
        let from = utf16Offset(ofScalar: range.lowerBound)
        let to = utf16Offset(ofScalar: range.upperBound)
        return UTF16Text.string(utf16, from, to)
    }

    /// The tokens of a sentence.
    public func tokens(of sentence: Sentence) -> ArraySlice<Token> { tokens[sentence.tokens] }

    /// The scalar offset of a UTF-16 offset (which must be on a scalar boundary).
    public func scalarOffset(ofUTF16 offset: Int) -> Int {
        if astralOffsets.isEmpty { return offset }
        return offset - countAstral(before: offset)
    }

    /// The UTF-16 offset of a scalar offset.
    public func utf16Offset(ofScalar offset: Int) -> Int {
        if astralOffsets.isEmpty { return offset }
        // Each astral scalar before the target adds one code unit.
        var low = 0, high = astralOffsets.count
        while low < high {
            let mid = (low + high) / 2
            // scalar index of the astral scalar at astralOffsets[mid] is astralOffsets[mid] - mid
            if Int(astralOffsets[mid]) - mid < offset { low = mid + 1 } else { high = mid }
        }
        return offset + low
    }

    private func countAstral(before offset: Int) -> Int {
        var low = 0, high = astralOffsets.count
        while low < high {
            let mid = (low + high) / 2
            if Int(astralOffsets[mid]) < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The parts of a hyphenated token ("Castro-Diktatur" → "Castro", "Diktatur"), each with
    /// its scalar range in the original text and its key. A token without inner hyphens
    /// has one part, itself. Empty parts (a trailing hyphen) are left out.
    public func hyphenParts(of token: Token) -> [(range: Range<Int>, key: String)] {
        simpleHyphenParts(of: token) ?? hyphenPartsByUnits(of: token)
    }

    /// `hyphenParts` cut from the token's key, for a token whose key maps it code unit by code
    /// unit (see `simpleHyphenPartBytes`). Nil for any other token.
    func simpleHyphenParts(of token: Token) -> [(range: Range<Int>, key: String)]? {
        var parts: [HyphenPartBytes] = []
        guard simpleHyphenPartBytes(of: token, into: &parts) else { return nil }
        let key = keys[Int(token.keyID)].utf8.span
        return parts.map { ($0.range, String(scalarAlignedUTF8: key.extracting($0.keyBytes))) }
    }

    /// A hyphen part of a token as `simpleHyphenPartBytes` gives it.
    public struct HyphenPartBytes: Sendable {
        /// The part's scalar range in the text.
        public let range: Range<Int>
        /// The range of the part's key in the bytes of the token's key.
        public let keyBytes: Range<Int>
    }

    /// The hyphen parts of a token whose key maps it code unit by code unit, each as its scalar
    /// range in the text and the range of its key in the bytes of the token's key (no string
    /// made: most parts are met before). Such a token has every unit below U+0100 (one scalar
    /// each, folded on its own: `MatchKey.fastKey`), its only hyphen U+002D (the only unit whose
    /// key is "-"), no unit that a part trims (slash, space, line break), and none of the few
    /// that the key drops or folds otherwise (soft hyphen, no-break space, micro sign: left to
    /// the general path, `hyphenPartsByUnits`). The parts replace the contents of `parts` (a
    /// buffer the caller may reuse); false, with `parts` untouched, for any other token.
    public func simpleHyphenPartBytes(of token: Token, into parts: inout [HyphenPartBytes]) -> Bool {
        let start = Int(token.utf16Start), end = Int(token.utf16End)
        for i in start..<end {
            switch utf16[i] {
            case 0x0A, 0x0D, 0x20, 0x2F, 0xA0, 0xAD, 0xB5: return false
            case 0x100...: return false
            default: continue
            }
        }
        let bytes = keys[Int(token.keyID)].utf8.span
        parts.removeAll(keepingCapacity: true)
        // The hyphens of the key are the units' U+002D, in the same order: each part runs from
        // after one to the next, in the key's bytes (`partByte`) and in the units (`partUnit`).
        var partByte = 0, partUnit = start, unit = start
        for b in 0...bytes.count where b == bytes.count || bytes[b] == 0x2D {
            if b < bytes.count {
                while utf16[unit] != 0x2D { unit += 1 }
            } else {
                unit = end
            }
            if unit > partUnit {  // (Empty parts are left out.)
                let scalarStart = Int(token.start) + partUnit - start
                parts.append(HyphenPartBytes(range: scalarStart..<(scalarStart + unit - partUnit), keyBytes: partByte..<b))
            }
            unit += 1
            partUnit = unit
            partByte = b + 1
        }
        return true
    }

    /// `hyphenParts` from the code units: each part's key made on its own.
    public func hyphenPartsByUnits(of token: Token) -> [(range: Range<Int>, key: String)] {
        var parts: [(range: Range<Int>, key: String)] = []
        var partStart = Int(token.utf16Start)
        let end = Int(token.utf16End)
        var i = partStart
        func close(_ stop: Int) {
            var trimmedStop = stop
            // A part that ends with a slash ("Spa-/Wellness") or an abbreviation period keeps only its letters.
            while trimmedStop > partStart, utf16[trimmedStop - 1] == 0x2F { trimmedStop -= 1 }
            var trimmedStart = partStart
            while trimmedStart < trimmedStop, utf16[trimmedStart] == 0x2F || utf16[trimmedStart] == 0x0A || utf16[trimmedStart] == 0x0D || utf16[trimmedStart] == 0x20 { trimmedStart += 1 }
            if trimmedStop > trimmedStart {
                let range = scalarOffset(ofUTF16: trimmedStart)..<scalarOffset(ofUTF16: trimmedStop)
                parts.append((range, MatchKey.make(units: utf16, trimmedStart, trimmedStop)))
            }
        }
        while i < end {
            if MatchKey.isHyphen(utf16[i]) {
                close(i)
                partStart = i + 1
            }
            i += 1
        }
        close(end)
        return parts
    }

    /// The paragraph index of each sentence.
    public func paragraphIndex(ofSentence index: Int) -> Int {
        var low = 0, high = paragraphs.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if paragraphs[mid].sentences.lowerBound <= index { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

/// Numbers that a tokenizer gives keys and raw forms across the documents it makes: within one
/// `numbering`, equal numbers are equal keys (or forms), in whichever document. A later stage
/// that works something out per key or form may keep it by these numbers and find it again
/// without hashing a string.
public struct KeyNumbers: Sendable {
    /// The numbering (one per tokenizer lexicon; compare by identity, `===`).
    public let numbering: KeyNumbering
    /// Per key of the document (indexed like `Document.keys`), its number.
    public let numbers: [Int32]
    /// Per token, the number of its raw form (its exact code units) in the same numbering, or
    /// -1 for a token whose key is not made from its code units as they are (a word hyphenated
    /// across a line break). Tokens with equal numbers have equal code units and keys.
    public let tokenForms: [Int32]
}

/// The identity of one numbering of keys (see `KeyNumbers`).
public final class KeyNumbering: Sendable {
    init() {}
}

