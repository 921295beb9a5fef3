internal import CICUShim

/// An ICU transliterator: a built-in one by ID (`Russian-Latin/BGN`, `Any-Latin`,
/// `Latin-ASCII`) or one compiled from custom rules (ICU's rule syntax, see the
/// ICU User Guide, "Transforms").
///
/// Not shareable between threads; open one per thread.
public final class Transliterator {
    public enum Direction: Int32, Sendable { case forward = 0, reverse = 1 }

    public let id: String
    private let handle: OpaquePointer

    /// Opens a built-in transliterator (or a compound ID such as `NFD; Latin-ASCII; NFC`).
    /// - Throws: `ICUError` with `U_INVALID_ID` when ICU has no such transliterator.
    public convenience init(id: String, direction: Direction = .forward) throws(ICUError) {
        try self.init(id: id, rules: nil, direction: direction)
    }

    /// Compiles custom rules under the given ID.
    /// - Throws: `ICUError` with `ruleLine`/`ruleOffset` set when the rules do not parse.
    public init(id: String, rules: String?, direction: Direction = .forward) throws(ICUError) {
        var status: Int32 = 0
        var line: Int32 = 0
        var offset: Int32 = 0
        let idUnits = Array(id.utf16)
        let raw: UnsafeMutableRawPointer? = try idUnits.withICUBuffer { idPointer, idLength throws(ICUError) in
            if let rules {
                return try Array(rules.utf16).withICUBuffer { rulesPointer, rulesLength throws(ICUError) in
                    cicu_translit_open(idPointer, idLength, rulesPointer, rulesLength, direction.rawValue, &line, &offset, &status)
                }
            }
            return cicu_translit_open(idPointer, idLength, nil, 0, direction.rawValue, &line, &offset, &status)
        }
        guard let raw, status <= 0 else {
            throw ICUError(
                code: status > 0 ? status : ICUError.illegalArgument,
                context: rules == nil ? "opening transliterator \"\(id)\"" : "compiling transliterator rules \"\(id)\"",
                ruleLine: rules == nil ? nil : Int(line), ruleOffset: rules == nil ? nil : Int(offset))
        }
        handle = OpaquePointer(raw)
        self.id = id
    }

    deinit { cicu_translit_close(UnsafeMutableRawPointer(handle)) }

    /// Transliterates `text`. Text the rules do not cover passes unchanged.
    public func transliterate(_ text: String) -> String {
        if text.isEmpty { return text }
        let units = Array(text.utf16)
        var capacity = units.count * 4 + 16
        for _ in 0..<4 {
            var length = Int32(units.count)
            var status: Int32 = 0
            var buffer = [UInt16](repeating: 0, count: capacity)
            buffer.replaceSubrange(0..<units.count, with: units)
            buffer.withUnsafeMutableBufferPointer { b in
                cicu_translit_run(UnsafeMutableRawPointer(handle), b.baseAddress!, &length, Int32(capacity), &status)
            }
            if status == ICUError.bufferOverflow {
                capacity *= 4
                continue
            }
            if status > 0 { return text }
            return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
        }
        return text
    }

    /// The IDs of every transliterator ICU has registered.
    public static var availableIDs: [String] {
        let units = (try? icuUTF16Output(capacity: 16_384, context: "listing transliterators") { dest, capacity, status in
            cicu_translit_ids(dest, capacity, status)
        }) ?? []
        return String(utf16Units: units).split(separator: "\n").map(String.init)
    }
}
