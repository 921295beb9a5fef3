import ArgumentParser

/// The `glossa` command: German news text in, English-annotated bilingual output out.
@main
struct Glossa: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossa",
        abstract: "Annotate German news text with English glosses from curated glossaries.",
        discussion: """
            Exit codes: 0 success, 1 findings (check and lint commands), 2 usage or input error.
            Bundled glossaries are found through GLOSSA_GLOSSARIES, then a Glossaries folder beside
            the executable (or in ../share/glossa), then the package's own Glossaries folder.
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

enum GlossaVersion {
    static let string = "0.1.0"
}
