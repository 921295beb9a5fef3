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

    // Raw form → (key, stem), open addressing.
    private var slots: [Int32]
    private var slotHashes: [UInt32]
    private var mask: Int
    private var pool: [UInt16] = []
    private var entryOffset: [Int32] = []
    private var entryLength: [Int32] = []
    private var entryKey: [Int32] = []
    private var entryStem: [Int32] = []

    init() {
        slots = [Int32](repeating: -1, count: 1024)
        slotHashes = [UInt32](repeating: 0, count: 1024)
        mask = 1023
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
            let entry = slots[slot]
            if entry < 0 { return nil }
            if slotHashes[slot] == hash && Int(entryLength[Int(entry)]) == length {
                let offset = Int(entryOffset[Int(entry)])
                var same = true
                var k = 0
                while k < length {
                    if pool[offset + k] != units[from + k] { same = false; break }
                    k += 1
                }
                if same { return (entryKey[Int(entry)], entryStem[Int(entry)]) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Remembers the (key, stem) of a raw form.
    mutating func remember(_ units: [UInt16], _ from: Int, _ to: Int, hash: UInt32, key: Int32, stem: Int32) {
        if entryKey.count * 2 >= slots.count { grow() }
        let entry = Int32(entryKey.count)
        entryOffset.append(Int32(pool.count))
        entryLength.append(Int32(to - from))
        pool.append(contentsOf: units[from..<to])
        entryKey.append(key)
        entryStem.append(stem)
        insert(entry: entry, hash: hash)
    }

    private mutating func insert(entry: Int32, hash: UInt32) {
        var slot = Int(hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
        slotHashes[slot] = hash
    }

    private mutating func grow() {
        let old = zip(slots, slotHashes).filter { $0.0 >= 0 }
        let capacity = slots.count * 2
        slots = [Int32](repeating: -1, count: capacity)
        slotHashes = [UInt32](repeating: 0, count: capacity)
        mask = capacity - 1
        for (entry, hash) in old { insert(entry: entry, hash: hash) }
    }

    /// Number of distinct raw forms seen.
    var rawFormCount: Int { entryKey.count }
}
