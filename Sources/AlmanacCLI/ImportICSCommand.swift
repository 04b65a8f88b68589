import AlmanacImport
import AlmanacModel
import ArgumentParser

struct ImportICSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "Make records from an iCalendar (.ics) file.",
        discussion: """
            Reads calendars exported from Outlook, Google Calendar or Thunderbird with libical: \
            all-day and timed events (times stay in their zone; Outlook's Windows zone names \
            such as "W. Europe Standard Time" become IANA names), recurring series with their \
            repeat rule and left-out dates, moved occurrences as records of their own, and \
            cancelled events. A feed that Almanac wrote for this project imports back to the \
            same records, ids included.

            Example:
              almanac import ics outlook-calendar.ics --into events/2024

            \(ExitStatus.documentation)
            """
    )

    @OptionGroup var options: ImportOptions

    @Argument(help: ArgumentHelp("The .ics file, or - for standard input.", valueName: "file"))
    var file: String

    func run() throws {
        let project = try options.loadProject()
        let input = try options.readInput(file)
        let importer = ICSImporter(config: project.config, gazetteer: project.gazetteer)
        try options.run(importer, on: input, project: project)
    }
}
