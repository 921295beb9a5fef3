import Foundation
@testable import GlossaRender
import GlossaText
import GlossaTestSupport
import Testing

@Suite struct JSONBytesTests {
    static let samples = [
        "", "Borissow", "Díaz-Canel", "„Zitat“ – Ende…", "a\"b\\c", "tab\there", "line\nbreak\r\n", "\u{0}\u{1}\u{1F}\u{7F}",
        "Кремль", "😀 emoji 🇨🇺", "e\u{301}", "\u{2028}\u{2029}", "soft\u{00AD}hyphen",
    ]

    /// Strings written from a String and from UTF-16 code units are the JSONString rendering,
    /// and parse back to the original.
    @Test(arguments: samples)
    func stringsMatchJSONStringAndRoundTrip(_ text: String) throws {
        var fromString = JSONBytes()
        fromString.string(text)
        var fromUnits = JSONBytes()
        let units = Array(text.utf16)
        fromUnits.string(units, 0, units.count)
        #expect(fromString.string == JSONString.quoted(text))
        #expect(fromUnits.string == JSONString.quoted(text))
        let parsed = try JSONSerialization.jsonObject(with: Data(("[" + fromUnits.string + "]").utf8)) as? [String]
        #expect(parsed == [text])
    }

    @Test func numbers() {
        var out = JSONBytes()
        for value in [0, 7, 10, 99, 1234567890, -1, -205, Int.max, Int.min] {
            out.number(value)
            out.raw(",")
        }
        #expect(out.string == "0,7,10,99,1234567890,-1,-205,\(Int.max),\(Int.min),")
    }

    /// Every digit count and every digit in every place, against the standard library.
    @Test func numbersOfEveryLength() {
        var random = SplitMix(seed: 7)
        var values = [0, 1, 9, 10, 100, 99_999_999, 100_000_000, 100_000_001, 10_000_000_000_000_000]
        for digits in 1...18 {
            var power = 1
            for _ in 1..<digits { power *= 10 }
            for _ in 0..<500 { values.append(power + Int(random.next() % UInt64(9 * power))) }
        }
        for value in values {
            var out = JSONBytes()
            out.number(value)
            #expect(out.string == String(value))
        }
    }

    @Test func anUnpairedSurrogateBecomesTheReplacementCharacter() {
        var out = JSONBytes()
        out.string([0x41, 0xD800, 0x42, 0xDC00], 0, 4)
        #expect(out.string == "\"A\u{FFFD}B\u{FFFD}\"")
    }
}
