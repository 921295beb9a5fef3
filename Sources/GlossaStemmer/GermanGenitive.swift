// Name genitives and adjective endings: small, rule-based helpers for glossary matching.
//
// The Snowball stemmer deliberately leaves proper-name genitives alone ("Kubas", "Moskaus",
// "Putins" keep their s: a final s is removed only after b d f g h k l m n r t, and only in R1),
// and it reduces adjectives to stems that are not dictionary forms. The glossary matcher wants
// dictionary forms ("Kuba", "russisch"), so these helpers propose them as candidates; the caller
// keeps a candidate only if the glossary knows it.

/// Candidate base forms of a word that may be a German genitive of a name (or a noun).
///
/// German forms the genitive of most names with a bare `-s` and no apostrophe (*Kubas*, *Putins*,
/// *Russlands*); names that already end in an s sound take an apostrophe instead (*Lukas'*,
/// *Max'*, *Felix'*, *Alice'*); the English-style *Andrea's* is common in practice. Nouns (and
/// rarely names) ending in s, ß, x, z or tz take `-es` (*des Hauses*).
public enum GermanGenitive {
    /// Returns the possible nominative forms of `word` if it may be a genitive, most likely first.
    ///
    /// The rules, in order:
    /// - `'s` (or `’s`) at the end: strip it (*Andrea's* → *Andrea*);
    /// - an apostrophe at the end after s, ß, x, z or ce: strip it (*Lukas'* → *Lukas*);
    /// - `s` at the end, not after s, ß, x or z: strip it (*Russlands* → *Russland*,
    ///   *Kubas* → *Kuba*, *Moskaus* → *Moskau*, *Borissows* → *Borissow*, *Castros* → *Castro*);
    /// - `es` at the end after s, ß, x or z (so also tz): strip it (*Hauses* → *Haus*).
    ///
    /// The letters' case is kept (*Russlands* → *Russland*, *russlands* → *russland*); the suffix
    /// is recognised in either case. A candidate always has at least two letters. Words that
    /// cannot be genitives by these rules give `[]` (*Boss*, *Berlin*, *s*).
    public static func baseForms(of word: String) -> [String] {
        // Most words end in neither s nor an apostrophe: decided on the last byte (s, S, ' and
        // the last bytes of U+2019 and U+02BC) without decoding the word.
        let bytes = word.utf8.span
        guard bytes.count >= 3 else { return [] }  // Fewer than three bytes, so characters: never a genitive.
        switch bytes[bytes.count - 1] {
        case 0x73, 0x53, 0x27, 0x99, 0xBC: break
        default: return []
        }
        return latinBaseForms(of: word) ?? characterBaseForms(of: word)
    }

    /// `baseForms` on the bytes of a word whose every scalar is below U+0300 (no combining
    /// marks) and not a carriage return: there each scalar is a `Character` of its own, so the
    /// rules can read the last three scalars from the end of the UTF-8. Nil for any other word.
    static func latinBaseForms(of word: String) -> [String]? {
        let bytes = word.utf8.span
        let n = bytes.count
        // Lead bytes below 0xCC encode scalars below U+0300.
        for i in 0..<n where bytes[i] >= 0xCC || bytes[i] == 0x0D { return nil }
        // The byte offsets of the last three scalars (-1: none).
        let last = scalarStart(bytes, before: n)
        let second = scalarStart(bytes, before: last)
        guard second > 0 else { return [] }  // Fewer than three characters.
        let third = scalarStart(bytes, before: second)
        let c1 = lower(scalar(bytes, at: last)), c2 = lower(scalar(bytes, at: second)), c3 = lower(scalar(bytes, at: third))
        var result: [String] = []
        // The word up to byte `end` (without its last one or two characters), when that keeps at
        // least two characters, two of them letters, and ends in a letter (starting at `lastStart`).
        func add(upTo end: Int, lastStart: Int) {
            guard lastStart > 0, isLetter(lower(scalar(word.utf8.span, at: lastStart))),
                  letterCount(word.utf8.span, upTo: end, atLeast: 2) else { return }
            // (`end` is a scalar boundary: the substring up to it is one copy of its bytes.)
            let candidate = String(word[..<word.utf8.index(word.utf8.startIndex, offsetBy: end)])
            if !result.contains(candidate) { result.append(candidate) }
        }
        if isApostrophe(c1) {
            if isSibilant(c2) || (c2 == 0x65 && c3 == 0x63) { add(upTo: last, lastStart: second) }
            return result
        }
        guard c1 == 0x73 else { return [] }
        if isApostrophe(c2) {
            add(upTo: second, lastStart: third)
            return result
        }
        if isLetter(c2) && !isSibilant(c2) { add(upTo: last, lastStart: second) }
        if c2 == 0x65 && isSibilant(c3) { add(upTo: second, lastStart: third) }
        return result
    }

