/// Strings numbered by their UTF-8 bytes, in the order they are first seen: open addressing
/// over numbers (FNV-1a hashes), for owners that keep their own array of the strings or of
/// facts about them, indexed by the number.
///
/// Compared with `Dictionary<String, Int32>` it hashes and compares bytes, without the Unicode
/// normalization that `String` hashing and equality do: use it only for strings made in one
/// normalization form (matching keys and stems are NFC by construction), for which equal bytes
/// and canonical equivalence are the same.
public struct InternTable: Sendable {
    /// Per slot the string's hash (high 32 bits) and its number + 1 (low 32 bits; 0 = empty):
    /// a probe that meets another string's slot reads nothing else.
    private var slots = [UInt64](repeating: 0, count: 1024)
    /// The bytes of all strings, one after the other; string `n` ends at `ends[n]`.
    private var bytes: [UInt8] = []
    private var ends: [Int32] = []
    /// An optional filter of the strings' hashes (see `buildFilter`), empty when not built.
    private var filter = HashFilter()

    public init() {}

    /// Number of strings.
    public var count: Int { ends.count }

    /// Makes room for `count` strings in all (no growing until then).
    public mutating func reserve(_ count: Int) {
        ends.reserveCapacity(count)
        while slots.count < 2 * count { grow() }
    }

    /// The number of the string with UTF-8 `utf8`, and whether it is new (then its number is
    /// the count of strings before it: the owner appends its facts).
    public mutating func intern(_ utf8: Span<UInt8>) -> (id: Int32, isNew: Bool) {
        let hash = Self.hash(utf8)
        let (slot, found) = probe(utf8, hash)
        if let found { return (found, false) }
        let id = Int32(ends.count)
        bytes.append(addingCapacity: utf8.count) { out in
            for i in utf8.indices { out.append(utf8[i]) }
        }
        ends.append(Int32(bytes.count))
        slots[slot] = UInt64(hash) << 32 | UInt64(id + 1)
        if !filter.isEmpty { filter.insert(UInt64(hash)) }
        if 2 * ends.count > slots.count { grow() }
        return (id, true)
    }

    /// The number of the string with UTF-8 `utf8`, or nil when it has none.
    public func find(_ utf8: Span<UInt8>) -> Int32? {
        let hash = Self.hash(utf8)
        if !filter.isEmpty && !filter.mayContain(UInt64(hash)) { return nil }
        return probe(utf8, hash).found
    }

    /// Builds a filter (`HashFilter`) that answers most lookups of absent strings from one word
    /// of a small array (about a byte per string), instead of the slots: for a large table that
    /// is looked up mostly for strings it does not have (a glossary's vocabulary, asked for every
    /// new word of a text), where the slots are far larger than the cache. Build it once the
    /// table is complete: `intern` keeps it up to date, but it is sized for the strings it was
    /// built with, and lets more absent strings through as more are added.
    public mutating func buildFilter() {
        var built = HashFilter(capacity: count)
        for packed in slots where packed != 0 { built.insert(packed >> 32) }
        filter = built
    }

    /// Whether the filter lets `utf8` through to the slots (true without a filter; for tests).
    func filterAdmits(_ utf8: Span<UInt8>) -> Bool {
        filter.isEmpty || filter.mayContain(UInt64(Self.hash(utf8)))
    }

    /// The number of `string`, or nil when it has none.
    public func find(_ string: String) -> Int32? {
        find(string.utf8.span)
    }

    /// String number `id`.
    public func string(_ id: Int32) -> String {
        let start = id == 0 ? 0 : Int(ends[Int(id) - 1])
        return String(decoding: bytes[start..<Int(ends[Int(id)])], as: UTF8.self)
    }

    /// The string's number when it is in the table; else the empty slot where it goes.
    @inline(__always)
    private func probe(_ utf8: Span<UInt8>, _ hash: UInt32) -> (slot: Int, found: Int32?) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let packed = slots[slot]
            if packed == 0 { return (slot, nil) }
            if UInt32(truncatingIfNeeded: packed >> 32) == hash {
                let id = Int(UInt32(truncatingIfNeeded: packed)) - 1
                if same(id, utf8) { return (slot, Int32(id)) }
            }
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
        let start = id == 0 ? 0 : Int(ends[id - 1])
        guard Int(ends[id]) - start == utf8.count else { return false }
        for k in utf8.indices where bytes[start + k] != utf8[k] { return false }
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for packed in old where packed != 0 {
            var slot = Int(UInt32(truncatingIfNeeded: packed >> 32)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = packed
        }
    }
}
