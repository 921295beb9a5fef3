/// Interned keys and stems of one document, with a cache from a token's raw form to
/// them, so that each distinct word form is folded, normalized and stemmed once.
///
/// The raw-form table is open addressing over a pool of code units: looking a token
/// up hashes its code units in place, without creating a `String`.
struct Lexicon: Sendable {
    private(set) var keys: [String] = []
    private(set) var stems: [String] = []
    private var keyIndex: [String: Int32] = [:]
    private var stemIndex: [String: Int32] = [:]

    // Raw form → (key, stem), open addressing. A slot packs the form's hash (high 32 bits) and
    // its entry number + 1 (low 32 bits; 0 = empty), so a probe touches one cache line; an
    // entry packs the form's place in the pool with its key and stem ids.
    private var slots: [UInt64]
    private var mask: Int
    private var pool: [UInt16] = []
    private var entries: [Entry] = []

    private struct Entry {
        var offset: Int32
        var length: Int32
        var key: Int32
        var stem: Int32
    }

    /// - Parameter expectedForms: how many distinct forms to make room for (the tables grow beyond it).
    init(expectedForms: Int = 0) {
        var capacity = 1024
        while capacity < 2 * expectedForms { capacity *= 2 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        if expectedForms > 0 {
            keys.reserveCapacity(expectedForms)
            stems.reserveCapacity(expectedForms)
            keyIndex.reserveCapacity(expectedForms)
            stemIndex.reserveCapacity(expectedForms)
            entries.reserveCapacity(expectedForms)
        }
    }

    /// Interns a key; returns its id.
    mutating func internKey(_ key: String) -> Int32 {
        if let id = keyIndex[key] { return id }
        let id = Int32(keys.count)
        keys.append(key)
        keyIndex[key] = id
        return id
    }

    /// Interns a stem; returns its id.
    mutating func internStem(_ stem: String) -> Int32 {
        if let id = stemIndex[stem] { return id }
        let id = Int32(stems.count)
        stems.append(stem)
        stemIndex[stem] = id
        return id
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
    func lookup(_ units: [UInt16], _ from: Int, _ to: Int, hash: UInt32) -> (key: Int32, stem: Int32)? {
        var slot = Int(hash) & mask
        let length = to - from
        while true {
            let packed = slots[slot]
            if packed == 0 { return nil }
            if UInt32(truncatingIfNeeded: packed >> 32) == hash {
                let entry = entries[Int(UInt32(truncatingIfNeeded: packed)) - 1]
                if Int(entry.length) == length {
                    let offset = Int(entry.offset)
                    var same = true
                    var k = 0
                    while k < length {
                        if pool[offset + k] != units[from + k] { same = false; break }
                        k += 1
                    }
                    if same { return (entry.key, entry.stem) }
                }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Remembers the (key, stem) of a raw form.
    mutating func remember(_ units: [UInt16], _ from: Int, _ to: Int, hash: UInt32, key: Int32, stem: Int32) {
        if entries.count * 2 >= slots.count { grow() }
        entries.append(Entry(offset: Int32(pool.count), length: Int32(to - from), key: key, stem: stem))
        pool.append(contentsOf: units[from..<to])
        insert(UInt64(hash) << 32 | UInt64(entries.count))
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
    var rawFormCount: Int { entries.count }
}
