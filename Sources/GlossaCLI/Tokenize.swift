import ArgumentParser

struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "(in progress)")
}
