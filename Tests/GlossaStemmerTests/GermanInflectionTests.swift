import Testing

@testable import GlossaStemmer

@Suite("Stem matches that are inflections")
struct InflectionAgreementTests {
    let stemmer = GermanStemmer()

    /// (word, glossary form, position): each pair shares its Snowball stem (checked, so that
    /// the cases are the ones the matcher meets) and is an inflection.
    static let inflections: [(String, String, GermanInflection.Position)] = [
        ("niederlanden", "niederlande", .name),
        ("russlands", "russland", .name),
        ("sanktionen", "sanktion", .noun),
        ("russen", "russe", .noun),
        ("länder", "land", .noun),
        ("staatsoberhäupter", "staatsoberhaupt", .noun),
        ("verzeichnisses", "verzeichnis", .noun),
        ("lehrerinnen", "lehrerin", .noun),
        ("indern", "inder", .noun),
        ("russischen", "russisch", .modifier),
        ("russischer", "russischen", .modifier),
        ("europäischen", "europäischer", .modifier),
        ("vereinigten", "vereinigte", .modifier),
        ("stellvertretenden", "stellvertretend", .modifier),
        ("humanitäre", "humanitär", .modifier),
        ("größeren", "groß", .modifier),
        ("beschlossenen", "beschlossen", .modifier),
    ]

    /// Pairs that share a stem but are other words (derivations, or names met by a common word).
    static let otherWords: [(String, String, GermanInflection.Position)] = [
        ("moral", "morales", .name),
        ("kohle", "kohl", .name),
        ("katze", "katz", .name),
        ("äther", "athen", .name),
        ("pole", "polen", .name),
        ("bernerin", "bern", .name),
        ("zerstörung", "zerstörer", .noun),
        ("ausweis", "ausweisung", .noun),
        ("verfasser", "verfassung", .noun),
        ("indes", "inder", .noun),
        ("französische", "franzose", .noun),
        ("ruß", "russe", .noun),
        ("finn", "finne", .noun),
        ("unabhängig", "unabhängigkeit", .noun),
        ("verwendende", "verwenden", .modifier),
        ("entsprechen", "entsprechend", .modifier),
        ("botschaften", "botschafter", .noun),
        ("bomben", "bomber", .noun),
        ("bombe", "bomber", .noun),
        ("devise", "devisen", .noun),
        ("weste", "westen", .noun),
        ("krieger", "krieg", .noun),
        ("politiker", "politik", .noun),
    ]

    @Test("inflected forms agree with their glossary form", arguments: inflections)
    func inflectionsAgree(_ word: String, _ form: String, _ position: GermanInflection.Position) {
        #expect(stemmer.stem(word) == stemmer.stem(form))
        #expect(GermanInflection.agrees(word, with: form, as: position))
    }

    @Test("other words with the same stem do not", arguments: otherWords)
    func otherWordsDoNot(_ word: String, _ form: String, _ position: GermanInflection.Position) {
        #expect(stemmer.stem(word) == stemmer.stem(form))
        #expect(!GermanInflection.agrees(word, with: form, as: position))
    }

    @Test("the plural -er of a noun needs an umlaut; an agent noun in -er has none")
    func pluralErNeedsAnUmlaut() {
        #expect(GermanInflection.agrees("länder", with: "land", as: .noun))
        #expect(GermanInflection.agrees("ämtern", with: "amt", as: .noun))
        #expect(!GermanInflection.agrees("krieger", with: "krieg", as: .noun))
        #expect(GermanInflection.umlautAdded("völker", to: "volk") && !GermanInflection.umlautAdded("wähler", to: "wähl") && !GermanInflection.umlautAdded("krieger", to: "krieg"))
    }

    @Test("a name takes fewer endings than a noun, a noun fewer than an adjective")
    func positionsAreOrderedByLeniency() {
        // "Kohle" after "Kohl": a noun's plural "-e", not a name's.
        #expect(!GermanInflection.agrees("kohle", with: "kohl", as: .name))
        #expect(GermanInflection.agrees("kohle", with: "kohl", as: .noun))
        // "-es" for "-er": an adjective's ending changes, a noun's does not.
        #expect(!GermanInflection.agrees("indes", with: "inder", as: .noun))
        #expect(GermanInflection.agrees("anderes", with: "anderer", as: .modifier))
    }

    @Test("umlauts, ae/oe/ue and ß are read as the stemmer reads them")
    func foldingFollowsTheStemmer() {
        #expect(GermanInflection.agrees("schroeders", with: "schröder", as: .name))
        #expect(GermanInflection.agrees("strasse", with: "straße", as: .noun))
        // The "ue" of "qu" is two letters: "quelle" is not read as "qulle".
        #expect(Self.folded("quelle") == "quelle")
        #expect(Self.folded("grüße") == "grusse")
        #expect(Self.folded("Schroeder") == "Schroder")
    }

    static func folded(_ word: String) -> String {
        let bytes = word.utf8.span
        var cursor = FoldedCursor(), letters: [UInt8] = []
        while let byte = cursor.peek(bytes) {
            letters.append(byte)
            cursor.advance(bytes)
        }
        return String(decoding: letters, as: UTF8.self)
    }

    @Test("the check from tails gives the check from words", arguments: inflections + otherWords)
    func tailsGiveTheSameAnswer(_ word: String, _ form: String, _ position: GermanInflection.Position) {
        let tail = GermanInflection.tail(of: word, stem: stemmer.stem(word))
        let formTail = GermanInflection.tail(of: form, stem: stemmer.stem(form))
        #expect(tail != GermanInflection.unknownTail && formTail != GermanInflection.unknownTail)
        #expect(GermanInflection.agrees(tail: tail, formTail: formTail, as: position, umlautAdded: GermanInflection.umlautAdded(word, to: form))
            == GermanInflection.agrees(word, with: form, as: position))
    }

    @Test("a tail is unknown when the stem does not begin the word or more than eight bytes follow it")
    func unknownTails() {
        #expect(GermanInflection.tail(of: "russischen", stem: "russ") == GermanInflection.Packed.make("ischen"))
        #expect(GermanInflection.tail(of: "russ", stem: "russ") == 0)
        #expect(GermanInflection.tail(of: "russischen", stem: "kuba") == GermanInflection.unknownTail)
        #expect(GermanInflection.tail(of: "staatsbürgerschaftlich", stem: "staat") == GermanInflection.unknownTail)
        #expect(GermanInflection.agrees(tail: GermanInflection.unknownTail, formTail: 0, as: .noun, umlautAdded: false) == nil)
    }

    @Test("a rest longer than any ending is no inflection")
    func longRestsAreNoInflection() {
        #expect(!GermanInflection.agrees("staatsbürgerschaftlich", with: "staat", as: .modifier))
    }
}
