import ArgumentParser
struct GlossaryFind: ParsableCommand { static let configuration = CommandConfiguration(commandName: "find") }
struct GlossaryMerge: ParsableCommand { static let configuration = CommandConfiguration(commandName: "merge") }
struct GlossaryStats: ParsableCommand { static let configuration = CommandConfiguration(commandName: "stats") }
struct GlossaryCoverage: ParsableCommand { static let configuration = CommandConfiguration(commandName: "coverage") }
