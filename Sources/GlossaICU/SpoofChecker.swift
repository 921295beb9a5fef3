internal import CICUShim

/// ICU's spoof checker (UTS #39): mixed-script words and confusable look-alikes
/// ("Bоrissow" with a Cyrillic о). Not shareable between threads.
public final class SpoofChecker {
    /// The checks a string failed (`USpoofChecks`).
    public struct Checks: OptionSet, Sendable, Hashable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        public static let singleScriptConfusable = Checks(rawValue: 1)
        public static let mixedScriptConfusable = Checks(rawValue: 2)
        public static let wholeScriptConfusable = Checks(rawValue: 4)
        public static let restrictionLevel = Checks(rawValue: 16)
        public static let invisible = Checks(rawValue: 32)
        public static let mixedNumbers = Checks(rawValue: 128)
    }

    private let handle: OpaquePointer

    public init() throws(ICUError) {
        var status: Int32 = 0
        guard let raw = cicu_spoof_open(&status), status <= 0 else {
            throw ICUError(code: status > 0 ? status : ICUError.illegalArgument, context: "opening spoof checker")
        }
        handle = OpaquePointer(raw)
    }

    deinit { cicu_spoof_close(UnsafeMutableRawPointer(handle)) }

    /// The checks `text` fails; empty when it is clean. A word mixing Latin and
    /// Cyrillic letters fails `restrictionLevel`.
    public func check(_ text: String) throws(ICUError) -> Checks {
        try text.withUTF16Units { src, length throws(ICUError) in
            var status: Int32 = 0
            let result = cicu_spoof_check(UnsafeMutableRawPointer(handle), src, length, &status)
            try ICUError.check(status, "spoof-checking")
            return Checks(rawValue: result)
        }
    }

    /// The confusable skeleton: two strings that look alike have the same skeleton.
    public func skeleton(_ text: String) throws(ICUError) -> String {
        try text.withUTF16Units { src, length throws(ICUError) in
            String(utf16Units: try icuUTF16Output(capacity: Int(length) * 2 + 8, context: "computing a skeleton") { dest, capacity, status in
                cicu_spoof_skeleton(UnsafeMutableRawPointer(handle), src, length, dest, capacity, status)
            })
        }
    }

    /// Whether two different strings can be confused for each other.
    public func areConfusable(_ a: String, _ b: String) throws(ICUError) -> Bool {
        try a.withUTF16Units { ap, al throws(ICUError) in
            try b.withUTF16Units { bp, bl throws(ICUError) in
                var status: Int32 = 0
                let result = cicu_spoof_are_confusable(UnsafeMutableRawPointer(handle), ap, al, bp, bl, &status)
                try ICUError.check(status, "comparing for confusability")
                return result != 0
            }
        }
    }
}
