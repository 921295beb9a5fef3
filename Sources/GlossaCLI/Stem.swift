import ArgumentParser
import Foundation
import GlossaStemmer
import GlossaText

struct Stem: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the Snowball German stem of each word.",
        discussion: """
            Words are case-folded first (as token keys are). With no WORD arguments, reads one word per line from standard input and prints one stem per line.
            Example: glossa stem Beziehungen russischen   →  bezieh, russisch
            """
    )

    @Argument(help: "Words to stem; none reads words from standard input, one per line.")
    var words: [String] = []

    func run() throws {
        let stemmer = GermanStemmer()
        let sink = try OutputSink(path: nil)
        func emit(_ word: String) {
            sink.write(stemmer.stem(MatchKey.make(word)) + "\n")
        }
        if words.isEmpty {
            while let line = readLine(strippingNewline: true) { emit(line) }
        } else {
            words.forEach(emit)
        }
        sink.flush()
    }
}
