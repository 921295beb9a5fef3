import GlossaStemmer

/// Interned keys and stems, with a cache from a token's raw form to them, kept by a tokenizer
/// from one document to the next: each distinct word form is folded and normalized, and each
/// distinct key stemmed, once while the lexicon lasts (it starts afresh past `limit` keys, stems
/// or forms, between documents), not once per document.
///
/// Keys and stems have numbers for the lexicon's life; each document numbers its own keys and
/// stems from 0 in the order it first meets them (`localKey`, `localStem`), so a document is the
/// same whatever documents came before it.
///
/// The raw-form table is open addressing over records of code units: looking a token
/// up hashes its code units in place, without creating a `String`. Keys and stems are interned
/// by their UTF-8 bytes (FNV-1a, open addressing), not through `Dictionary<String, _>`, whose
/// hashing normalizes every string first: keys are NFC by construction (`MatchKey`), and so are
/// their stems, so equal bytes and canonical equivalence are the same thing for them.
struct Lexicon: Sendable {
    /// Keys and stems by their lexicon numbers.
    private(set) var keys: [String] = []
    private(set) var stems: [String] = []
    private var keyTable = InternTable()
    private var stemTable = InternTable()
    /// Per key number: the number of the key's stem as a word (the Snowball stem), and as
    /// anything else (the key itself); -1 until asked for.
    private var wordStemOfKey: [Int32] = []
    private var otherStemOfKey: [Int32] = []

    /// The identity of this lexicon's key numbers (a new one when it starts afresh).
    let numbering = KeyNumbering()
    /// The keys and stems of the current document, by its own numbers, and the lexicon's
    /// numbers of its keys.
    private(set) var documentKeys: [String] = []
    private(set) var documentKeyNumbers: [Int32] = []
    private(set) var documentStems: [String] = []
    /// Per key (stem) number: its number in the current document (see `DocumentNumbers`).
    private var keysInDocument = DocumentNumbers()
    private var stemsInDocument = DocumentNumbers()
    /// The current document's stamp (internal for tests).
    var stamp: Int32 = 0
    /// How many times the lexicon has started afresh (for tests).
    private(set) var generation = 0

    // Raw form → (key, stem), open addressing. A slot packs the form's hash (high 32 bits) and
    // the offset + 1 of its record (low 32 bits; 0 = empty). A record keeps everything a lookup
    // compares and returns together, [length (2 units), key (2), stem (2), form number (2),
    // is-word (1), the form's code units], so that a rare word costs two cache misses (slot,
    // record), not three. Forms are numbered 0, 1, ... in the order remembered.
    private var slots: [UInt64]
    private var mask: Int
    private var records: [UInt16] = []
    private var count = 0
    private static let header = 9

    /// Keys, stems or raw forms after which the lexicon starts afresh (at the next document).
    let limit: Int
    static let defaultLimit = 1 << 20
    /// An empty lexicon to hold the place of one taken out.
    static let placeholder = Lexicon()

    /// - Parameters:
    ///   - expectedForms: how many distinct forms to make room for (the tables grow beyond it).
    ///   - limit: see `limit`.
    init(expectedForms: Int = 0, limit: Int = Lexicon.defaultLimit) {
        self.limit = limit
        var capacity = 1024
        while capacity < 2 * expectedForms { capacity *= 2 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        if expectedForms > 0 {
            keys.reserveCapacity(expectedForms)
            stems.reserveCapacity(expectedForms)
            wordStemOfKey.reserveCapacity(expectedForms)
            otherStemOfKey.reserveCapacity(expectedForms)
        }
    }

    /// Starts a document: its keys and stems are numbered afresh. The lexicon itself starts
    /// afresh first when it has grown past `limit`.
    mutating func beginDocument(expectedForms: Int) {
        if keys.count > limit || count > limit || stems.count > limit || records.count > 16 * limit || keys.isEmpty || stamp == .max {
            // (Also the first document, so that the tables are made at its size, and before the
            // document stamps run out.)
            let next = generation + 1
            self = Lexicon(expectedForms: expectedForms, limit: limit)
            generation = next
        }
        stamp += 1
        documentKeys = []
        documentStems = []
        documentKeyNumbers = []
        documentKeys.reserveCapacity(expectedForms)
        documentKeyNumbers.reserveCapacity(expectedForms)
        documentStems.reserveCapacity(expectedForms)
    }

    /// The current document's number of key number `key`, numbering it on first sight.
    @inline(__always)
    mutating func localKey(_ key: Int32) -> Int32 {
        let (local, isNew) = keysInDocument.number(key, stamp: stamp, next: documentKeys.count)
        if isNew {
            documentKeys.append(keys[Int(key)])
            documentKeyNumbers.append(key)
        }
        return local
    }

    /// The current document's number of stem number `stem`, numbering it on first sight.
    @inline(__always)
    mutating func localStem(_ stem: Int32) -> Int32 {
        let (local, isNew) = stemsInDocument.number(stem, stamp: stamp, next: documentStems.count)
        if isNew { documentStems.append(stems[Int(stem)]) }
        return local
    }

    /// Interns a key given as UTF-8 (`MatchKey.utf8`); returns its number.
    mutating func internKey(utf8 key: [UInt8]) -> Int32 {
        let (id, isNew) = keyTable.intern(key.span)
        if isNew {
            keys.append(String(decoding: key, as: UTF8.self))
            wordStemOfKey.append(-1)
            otherStemOfKey.append(-1)
            keysInDocument.add()
        }
        return id
    }

    /// Interns a stem; returns its number.
    mutating func internStem(_ stem: String) -> Int32 {
        let (id, isNew) = stemTable.intern(stem.utf8.span)
        if isNew {
            stems.append(stem)
            stemsInDocument.add()
        }
        return id
    }

    /// The stem number of key number `key`: its Snowball stem for a word, the key itself for
    /// anything else; each computed once while the lexicon lasts.
    mutating func stemID(ofKey keyID: Int32, isWord: Bool, stemmer: GermanStemmer) -> Int32 {
        let k = Int(keyID)
        if isWord {
            if wordStemOfKey[k] < 0 { wordStemOfKey[k] = internStem(stemmer.stem(keys[k])) }
            return wordStemOfKey[k]
        }
        if otherStemOfKey[k] < 0 { otherStemOfKey[k] = internStem(keys[k]) }
        return otherStemOfKey[k]
    }

    @inline(__always)
    static func hash(_ units: [UInt16], _ from: Int, _ to: Int) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        var i = from
        while i < to {
            h = (h ^ UInt32(units[i])) &* 16_777_619
            i += 1
        }
        return h
    }

