import GlossaStemmer

/// Interned keys and stems of one document, with a cache from a token's raw form to
/// them, so that each distinct word form is folded, normalized and stemmed once, and each
/// distinct key stemmed once.
///
/// The raw-form table is open addressing over records of code units: looking a token
/// up hashes its code units in place, without creating a `String`. Keys and stems are interned
/// by their UTF-8 bytes (FNV-1a, open addressing), not through `Dictionary<String, _>`, whose
/// hashing normalizes every string first: keys are NFC by construction (`MatchKey`), and so are
/// their stems, so equal bytes and canonical equivalence are the same thing for them.
struct Lexicon: Sendable {
    private(set) var keys: [String] = []
    private(set) var stems: [String] = []
    private var keyTable = InternTable()
    private var stemTable = InternTable()
    /// Per key id: the id of the key's stem as a word (the Snowball stem), and as anything else
    /// (the key itself); -1 until asked for.
    private var wordStemOfKey: [Int32] = []
    private var otherStemOfKey: [Int32] = []

    // Raw form → (key, stem), open addressing. A slot packs the form's hash (high 32 bits) and
    // the offset + 1 of its record (low 32 bits; 0 = empty). A record keeps everything a lookup
    // compares and returns together, [length (2 units), key (2), stem (2), the form's code units],
    // so that a rare word costs two cache misses (slot, record), not three.
    private var slots: [UInt64]
    private var mask: Int
    private var records: [UInt16] = []
    private var count = 0
    private static let header = 6

    /// - Parameter expectedForms: how many distinct forms to make room for (the tables grow beyond it).
    init(expectedForms: Int = 0) {
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

    /// Interns a key given as UTF-8 (`MatchKey.utf8`); returns its id.
    mutating func internKey(utf8 key: [UInt8]) -> Int32 {
        let (id, isNew) = keyTable.intern(key.span)
        if isNew {
            keys.append(String(decoding: key, as: UTF8.self))
            wordStemOfKey.append(-1)
            otherStemOfKey.append(-1)
        }
        return id
    }

    /// Interns a stem; returns its id.
    mutating func internStem(_ stem: String) -> Int32 {
        let (id, isNew) = stemTable.intern(stem.utf8.span)
        if isNew { stems.append(stem) }
        return id
    }

    /// The stem id of key `keyID`: its Snowball stem for a word, the key itself for anything
    /// else; each computed once per document.
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

    /// The cached (key, stem) of the raw form `units[from..<to]`, or nil.
    @inline(__always)
    mutating func lookup(_ units: [UInt16], _ from: Int, _ to: Int, hash: UInt32) -> (key: Int32, stem: Int32)? {
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

    /// The (key, stem) of the record of `packed` when its form is `units[from..<to]`.
    @inline(__always)
    private func match(_ packed: UInt64, _ units: [UInt16], _ from: Int, _ to: Int) -> (key: Int32, stem: Int32)? {
        let r = Int(UInt32(truncatingIfNeeded: packed)) - 1
        let length = to - from
        guard r >= 0, Self.int32(records[r], records[r + 1]) == length else { return nil }
        let form = r + Self.header
        var k = 0
        while k < length {
            if records[form + k] != units[from + k] { return nil }
            k += 1
        }
        return (Self.int32(records[r + 2], records[r + 3]), Self.int32(records[r + 4], records[r + 5]))
    }

    @inline(__always)
    private static func int32(_ low: UInt16, _ high: UInt16) -> Int32 {
        Int32(bitPattern: UInt32(low) | UInt32(high) << 16)
    }

    /// Remembers the (key, stem) of a raw form.
    mutating func remember(_ units: [UInt16], _ from: Int, _ to: Int, hash: UInt32, key: Int32, stem: Int32) {
        if count * 2 >= slots.count { grow() }
        let offset = records.count
        for value in [Int32(to - from), key, stem] {
            let bits = UInt32(bitPattern: value)
            records.append(UInt16(truncatingIfNeeded: bits))
            records.append(UInt16(truncatingIfNeeded: bits >> 16))
        }
        records.append(contentsOf: units[from..<to])
        count += 1
        insert(UInt64(hash) << 32 | UInt64(offset + 1))
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
