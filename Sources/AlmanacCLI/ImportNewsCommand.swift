import AlmanacImport
import AlmanacModel
import ArgumentParser

struct ImportNewsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "news",
        abstract: "Make records from activity news items (plain text or Markdown).",
        discussion: """
            The input holds news items as the website shows them: a title line, a blank line \
            and a paragraph, items separated by blank lines; or a Markdown heading per item. \
            Each item becomes a record with the activity's dates (the date of the activity, not \
            one mentioned in passing), its city and country (from the gazetteer), a category \
            among the project's, the partner organisations named, the paragraph as summary and \
            the original text as source. An item without a date becomes a draft to review.

            The item's own date (a dateline such as "SKOPJE, 9 May 2008 -", or a publication \
            line under the title such as "Published: 19 October 2022") dates "today", \
            "yesterday" and "on Tuesday", and gives the year of dates written without one; \
            else the year comes from --year, else from the nearest item that has one, when \
            the items around it are dated within a year of each other (items gathered from \
            many years say nothing of its year: it is written as a draft).

            Dates are read in English and, written day first, in French, Spanish, Portuguese, \
            Italian, German, Serbian, Croatian, Bosnian, Montenegrin, Slovenian, Albanian, \
            Indonesian, Macedonian, Bulgarian, Russian, Ukrainian, Romanian, Polish, Turkish and \
            Greek ("le 12 mars 2024", "el 5 de junio de 2023", "12. marta 2024.", "12 prill 2024", \
            "16 stycznia 2019"), and "today", "yesterday" and \
            "tomorrow" in most of them; weekdays in English only.

            A record whose date or place is assumed rather than read (a year from --year or a \
            neighbouring item, a date from the item's own date alone, a slash date whose order \
            nothing decides, a ministry's capital as the venue) is written with status: \
            tentative and a source-note saying what was assumed; the summary counts them.

            Example:
              almanac import news activity-news-2023-2024.txt
              almanac import news - --dry-run < news.md

            \(ExitStatus.documentation)
            """
    )

    @OptionGroup var options: ImportOptions

    @Argument(help: ArgumentHelp("The news file, or - for standard input.", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The year of dates written without one.", valueName: "yyyy"))
    var year: Int?

    func validate() throws {
        if let year, !(1900...2199).contains(year) {
            throw ValidationError("--year \(year) is not a year; write it with four digits, e.g. --year 2024")
        }
    }

    func run() throws {
        let project = try options.loadProject()
        let input = try options.readInput(file)
        let importer = NewsImporter(config: project.config, gazetteer: project.gazetteer, year: year)
        try options.run(importer, on: input, project: project)
    }
}
