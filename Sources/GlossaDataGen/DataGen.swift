import GlossaICU

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `glossa-datagen`: writes the CLDR-derived glossaries (countries.tsv, cities.tsv).
@main
struct DataGen {
    static let usage = """
    Usage: glossa-datagen <command> [options]

    Writes glossary files generated from the CLDR data of the system ICU.

    Commands:
      countries [-o FILE]        German and English region names (type country)
      cities [-o FILE]           exemplar cities of canonical time zones (type city)
      all [--output-dir DIR]     both, as DIR/countries.tsv and DIR/cities.tsv
                                 (default DIR: Glossaries/de-en)
      version                    print the ICU version used

    Options:
      -o, --output FILE          write to FILE instead of standard output
      -h, --help                 show this help
    """

    static func main() {
        let args = Array(CommandLine.arguments.dropFirst())
        if args.isEmpty || args.contains("-h") || args.contains("--help") {
            print(usage)
            exit(args.isEmpty ? 64 : 0)
        }
        let command = args[0]
        var output: String?
        var outputDir = "Glossaries/de-en"
        var index = 1
        while index < args.count {
            let arg = args[index]
            switch arg {
            case "-o", "--output", "--output-dir":
                guard index + 1 < args.count else { fail("\(arg) needs a value") }
                if arg == "--output-dir" { outputDir = args[index + 1] } else { output = args[index + 1] }
                index += 2
            default:
                fail("unknown argument '\(arg)'")
            }
        }
        switch command {
        case "countries":
            emit(Generators.countriesFile(), to: output)
        case "cities":
            emit(Generators.citiesFile(), to: output)
        case "all":
            if output != nil { fail("'all' takes --output-dir, not -o") }
            let dir = outputDir.hasSuffix("/") ? String(outputDir.dropLast()) : outputDir
            emit(Generators.countriesFile(), to: dir + "/countries.tsv")
            emit(Generators.citiesFile(), to: dir + "/cities.tsv")
        case "version":
            print(ICUText.icuVersion)
        default:
            fail("unknown command '\(command)'")
        }
    }

    static func emit(_ text: String, to path: String?) {
        guard let path else {
            print(text, terminator: "")
            return
        }
        guard let file = fopen(path, "w") else { fail("cannot open \(path) for writing") }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        if fclose(file) != 0 || written != bytes.count { fail("cannot write \(path)") }
        let count = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.count - 1
        printError("glossa-datagen: wrote \(count) entries to \(path)")
    }

    /// Writes a line to standard error (file descriptor 2; `stderr` is not concurrency-safe in Swift 6).
    static func printError(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    static func fail(_ message: String) -> Never {
        printError("glossa-datagen: \(message)\n\(usage)")
        exit(64)
    }
}
