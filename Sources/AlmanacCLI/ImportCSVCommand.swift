import AlmanacModel
import AlmanacRecords
import ArgumentParser

struct ImportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Make records from the rows of a spreadsheet saved as CSV.",
        discussion: """
            The first row names the columns. Common names are understood whatever their case: \
            Title/Subject/Event, Start/Start Date/From/Date, End/End Date/To, City, Country, \
            Location, Category, Organisations/Partners, Description/Summary, URL, and more; \
            --map assigns the others. Dates may be ISO (2023-09-05), day first (5.9.2023, \
            05/09/2023) or written out (5 September 2023, 5-6 September 2023). The Google \
            Calendar and Outlook layouts (as `export csv --profile` writes them) are recognised \
            by their headers and read month first (9/5/2023).

            Each bad row is reported with its row number and left out; the good rows are \
            imported. A CSV file kept inside events/ needs no import: check, feed and report \
            read it directly.

            Example:
              almanac import csv activity-log.csv --map "Partner institutions=organisations"

            \(ExitStatus.documentation)
            """
    )

    @OptionGroup var options: ImportOptions

    @Argument(help: ArgumentHelp("The CSV file, or - for standard input.", valueName: "file"))
    var file: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Take a column as a field, e.g. --map 'Partner=organisations' (repeatable; field 'ignore' leaves it out).",
            valueName: "column=field"))
    var map: [String] = []

    /// `--map` as header → field.
    private var columnMap: [String: String] {
        get throws {
            var result: [String: String] = [:]
            for entry in map {
                let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty, CSVColumns.fields.contains(parts[1]) else {
                    throw ValidationError(
                        """
                        --map '\(entry)' is not COLUMN=FIELD with one of the \
                        fields: \(CSVColumns.fields.joined(separator: ", "))
                        """
                    )
                }
                result[parts[0]] = parts[1]
            }
            return result
        }
    }

    func validate() throws {
        _ = try columnMap
    }

    func run() throws {
        let project = try options.loadProject()
        let input = try options.readInput(file)
        let importer = CSVRecords(config: project.config, gazetteer: project.gazetteer, map: try columnMap)
        try options.run(importer, on: input, project: project)
    }
}
