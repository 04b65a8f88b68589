import ArgumentParser
struct ImportICSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ics")
}