    /// The cached key and stem numbers of the raw form `units[from..<to]` (the stem of the kind,
    /// word or not, it was remembered as), or nil.
    @inline(__always)
    mutating func lookup(_ units: [UInt16], _ from: Int, _ to: Int, hash: UInt32) -> (key: Int32, stem: Int32, form: Int32, isWord: Bool)? {
        var slot = Int(hash) & mask
        while true {
            let packed = slots[slot]
            if packed == 0 { return nil }
            if UInt32(truncatingIfNeeded: packed >> 32) == hash, let found = match(packed, units, from, to) {
                return found
            }
            slot = (slot + 1) & mask
        }
    }

    /// The (key, stem, form, is-word) of the record of `packed` when its form is `units[from..<to]`.
    @inline(__always)
    private func match(_ packed: UInt64, _ units: [UInt16], _ from: Int, _ to: Int) -> (key: Int32, stem: Int32, form: Int32, isWord: Bool)? {
        let r = Int(UInt32(truncatingIfNeeded: packed)) - 1
        let length = to - from
        guard r >= 0, Self.int32(records[r], records[r + 1]) == length else { return nil }
        let form = r + Self.header
        var k = 0
        while k < length {
            if records[form + k] != units[from + k] { return nil }
            k += 1
        }
        return (Self.int32(records[r + 2], records[r + 3]), Self.int32(records[r + 4], records[r + 5]), Self.int32(records[r + 6], records[r + 7]),
                records[r + 8] != 0)
    }

    @inline(__always)
    private static func int32(_ low: UInt16, _ high: UInt16) -> Int32 {
        Int32(bitPattern: UInt32(low) | UInt32(high) << 16)
    }

    /// Remembers the key and stem numbers of a raw form (and whether the stem is a word's);
    /// returns the form's number.
    @discardableResult
    mutating func remember(_ units: [UInt16], _ from: Int, _ to: Int, hash: UInt32, key: Int32, stem: Int32, isWord: Bool) -> Int32 {
        if count * 2 >= slots.count { grow() }
        let offset = records.count
        let form = Int32(count)
        for value in [Int32(to - from), key, stem, form] {
            let bits = UInt32(bitPattern: value)
            records.append(UInt16(truncatingIfNeeded: bits))
            records.append(UInt16(truncatingIfNeeded: bits >> 16))
        }
        records.append(isWord ? 1 : 0)
        records.append(contentsOf: units[from..<to])
        count += 1
        insert(UInt64(hash) << 32 | UInt64(offset + 1))
        return form
    }

    private mutating func insert(_ packed: UInt64) {
        var slot = Int(UInt32(truncatingIfNeeded: packed >> 32)) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = packed
    }

    private mutating func grow() {
        let old = slots.filter { $0 != 0 }
        let capacity = slots.count * 2
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        for packed in old { insert(packed) }
    }

    /// Number of distinct raw forms seen.
    var rawFormCount: Int { count }
}

/// A document's own numbers of a lexicon's keys (or stems), by lexicon number: valid where the
/// stamp is the current document's, so that a new document needs no clearing.
struct DocumentNumbers: Sendable {
    private var numbers: [Int32] = []
    private var stamps: [Int32] = []

    /// Makes room for the next lexicon number.
    mutating func add() {
        numbers.append(0)
        stamps.append(0)
    }

    /// The document's number of lexicon number `n`; a new one, `next`, on first sight in the
    /// document stamped `stamp`.
    @inline(__always)
    mutating func number(_ n: Int32, stamp: Int32, next: Int) -> (number: Int32, isNew: Bool) {
        let k = Int(n)
        if stamps[k] == stamp { return (numbers[k], false) }
        stamps[k] = stamp
        numbers[k] = Int32(next)
        return (numbers[k], true)
    }
}

