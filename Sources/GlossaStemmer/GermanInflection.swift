// Whether a stem match is an inflection: the check the glossary matcher makes before it calls a
// word an inflected form of a glossary form because the two share a Snowball stem.
//
// The Snowball stemmer conflates far more than inflection: it removes derivational suffixes
// (-ung, -isch, -lich, -heit, -keit, -end, -ig, -ik) and reduces nouns and names to stems that
// other words share ("Zerstörung" and "Zerstörer" → "zerstor", "Moral" and "Morales" → "moral",
// "Kohle" and "Kohl" → "kohl"). Those are other words, not other forms of one word. This check
// looks at what the two words have left once their common beginning is taken away (umlauts and
// ß folded as the stemmer folds them) and accepts only what German inflection adds or changes
// there.

/// Whether two words with the same Snowball stem differ by German inflection only.
extension GermanInflection {
    /// What the glossary form is, which decides the endings it may take.
    public enum Position: Sendable {
        /// A single-word name (person, place, country, organization): only its genitive ("-s",
        /// "-es") and the dative plural "-n" ("Niederlande" → "den Niederlanden"). "Kohle" is
        /// not a form of "Kohl", nor "Pole" of "Polen".
        case name
        /// A noun (a capitalized form): its case and plural endings added to it ("Sanktion" →
        /// "Sanktionen", "Russe" → "Russen"), the plural "-er" only with an umlaut ("Land" →
        /// "Länder"; "Krieger" is no form of "Krieg", "Politiker" none of "Politik"). Not a
        /// derivation ("Zerstörer" ≠ "Zerstörung"), not a changed ending ("Inder" ≠ "Indes",
        /// "Botschafter" ≠ "Botschaften"), and not a shorter word ("Devise" is no form of
        /// "Devisen", "Bombe" none of "Bomber": a nominalized adjective's other forms are its
        /// entry's variants, "Abgeordneter" with "Abgeordnete").
        case noun
        /// An adjective or a verb (a lower-case form, or a word before the last of a form of
        /// several words, such as "Vereinigte" in "Vereinigte Staaten"): endings may replace
        /// each other ("russisch" → "russischen", "Europäischer" → "Europäischen",
        /// "beschlossen" → "beschlossenen").
        case modifier
    }

    /// Whether `word` (a token's key: case-folded, NFC) may be an inflected form of `form`
    /// (a glossary form token's key) in `position`. Meant for two words that already share a
    /// Snowball stem; it says nothing about words that do not.
    public static func agrees(_ word: String, with form: String, as position: Position) -> Bool {
        agrees(word, with: form, as: position, umlautAdded: umlautAdded(word, to: form))
    }

    static func agrees(_ word: String, with form: String, as position: Position, umlautAdded: Bool) -> Bool {
        let a = word.utf8.span, b = form.utf8.span
        var x = FoldedCursor(), y = FoldedCursor()
        // The common beginning (folded), then what is left of each, packed.
        while let p = x.peek(a), let q = y.peek(b), p == q {
            x.advance(a)
            y.advance(b)
        }
        guard let rest = x.packedRest(a), let formRest = y.packedRest(b) else { return false }
        return agrees(rest: rest, formRest: formRest, as: position, umlautAdded: umlautAdded)
    }

    /// What `tail(of:stem:)` gives when it cannot tell: the stem is not where the word
    /// begins (folded), or more than eight bytes follow it. (No UTF-8 has a byte 0xFF.)
    public static let unknownTail = UInt64.max

    /// The folded bytes of `word` after its Snowball stem `stem`, packed as `agrees(tail:formTail:as:)`
    /// takes them (first highest; 0 when the word is its stem), or `unknownTail`. Worked out
    /// once per word, it makes the check of a stem match a few integer operations.
    public static func tail(of word: String, stem: String) -> UInt64 {
        let a = word.utf8.span, s = stem.utf8.span
        var x = FoldedCursor()
        for i in 0..<s.count {
            guard let byte = x.peek(a), byte == s[i] else { return unknownTail }
            x.advance(a)
        }
        return x.packedRest(a) ?? unknownTail
    }

    /// `agrees(_:with:as:)` on two words with the same stem, from their tails (`tail(of:stem:)`);
    /// nil when either tail is `unknownTail` (then ask with the words). `umlautAdded`: whether
    /// the word has more ä, ö, ü than the form (`umlautAdded(_:to:)`; asked only for "-er").
    public static func agrees(tail: UInt64, formTail: UInt64, as position: Position, umlautAdded: @autoclosure () -> Bool) -> Bool? {
        guard tail != unknownTail && formTail != unknownTail else { return nil }
        // (The same ending: the same word, up to case and diacritics.)
        if tail == formTail { return true }
        // Take away the tails' common beginning (the top bytes of each, as long as they agree).
        var a = tail, b = formTail
        var m = byteCount(a), n = byteCount(b)
        while m > 0 && n > 0 && a >> (8 * (m - 1)) == b >> (8 * (n - 1)) {
            m -= 1
            n -= 1
            a &= (1 << (8 * UInt64(m))) &- 1
            b &= (1 << (8 * UInt64(n))) &- 1
        }
        return agrees(rest: a, formRest: b, as: position, umlautAdded: umlautAdded())
    }