    /// The byte offset of the scalar that ends at byte `end` (-1 when `end` is 0).
    private static func scalarStart(_ bytes: Span<UInt8>, before end: Int) -> Int {
        guard end > 0 else { return -1 }
        var start = end - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// The scalar (below U+0800) starting at byte `start`.
    private static func scalar(_ bytes: Span<UInt8>, at start: Int) -> UInt32 {
        let lead = UInt32(bytes[start])
        return lead < 0x80 ? lead : (lead & 0x1F) << 6 | UInt32(bytes[start + 1] & 0x3F)
    }

    /// Whether the scalars in `bytes[0..<end]` include at least `count` letters.
    private static func letterCount(_ bytes: Span<UInt8>, upTo end: Int, atLeast count: Int) -> Bool {
        var found = 0
        for i in 0..<end where bytes[i] & 0xC0 != 0x80 && isLetter(scalar(bytes, at: i)) {
            found += 1
            if found >= count { return true }
        }
        return false
    }

    /// A scalar's lower case as `lower(_: Character)` gives it, for the scalars that the rules
    /// compare (below U+0300 only ASCII capitals lower to one of s, e, c, x, z).
    private static func lower(_ value: UInt32) -> UInt32 {
        value >= 0x41 && value <= 0x5A ? value | 0x20 : value
    }

    /// `Character.isLetter` for a scalar below U+0300.
    private static func isLetter(_ value: UInt32) -> Bool {
        if value < 0x80 { return value | 0x20 >= 0x61 && value | 0x20 <= 0x7A }
        switch Unicode.Scalar(value)?.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    private static func isApostrophe(_ value: UInt32) -> Bool { value == 0x27 || value == 0x02BC }
    private static func isSibilant(_ value: UInt32) -> Bool { value == 0x73 || value == 0xDF || value == 0x78 || value == 0x7A }

    /// `baseForms` on Characters, for any word.
    static func characterBaseForms(of word: String) -> [String] {
        let chars = Array(word)
        let n = chars.count
        guard n >= 3 else { return [] }
        var result: [String] = []
        func add(droppingLast count: Int) {
            let base = chars[0..<(n - count)]
            guard base.count >= 2, base.lazy.filter(\.isLetter).count >= 2 else { return }
            guard let last = base.last, last.isLetter else { return }
            let candidate = String(base)
            if !result.contains(candidate) { result.append(candidate) }
        }

        let last = lower(chars[n - 1])
        if isApostrophe(chars[n - 1]) {
            let before = lower(chars[n - 2])
            if isSibilant(before) || (before == "e" && lower(chars[n - 3]) == "c") {
                add(droppingLast: 1)
            }
            return result
        }
        guard last == "s" else { return [] }
        if isApostrophe(chars[n - 2]) {
            add(droppingLast: 2)
            return result
        }
        let before = lower(chars[n - 2])
        if before.isLetter && !isSibilant(before) {
            add(droppingLast: 1)
        }
        if before == "e" && isSibilant(lower(chars[n - 3])) {
            add(droppingLast: 2)
        }
        return result
    }

    static func isApostrophe(_ c: Character) -> Bool {
        c == "'" || c == "\u{2019}" || c == "\u{02BC}"
    }

    /// s, ß, x, z: the endings after which a genitive takes an apostrophe or -es instead of -s.
    static func isSibilant(_ c: Character) -> Bool {
        c == "s" || c == "ß" || c == "x" || c == "z"
    }

    static func lower(_ c: Character) -> Character {
        c.isUppercase ? Character(c.lowercased()) : c
    }
}

/// Candidate base forms of inflected German adjectives, for matching multi-word glossary terms
/// ("die Vereinigten Staaten", "des russischen Außenministeriums").
public enum GermanInflection {
    /// Returns the base forms that `word` may be an inflected form of, most likely first.
    ///
    /// German adjectives inflect with `-e`, `-en`, `-em`, `-er`, `-es`. For a word ending in
    /// `-en`, `-em`, `-er` or `-es` the result is the word without the ending and the word with
    /// just `-e` (for terms whose dictionary form is itself inflected, such as
    /// *Vereinigte Staaten*): *russischen* → [*russisch*, *russische*],
    /// *Vereinigten* → [*Vereinigt*, *Vereinigte*]. A word ending in `-e` gives the word without
    /// it (*kubanische* → [*kubanisch*]). The letters' case is kept; a base must keep at least
    /// three letters, so short words such as *der* or *den* give `[]`, as do words without one
    /// of these endings.
    public static func adjectiveBaseCandidates(of word: String) -> [String] {
        let chars = Array(word)
        let n = chars.count
        guard n >= 4 else { return [] }
        let last = GermanGenitive.lower(chars[n - 1])
        let before = GermanGenitive.lower(chars[n - 2])

        func base(droppingLast count: Int) -> String? {
            let stem = chars[0..<(n - count)]
            guard stem.count >= 3, stem.lazy.filter(\.isLetter).count >= 3,
                  let end = stem.last, end.isLetter else { return nil }
            return String(stem)
        }

        if before == "e" && (last == "n" || last == "m" || last == "r" || last == "s") {
            guard let bare = base(droppingLast: 2) else { return [] }
            return [bare, String(chars[0..<(n - 1)])]
        }
        if last == "e" {
            return base(droppingLast: 1).map { [$0] } ?? []
        }
        return []
    }
}
