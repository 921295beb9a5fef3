internal import CICUShim

/// An ICU collator: locale-correct ordering of strings (UCA with CLDR tailorings).
///
/// `Collator(locale: "de")` sorts by DIN 5007-1 (ä like a); `de@collation=phonebook`
/// by DIN 5007-2 (ä like ae). Not shareable between threads.
public final class Collator {
    public enum Strength: Int32, Sendable {
        case `default` = -1, primary = 0, secondary = 1, tertiary = 2, quaternary = 3, identical = 15
    }

    public let locale: String
    private let handle: OpaquePointer

    public init(locale: String = "de", strength: Strength = .default) throws(ICUError) {
        var status: Int32 = 0
        guard let raw = cicu_collator_open(locale, strength.rawValue, &status), status <= 0 else {
            throw ICUError(code: status > 0 ? status : ICUError.illegalArgument, context: "opening collator for \(locale)")
        }
        handle = OpaquePointer(raw)
        self.locale = locale
    }

    deinit { cicu_collator_close(UnsafeMutableRawPointer(handle)) }

    /// Compares two strings by this collator.
    public func compare(_ a: String, _ b: String) -> Order {
        let x = Array(a.utf16), y = Array(b.utf16)
        let result = (try? x.withICUBuffer { ap, al throws(ICUError) in
            try y.withICUBuffer { bp, bl throws(ICUError) in
                cicu_collator_compare(UnsafeMutableRawPointer(handle), ap, al, bp, bl)
            }
        }) ?? 0
        return result < 0 ? .ascending : (result > 0 ? .descending : .same)
    }

    public enum Order: Sendable { case ascending, same, descending }

    /// `a` sorts before `b`.
    public func areInIncreasingOrder(_ a: String, _ b: String) -> Bool { compare(a, b) == .ascending }

    /// A binary sort key: comparing keys bytewise gives the collator's order.
    public func sortKey(_ text: String) -> [UInt8] {
        let units = Array(text.utf16)
        return (try? units.withICUBuffer { src, length throws(ICUError) in
            var capacity = Int(length) * 4 + 16
            while true {
                var needed: Int32 = 0
                let key = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                    needed = cicu_collator_sort_key(UnsafeMutableRawPointer(handle), src, length, buffer.baseAddress!, Int32(capacity))
                    count = Int(needed) <= capacity ? Int(needed) : 0
                }
                if Int(needed) <= capacity { return key }
                capacity = Int(needed)
            }
        }) ?? []
    }
}
