internal import CICUShim

/// A Unicode script (UAX #24) as ICU reports it.
public struct Script: Hashable, Sendable, CustomStringConvertible {
    /// ICU's `UScriptCode`.
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let common = Script(rawValue: 0)
    public static let inherited = Script(rawValue: 1)
    public static let cyrillic = Script(rawValue: 8)
    public static let greek = Script(rawValue: 14)
    public static let latin = Script(rawValue: 25)
    public static let han = Script(rawValue: 17)
    public static let hangul = Script(rawValue: 18)
    public static let hiragana = Script(rawValue: 20)
    public static let katakana = Script(rawValue: 22)

    /// The script of a code point.
    public init(of scalar: Unicode.Scalar) {
        rawValue = cicu_script(Int32(bitPattern: scalar.value))
    }

    /// The ISO 15924 code, such as "Latn" or "Cyrl".
    public var code: String {
        guard let name = cicu_script_code(rawValue) else { return "Zzzz" }
        return String(cString: name)
    }

    public var description: String { code }

    /// The scripts of the letters of `text`, ignoring Common and Inherited (spaces, digits, marks).
    public static func scripts(of text: String) -> Set<Script> {
        var result = Set<Script>()
        for scalar in text.unicodeScalars {
            let script = Script(of: scalar)
            if script != .common && script != .inherited { result.insert(script) }
        }
        return result
    }
}
