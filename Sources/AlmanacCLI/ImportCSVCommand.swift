import ArgumentParser
struct ImportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "csv")
}