    /// Whether `word` has more ä, ö, ü than `form` (the plural "Länder" of "Land").
    public static func umlautAdded(_ word: String, to form: String) -> Bool {
        func umlauts(_ bytes: Span<UInt8>) -> Int {
            var count = 0
            for i in 0..<max(0, bytes.count - 1) where bytes[i] == 0xC3 {
                switch bytes[i + 1] {
                case 0xA4, 0xB6, 0xBC, 0x84, 0x96, 0x9C: count += 1
                default: break
                }
            }
            return count
        }
        return umlauts(word.utf8.span) > umlauts(form.utf8.span)
    }

    /// The number of bytes packed in `value` (none of them 0).
    @inline(__always)
    static func byteCount(_ value: UInt64) -> Int {
        (64 - value.leadingZeroBitCount + 7) / 8
    }

    /// The rule on the two rests (packed, first letter highest, 0 for none).
    static func agrees(rest: UInt64, formRest: UInt64, as position: Position, umlautAdded: @autoclosure () -> Bool) -> Bool {
        switch position {
        case .name:
            return formRest == 0 && (rest == 0 || nameEndings.contains(rest))
        case .noun:
            guard formRest == 0 else { return false }
            return rest == 0 || nounEndings.contains(rest) || (umlautPluralEndings.contains(rest) && umlautAdded())
        case .modifier:
            return (rest == 0 || modifierEndings.contains(rest)) && (formRest == 0 || modifierEndings.contains(formRest))
        }
    }

    /// What a name may add: its genitive and the dative plural "-n".
    static let nameEndings: [UInt64] = ["n", "s", "es"].map(Packed.make)
    /// What a noun may add: case and plural endings ("-e" of the plural and the old dative,
    /// "-en", "-se", "-nen" of "-in" nouns, ...).
    static let nounEndings: [UInt64] = ["e", "n", "en", "s", "es", "ns", "ens", "se", "sen", "ses", "nen", "em"].map(Packed.make)
    /// The plural "-er" (and its dative "-ern"), which a noun takes with an umlaut where it can
    /// ("Länder", "Völker", "Ämter"); without one, "-er" is far more often an agent noun.
    static let umlautPluralEndings: [UInt64] = ["er", "ern"].map(Packed.make)
    /// Adjective endings, with the comparative and superlative, and verb endings.
    static let modifierEndings: [UInt64] = [
        "e", "n", "m", "r", "s", "en", "em", "er", "es",
        "ere", "eren", "erem", "erer", "eres", "re", "ren", "rem", "rer", "res",
        "st", "ste", "sten", "stem", "ster", "stes", "est", "este", "esten", "estem", "ester", "estes",
        "t", "et", "te", "ten", "tet", "test", "tem", "ter", "tes", "ete", "eten", "etem", "eter", "etes",
        "nd", "nde", "nden", "ndem", "nder", "ndes", "end", "ende", "enden", "endem", "ender", "endes",
    ].map(Packed.make)

    enum Packed {

        /// Up to eight ASCII letters in one number, the first highest.
        static func make(_ letters: String) -> UInt64 {
            letters.utf8.reduce(0) { $0 << 8 | UInt64($1) }
        }
    }
}

/// Reads the UTF-8 bytes of a key with "ä", "ö", "ü" (and "ae", "oe", "ue", but not the "ue"
/// of "qu") as "a", "o", "u" and "ß" as "ss", as the stemmer reads them, one at a time: a
/// position in the bytes, which each call is given.
struct FoldedCursor {
    var position = 0
    /// The second "s" of a "ß" being read.
    var pendingS = false

    /// The next folded byte, or nil at the end.
    func peek(_ bytes: Span<UInt8>) -> UInt8? {
        if pendingS { return 0x73 }
        guard position < bytes.count else { return nil }
        let byte = bytes[position]
        guard byte == 0xC3, position + 1 < bytes.count else { return byte }
        switch bytes[position + 1] {
        case 0xA4, 0x84: return 0x61  // ä Ä
        case 0xB6, 0x96: return 0x6F  // ö Ö
        case 0xBC, 0x9C: return 0x75  // ü Ü
        case 0x9F: return 0x73  // ß
        default: return byte
        }
    }

    mutating func advance(_ bytes: Span<UInt8>) {
        if pendingS {
            pendingS = false
            return
        }
        let byte = bytes[position]
        if byte == 0xC3, position + 1 < bytes.count {
            switch bytes[position + 1] {
            case 0xA4, 0x84, 0xB6, 0x96, 0xBC, 0x9C:
                position += 2
                return
            case 0x9F:
                position += 2
                pendingS = true
                return
            default: break
            }
        }
        // (An "e" after "a", "o" or "u" is read with it: "Schroeder" is "Schröder".)
        if position + 1 < bytes.count && bytes[position + 1] == 0x65
            && (byte == 0x61 || byte == 0x6F || (byte == 0x75 && (position == 0 || bytes[position - 1] != 0x71))) {
            position += 2
            return
        }
        position += 1
    }

    /// The rest of the folded bytes packed into one number (first highest; 0 when nothing is
    /// left), or nil when more than eight bytes are left: no ending is that long.
    mutating func packedRest(_ bytes: Span<UInt8>) -> UInt64? {
        var packed: UInt64 = 0, count = 0
        while let byte = peek(bytes) {
            count += 1
            if count > 8 { return nil }
            packed = packed << 8 | UInt64(byte)
            advance(bytes)
        }
        return packed
    }
}
