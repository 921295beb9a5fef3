import ArgumentParser

struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "(in progress)")
}
