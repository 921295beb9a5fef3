import ArgumentParser
import GlossaText

struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Split German text into sentences and tokens with exact offsets.",
        discussion: """
            Offsets are Unicode scalar offsets into the input (after a leading BOM), end-exclusive.
            Formats:
              json  {"sentences":[{"start":0,"end":57,"tokens":[{"text":"Russland",
                    "start":0,"end":8,"kind":"word","key":"russland","stem":"russland"}]}]}
              tsv   a token per line: sentence, start, end, kind, text, key, stem
              text  one sentence per line, tokens separated by " | "
              sentences  one sentence per line, its line breaks replaced by spaces
              spans  one line per sentence: the tokens' start:end pairs
            With --per-line, each input line is a text of its own (offsets restart on each line, and each line gives exactly one output line in the spans and sentences formats).
            Examples:
              glossa tokenize Fixtures/de/kuba-russland.txt --format tsv
              echo 'Dr. Borissow kam am 21. März.' | glossa tokenize -
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, tsv, text, sentences, spans }

    @Argument(help: "A UTF-8 text file, or - for standard input.")
    var file: String = "-"

    @Option(help: "Output format: json, tsv, text, sentences or spans.")
    var format: Format = .json

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Treat each input line as a separate text (for evaluation against gold data).")
    var perLine = false

    @OptionGroup var input: InputOptions

    func run() throws {
        try runReportingErrors {
            let text = try input.readText(file)
            let tokenizer = try GermanTokenizer()
            let sink = try OutputSink(path: output)
            let texts = perLine ? text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) : [text]
            for (index, part) in texts.enumerated() {
                if perLine && index == texts.count - 1 && part.isEmpty { break }
                let document = tokenizer.document(part, name: file)
                switch format {
                case .json: sink.write(TokenWriter.json(document))
                case .tsv: sink.write(TokenWriter.tsv(document))
                case .text: sink.write(TokenWriter.text(document))
                case .sentences: sink.write(TokenWriter.sentences(document, oneLine: perLine))
                case .spans: sink.write(TokenWriter.spans(document, oneLine: perLine))
                }
            }
            sink.flush()
        }
    }
}
