import ArgumentParser
struct GlossaryFind: ParsableCommand { static let configuration = CommandConfiguration(commandName: "find") }
struct GlossaryMerge: ParsableCommand { static let configuration = CommandConfiguration(commandName: "merge") }
struct GlossaryExport: ParsableCommand { static let configuration = CommandConfiguration(commandName: "export") }
struct GlossaryImport: ParsableCommand { static let configuration = CommandConfiguration(commandName: "import") }
struct GlossaryStats: ParsableCommand { static let configuration = CommandConfiguration(commandName: "stats") }
struct GlossaryCoverage: ParsableCommand { static let configuration = CommandConfiguration(commandName: "coverage") }
