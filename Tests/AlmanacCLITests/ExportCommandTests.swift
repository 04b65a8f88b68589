import Foundation
import Testing

@Suite struct ExportCommandTests {
    static var tricky: URL { CLI.fixtures.appendingPathComponent("reports") }

    @Test func fullTableOfTheWholeLogWithDraftsLast() throws {
        let out = try TemporaryFolder()
        let file = out.url.appendingPathComponent("all.csv")
        let result = try CLI.run(["export", "csv", "--project", "examples/iisg", "--out", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(12 rows)"))
        guard let rows = try Interop.csvRows(file) else { return }
        #expect(rows.first?.count == 21)
        #expect(rows.allSatisfy { $0.count == 21 })
        #expect(
            rows.dropFirst().map { $0[2] } == [
                "2023-09-05", "2023-09-12", "2023-10-16", "2023-10-17", "2023-10-17", "2023-11-01", "2023-11-14",
                "2023-11-21", "2023-12-07", "2024-01-30", "2024-02-08", "",
            ])
        #expect(rows.last?[0] == "eu-delegation-serbia-meeting")
        #expect(rows.last?[16] == "draft")
        #expect(rows.first { $0[0] == "2023-11-01-ark-it-website-session" }?[17] == "internal")
    }

    @Test func periodExportToStandardOutputExpandsSeriesAndGuardsFormulas() throws {
        let result = try CLI.run(["export", "csv", "2023-12", "--project", Self.tricky.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("Exported 2 rows for 2023-12 (2023-12-01 to 2023-12-31)"))
        let file = try TemporaryFolder()
        try file.write("december.csv", result.stdout)
        guard let rows = try Interop.csvRows(file.url.appendingPathComponent("december.csv")) else { return }
        // The cancelled visit (full profile keeps every status) and the one December call (25 Dec excepted).
        #expect(
            rows.dropFirst().map { [$0[0], $0[1], $0[2], $0[4], $0[16]] } == [
                ["cancelled", "'-Cancelled visit", "2023-12-05", "", "cancelled"],
                ["weekly", "Weekly call", "2023-12-18", "09:30", "confirmed"],
            ])
    }

    @Test func googleProfile() throws {
        let result = try CLI.run(["export", "csv", "--profile", "google", "--project", Self.tricky.path])
        let file = try TemporaryFolder()
        try file.write("google.csv", result.stdout)
        guard let rows = try Interop.csvRows(file.url.appendingPathComponent("google.csv")) else { return }
        #expect(
            rows.first == [
                "Subject", "Start Date", "Start Time", "End Date", "End Time", "All Day Event", "Description",
                "Location", "Private",
            ])
        #expect(
            rows[2] == [
                "O'Brien & Partners | Co *launch* [draft] <b>", "11/06/2023", "", "11/07/2023", "", "True",
                "First line | with a pipe, and *stars*.\nSecond line.", "Room 1; Floor 2, \"Annex\"", "False",
            ])
        #expect(rows[3] == ["Weekly call", "12/18/2023", "9:30 AM", "12/18/2023", "10:00 AM", "False", "", "", "True"])
        #expect(!rows.contains { $0[0].contains("Cancelled") }, "a calendar import gets only what is going ahead")
        #expect(rows.count == 6)
    }

    @Test func outlookProfileWithExcelBOMAndSemicolons() throws {
        let out = try TemporaryFolder()
        let file = out.url.appendingPathComponent("outlook.csv")
        let result = try CLI.run([
            "export", "csv", "2023-Q4", "--profile", "outlook", "--excel", "--delimiter", ";", "--project",
            Self.tricky.path, "--out", file.path,
        ])
        #expect(result.status == 0)
        guard let rows = try Interop.csvRows(file, delimiter: ";", bom: true) else { return }
        #expect(rows.first?.count == 22)
        #expect(rows.first?.first == "Subject" && rows.first?.last == "Show time as")
        let obrien = try #require(rows.first { $0[0].hasPrefix("O'Brien") })
        #expect(
            obrien[1] == "11/06/2023" && obrien[3] == "11/08/2023" && obrien[5] == "True",
            "Outlook's all-day end is the day after")
        let call = try #require(rows.first { $0[0] == "Weekly call" })
        #expect(call[19] == "True" && call[20] == "Private")
    }
}
