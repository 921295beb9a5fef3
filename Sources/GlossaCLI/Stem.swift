import ArgumentParser

struct Stem: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "(in progress)")
}
