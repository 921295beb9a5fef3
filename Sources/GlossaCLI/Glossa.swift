import ArgumentParser
import Foundation
import GlossaText

/// The `glossa` command: German news text in, English-annotated bilingual output out.
@main
struct Glossa: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossa",
        abstract: "Annotate German news text with English glosses from curated glossaries.",
        discussion: """
            Exit codes: 0 success, 1 findings (check and lint commands), 2 usage or input error.
            Bundled glossaries are found through GLOSSA_GLOSSARIES, then a Glossaries folder beside the executable (or in ../share/glossa), then the package's own Glossaries folder.
            """,
        version: GlossaVersion.string,
        subcommands: [
            Annotate.self,
            Tokenize.self,
            Stem.self,
            Match.self,
            Translit.self,
            GlossaryCommand.self,
        ]
    )
}

extension Glossa {
    /// Runs the command line, with Glossa's exit codes: usage errors (unknown options, bad
    /// values) exit 2 with ArgumentParser's message, not ArgumentParser's default 64.
    static func main() {
        AllocatorTuning.keepLargeBuffers()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

enum GlossaVersion {
    static let string = "0.1.0"
}
