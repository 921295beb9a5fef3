import ArgumentParser

struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "(in progress)")
}
