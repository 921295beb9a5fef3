import ArgumentParser

struct Translit: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "(in progress)")
}
