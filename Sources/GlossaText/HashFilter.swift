/// A filter of 64-bit hashes that answers "surely not inserted" for most hashes never
/// inserted, with one read: three bits of one 64-bit word per hash (a blocked Bloom filter),
/// about a byte per item. For the front of tables much larger than the cache that are asked
/// mostly for what they do not hold (`InternTable.buildFilter`, the glossary index's filter of
/// multi-word forms by their first tokens).
///
/// A hash is mixed first (a multiply between two xor-shifts), so that the word (its high bits)
/// and the three bits in it (its low bits) each depend on all of the hash's bits: hashes that
/// differ only in their high bits or only in their low bits spread alike.
public struct HashFilter: Sendable {
    @usableFromInline var words: [UInt64]
    @usableFromInline var shift: UInt64

    /// An empty filter, with no room (`isEmpty`: ask it nothing).
    public init() {
        words = []
        shift = 64
    }

    /// Whether the filter has no room (made by `init()`).
    @inlinable public var isEmpty: Bool { words.isEmpty }

    /// Room for about `count` hashes at a byte each (a power of two of words; about 2–3% of
    /// other hashes pass when full).
    public init(capacity count: Int) {
        var size = 1
        while size * 64 < 8 * max(count, 1) { size *= 2 }
        words = [UInt64](repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// The word and the three bits of a hash.
    @inlinable @inline(__always)
    func place(_ hash: UInt64) -> (word: Int, bits: UInt64) {
        var mixed = (hash ^ (hash >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        mixed ^= mixed >> 33
        let word = shift >= 64 ? 0 : Int(truncatingIfNeeded: mixed >> shift)
        let bits: UInt64 = 1 << (mixed & 63) | 1 << (mixed >> 6 & 63) | 1 << (mixed >> 12 & 63)
        return (word, bits)
    }

    public mutating func insert(_ hash: UInt64) {
        let (word, bits) = place(hash)
        words[word] |= bits
    }

    /// False when `hash` was surely never inserted.
    @inlinable @inline(__always)
    public func mayContain(_ hash: UInt64) -> Bool {
        let (word, bits) = place(hash)
        return words[word] & bits == bits
    }
}
