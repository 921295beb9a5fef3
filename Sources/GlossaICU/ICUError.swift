internal import CICUShim

/// An error reported by ICU: its `UErrorCode` value and ICU's own name for it.
///
/// Warnings (negative codes) are not errors; only failures (positive codes) are thrown.
public struct ICUError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The raw `UErrorCode` value.
    public let code: Int32
    /// What was being done, for example `opening transliterator "Russian-Latin/BGN"`.
    public let context: String
    /// For rule syntax errors: the line and offset in the rule text where ICU stopped (`UParseError`).
    public let ruleLine: Int?
    public let ruleOffset: Int?

    public init(code: Int32, context: String, ruleLine: Int? = nil, ruleOffset: Int? = nil) {
        self.code = code
        self.context = context
        self.ruleLine = ruleLine
        self.ruleOffset = ruleOffset
    }

    /// ICU's name of the code, such as `U_ILLEGAL_ARGUMENT_ERROR`.
    public var name: String { String(cString: cicu_error_name(code)) }

    public var description: String {
        var text = "ICU error \(name) while \(context)"
        if let ruleLine, let ruleOffset { text += " (rules line \(ruleLine), offset \(ruleOffset))" }
        return text
    }

    /// `U_ILLEGAL_ARGUMENT_ERROR`.
    public static let illegalArgument: Int32 = 1
    /// `U_BUFFER_OVERFLOW_ERROR`: the output needed more room (handled inside this module).
    public static let bufferOverflow: Int32 = 15
    /// `U_INVALID_ID`: no transliterator with that ID.
    public static let invalidID: Int32 = 65569
}

extension ICUError {
    /// Throws when `status` is an ICU failure; warnings pass.
    static func check(_ status: Int32, _ context: @autoclosure () -> String) throws(ICUError) {
        if status > 0 { throw ICUError(code: status, context: context()) }
    }
}
