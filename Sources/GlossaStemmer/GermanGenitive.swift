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
        // Most words end in neither s nor an apostrophe: decided on the last scalar (a character
        // that is "s", "S" or an apostrophe is that one scalar) without splitting into characters.
        switch word.unicodeScalars.last {
        case "s", "S", "'", "\u{2019}", "\u{02BC}": break
        default: return []
        }
        return asciiBaseForms(of: word) ?? characterBaseForms(of: word)
    }

    /// `baseForms` on the bytes of a word of printable ASCII (where each byte is a `Character`);
    /// nil for any other word.
    static func asciiBaseForms(of word: String) -> [String]? {
        let bytes = Array(word.utf8)
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        func isLetter(_ byte: UInt8) -> Bool { lower(byte) >= 0x61 && lower(byte) <= 0x7A }
        func isSibilant(_ byte: UInt8) -> Bool { byte == 0x73 || byte == 0x78 || byte == 0x7A }
        let n = bytes.count
        guard n >= 3 else { return [] }
        var result: [String] = []
        func add(droppingLast count: Int) {
            let base = bytes[0..<(n - count)]
            guard base.count >= 2, base.lazy.filter(isLetter).count >= 2, let last = base.last, isLetter(last) else { return }
            let candidate = String(decoding: base, as: UTF8.self)
            if !result.contains(candidate) { result.append(candidate) }
        }
        let apostrophe: UInt8 = 0x27
        if bytes[n - 1] == apostrophe {
            let before = lower(bytes[n - 2])
            if isSibilant(before) || (before == 0x65 && lower(bytes[n - 3]) == 0x63) { add(droppingLast: 1) }
            return result
        }
        guard lower(bytes[n - 1]) == 0x73 else { return [] }
        if bytes[n - 2] == apostrophe {
            add(droppingLast: 2)
            return result
        }
        let before = lower(bytes[n - 2])
        if isLetter(before) && !isSibilant(before) { add(droppingLast: 1) }
        if before == 0x65 && isSibilant(lower(bytes[n - 3])) { add(droppingLast: 2) }
        return result
    }

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
