import ArgumentParser
import Foundation
import GlossaStemmer
import GlossaText

struct Stem: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the Snowball German stem of each word.",
        discussion: """
            Words are case-folded first (as token keys are). With no WORD arguments, reads one word per line from standard input (UTF-8: invalid bytes are an error, exit 2, unless --lossy) and prints one stem per line.
            Example: glossa stem Beziehungen russischen   →  bezieh, russisch
            """
    )

    @Argument(help: "Words to stem; none reads words from standard input, one per line.")
    var words: [String] = []

    @OptionGroup var input: InputOptions

    func run() throws {
        try runReportingErrors {
            let stemmer = GermanStemmer()
            // Standard input is read under the rules of every text input (invalid UTF-8 is an
            // error unless --lossy).
            let list = words.isEmpty ? inputLines(try input.readText("-")) : words
            let sink = try OutputSink(path: nil)
            for word in list { sink.write(stemmer.stem(MatchKey.make(word)) + "\n") }
            sink.flush()
        }
    }
}
