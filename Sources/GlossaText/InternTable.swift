/// Strings numbered by their UTF-8 bytes, in the order they are first seen: open addressing
/// over numbers (FNV-1a hashes), for owners that keep their own array of the strings or of
/// facts about them, indexed by the number.
///
/// Compared with `Dictionary<String, Int32>` it hashes and compares bytes, without the Unicode
/// normalization that `String` hashing and equality do: use it only for strings made in one
/// normalization form (matching keys and stems are NFC by construction), for which equal bytes
/// and canonical equivalence are the same.
public struct InternTable: Sendable {
    /// number + 1 per slot (0 = empty).
    private var slots = [Int32](repeating: 0, count: 1024)
    /// The hash of each string, by number.
    private var hashes: [UInt32] = []
    /// The bytes of all strings, one after the other; string `n` ends at `ends[n]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    public init() {}

    /// Number of strings.
    public var count: Int { hashes.count }

    /// Makes room for `count` strings in all (no growing until then).
    public mutating func reserve(_ count: Int) {
        hashes.reserveCapacity(count)
        ends.reserveCapacity(count)
        while slots.count < 2 * count { grow() }
    }

    /// The number of the string with UTF-8 `utf8`, and whether it is new (then its number is
    /// the count of strings before it: the owner appends its facts).
    public mutating func intern(_ utf8: Span<UInt8>) -> (id: Int32, isNew: Bool) {
        let hash = Self.hash(utf8)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            if hashes[entry - 1] == hash && same(entry - 1, utf8) { return (Int32(entry - 1), false) }
            slot = (slot + 1) & mask
        }
        let id = hashes.count
        hashes.append(hash)
        bytes.append(addingCapacity: utf8.count) { out in
            for i in utf8.indices { out.append(utf8[i]) }
        }
        ends.append(bytes.count)
        slots[slot] = Int32(id + 1)
        if 2 * hashes.count > slots.count { grow() }
        return (Int32(id), true)
    }

    /// The number of the string with UTF-8 `utf8`, or nil when it has none.
    public func find(_ utf8: Span<UInt8>) -> Int32? {
        let hash = Self.hash(utf8)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if hashes[entry - 1] == hash && same(entry - 1, utf8) { return Int32(entry - 1) }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func hash(_ utf8: Span<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for i in utf8.indices { hash = (hash ^ UInt32(utf8[i])) &* 16_777_619 }
        return hash
    }

    private func same(_ id: Int, _ utf8: Span<UInt8>) -> Bool {
        let start = id == 0 ? 0 : ends[id - 1]
        guard ends[id] - start == utf8.count else { return false }
        for k in utf8.indices where bytes[start + k] != utf8[k] { return false }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id + 1)
        }
    }
}
