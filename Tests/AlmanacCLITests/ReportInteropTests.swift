import Foundation
import Testing

/// Almanac's CSV and Markdown read by independent programs: a real spreadsheet and a
/// CommonMark/GFM renderer.
@Suite struct ReportInteropTests {
    /// Writes the reports and exports of the example and of the tricky fixture; returns the
    /// CSV files, each copied under a name of its own (`example-activities.csv`).
    private func outputs(in folder: TemporaryFolder) throws -> [URL] {
        let tricky = CLI.fixtures.appendingPathComponent("reports").path
        #expect(
            try CLI.run([
                "report", "2023-Q4", "--project", "examples/iisg", "--out",
                folder.url.appendingPathComponent("example").path,
            ]).status == 0)
        #expect(
            try CLI.run([
                "report", "2023-Q4", "--project", tricky, "--out", folder.url.appendingPathComponent("tricky").path,
            ]).status == 0)
        let csv = folder.url.appendingPathComponent("csv")
        try FileManager.default.createDirectory(at: csv, withIntermediateDirectories: true)
        var files: [URL] = []
        for report in ["example", "tricky"] {
            for name in ["activities.csv", "summary.csv"] {
                let copy = csv.appendingPathComponent("\(report)-\(name)")
                try FileManager.default.copyItem(at: folder.url.appendingPathComponent("\(report)/\(name)"), to: copy)
                files.append(copy)
            }
        }
        for profile in ["full", "google", "outlook"] {
            let file = csv.appendingPathComponent("export-\(profile).csv")
            #expect(
                try CLI.run(["export", "csv", "--profile", profile, "--project", tricky, "--out", file.path]).status
                    == 0)
            files.append(file)
        }
        return files
    }

    @Test func libreOfficeOpensEveryCSVWithTheRightCellsAndNoFormula() throws {
        guard
            Interop.require(Interop.program("soffice"), "LibreOffice (soffice, Debian package libreoffice-calc-nogui)")
                != nil
        else { return }
        let folder = try TemporaryFolder()
        let files = try outputs(in: folder)
        let converted = folder.url.appendingPathComponent("xlsx")
        try FileManager.default.createDirectory(at: converted, withIntermediateDirectories: true)
        // One LibreOffice start for every file: it takes seconds.
        guard
            let sheets = try Interop.json("spreadsheet_cells.py", [converted.path] + files.map(\.path))
                as? [String: [[[Any]]]]
        else { return }
        for file in files {
            guard let expected = try Interop.csvRows(file) else { return }
            let cells = try #require(sheets[file.lastPathComponent], "\(file.lastPathComponent) was not converted")
            #expect(cells.count == expected.count, "\(file.lastPathComponent): rows")
            for (row, csvRow) in zip(cells, expected) {
                #expect(row.count == csvRow.count, "\(file.lastPathComponent): columns of \(csvRow)")
                for (cell, text) in zip(row, csvRow) {
                    let type = cell[1] as? String
                    #expect(type != "f", "\(file.lastPathComponent): '\(text)' became a formula")
                    switch type {
                    case "s": #expect(cell[0] as? String == text, "\(file.lastPathComponent)")
                    case "n":
                        #expect(
                            (cell[0] as? NSNumber)?.doubleValue == Double(text.replacingOccurrences(of: "+", with: "")),
                            "\(file.lastPathComponent): \(text)")
                    case "b": #expect(cell[0] as? Bool == (text == "True"), "\(file.lastPathComponent): \(text)")
                    case "d":
                        #expect(
                            text.contains("/") || text.contains("-") || text.contains(":"),
                            "\(file.lastPathComponent): \(text) read as a date")
                    default: #expect(text.isEmpty, "\(file.lastPathComponent): '\(text)' read as \(type ?? "nothing")")
                    }
                }
            }
        }
        let injection = try #require(
            sheets["tricky-activities.csv"]?.first { ($0.first?[0] as? String) == "injection" })
        #expect(injection[1][1] as? String == "s")
        #expect((injection[1][0] as? String)?.contains("=HYPERLINK") == true)
    }

    @Test func markdownTablesSurviveAGFMRenderer() throws {
        let folder = try TemporaryFolder()
        _ = try outputs(in: folder)
        for report in ["example", "tricky"] {
            guard
                let json = try Interop.json(
                    "markdown_tables.py", [folder.url.appendingPathComponent("\(report)/report.md").path])
                    as? [String: Any],
                let tables = json["tables"] as? [[String: Any]]
            else { return }
            #expect(tables.count == 8, "\(report): headline figures, activities, five breakdowns, indicators")
            for table in tables {
                let header = table["header"] as? [String] ?? []
                let rows = table["rows"] as? [[String]] ?? []
                #expect(!header.isEmpty)
                #expect(
                    rows.allSatisfy { $0.count == header.count },
                    "\(report): a row of \(header) lost or gained a cell: \(rows)")
            }
            #expect(json["images"] as? [String] == ["activities-by-month.svg"])
            let activities = try #require(tables.first { ($0["header"] as? [String])?.first == "Dates" })
            let rows = activities["rows"] as? [[String]] ?? []
            if report == "example" {
                #expect(
                    rows.map { $0[0] } == [
                        "16 Oct 2023", "17–18 Oct 2023", "17 Oct 2023", "1–2 Nov 2023", "14–15 Nov 2023", "21 Nov 2023",
                        "7 Dec 2023",
                    ])
                #expect(
                    rows.map { $0[2] } == [
                        "Skopje, North Macedonia", "Skopje, North Macedonia", "", "Tirana, Albania", "Rome, Italy",
                        "Chișinău, Moldova", "Sarajevo, Bosnia and Herzegovina",
                    ])
            } else {
                #expect(
                    rows.map { $0[1] } == [
                        "=HYPERLINK(\"http://evil.example\",\"click\")", "O'Brien & Partners | Co *launch* [draft] <b>",
                        "Weekly call (internal)",
                    ])
                #expect(rows[1][4] == "A, B \"quoted\", Kosovo*")
                #expect((json["headings"] as? [String])?.contains("Cancelled (not counted)") == true)
            }
        }
    }
}
