import AlmanacModel
import Foundation
import Testing

@Suite struct ImportCSVTests {
    @Test func headerSynonymsDayFirstDatesAndBadRowsByNumber() throws {
        let project = try emptyExampleProject()
        try project.write(
            "log.csv",
            """
            Subject;Date;Until;Town;Country;Type;Partners;Notes
            RNNC meeting;17.10.2023;18.10.2023;Skopje;North Macedonia;Meeting;DG NEAR, RCC;Regional network
            Board;07/12/2023;;Sarajevo;;Board meeting;;"Hybrid; chaired by DG NEAR"
            Bad date;31.02.2023;;Tirana;Albania;workshop;;
            Ragged;1.3.2024;;Tirana;Albania;workshop;;;extra
            Workshop;5-6 September 2023;;Budva;Montenegro;Workshop;Strong Cities Network;"two
            lines"
            """)
        let result = try CLI.run(["import", "csv", "log.csv"], in: project.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("log.csv:4:1: error: row 4, column \"Date\": the start '31.02.2023' is not a date"))
        #expect(result.stderr.contains("log.csv:5:1: error: row 5 has 9 cells but the header names 8 columns"))
        #expect(result.stderr.hasSuffix("\nerror: 5 rows: 3 records written, 2 errors\n"))
        let records = try recordsByTitle(project.url)
        #expect(records.count == 3)
        let rnnc = try #require(records["RNNC meeting"])
        #expect(rnnc.timing == .allDay(start: LocalDate(iso: "2023-10-17")!, end: LocalDate(iso: "2023-10-18")!))
        #expect(
            rnnc.organisations == ["DG NEAR", "RCC"] && rnnc.category == "meeting" && rnnc.summary == "Regional network"
        )
        #expect(records["Board"]?.category == "board-meeting")
        #expect(records["Board"]?.place?.country == "Bosnia and Herzegovina")
        #expect(records["Board"]?.summary == "Hybrid; chaired by DG NEAR")
        #expect(
            records["Workshop"]?.timing
                == .allDay(start: LocalDate(iso: "2023-09-05")!, end: LocalDate(iso: "2023-09-06")!))
    }

    @Test func mapNamesTheOtherColumnsAndUnknownOnesAreReported() throws {
        let project = try emptyExampleProject()
        try project.write(
            "log.csv", "Activity,Kick-off,Partner institutions,Colour\nTraining,2024-03-05T09:30,CEPOL,red\n")
        let result = try CLI.run(
            ["import", "csv", "log.csv", "--map", "Kick-off=start", "--map", "Partner institutions=organisations"],
            in: project.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("log.csv:1:1: warning: the column 'Colour' is not used"))
        let record = try project.read("events/2024/2024-03-05-training.yml")
        #expect(record.contains("start: 2024-03-05T09:30\n") && record.contains("organisations: [CEPOL]"))
        let usage = try CLI.run(["import", "csv", "log.csv", "--map", "Colour=colour"], in: project.url)
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("--map 'Colour=colour' is not COLUMN=FIELD"))
    }

    @Test func missingTitleColumnIsOneClearError() throws {
        let project = try emptyExampleProject()
        try project.write("log.csv", "When,Where\n2024-01-01,Tirana\n")
        let result = try CLI.run(["import", "csv", "log.csv"], in: project.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("log.csv:1:1: error: no column holds the title (the columns are: When, Where)"))
        #expect(!FileManager.default.fileExists(atPath: project.url.appendingPathComponent("events").path))
    }

    @Test func googleAndOutlookLayoutsAreReadMonthFirst() throws {
        let project = try emptyExampleProject()
        try project.write(
            "google.csv",
            """
            Subject,Start Date,Start Time,End Date,End Time,All Day Event,Description,Location,Private
            Board meeting,12/7/2023,10:00 AM,12/7/2023,4:00 PM,False,7th Board,"Sarajevo, Bosnia and Herzegovina",False
            Workshop,9/5/2023,,9/6/2023,,True,,"Budva, Montenegro",True
            """)
        try project.write(
            "outlook.csv",
            """
            "Subject","Start Date","Start Time","End Date","End Time","All day event","Reminder on/off",\
            "Reminder Date","Reminder Time","Meeting Organizer","Required Attendees","Optional Attendees",\
            "Meeting Resources","Billing Information","Categories","Description","Location","Mileage","Priority",\
            "Private","Sensitivity","Show time as"
            "Forum","1/30/2024","12:00:00 AM","2/1/2024","12:00:00 AM","True","False","1/29/2024","8:00:00 AM",\
            "IISG",,,,,"forum","CEPOL and Europol","The Hague",,"Normal","False","Normal","3"
            """)
        #expect(try CLI.run(["import", "csv", "google.csv"], in: project.url).status == 0)
        #expect(try CLI.run(["import", "csv", "outlook.csv"], in: project.url).status == 0)
        let records = try recordsByTitle(project.url)
        let board = try #require(records["Board meeting"])
        #expect(
            board.timing
                == .timed(start: LocalDateTime(iso: "2023-12-07T10:00")!, end: LocalDateTime(iso: "2023-12-07T16:00")!))
        #expect(board.place?.city == "Sarajevo")
        #expect(
            records["Workshop"]?.timing
                == .allDay(start: LocalDate(iso: "2023-09-05")!, end: LocalDate(iso: "2023-09-06")!))
        #expect(records["Workshop"]?.visibility == .internal)
        // Outlook ends all-day events on the next day: 30–31 January.
        #expect(
            records["Forum"]?.timing
                == .allDay(start: LocalDate(iso: "2024-01-30")!, end: LocalDate(iso: "2024-01-31")!))
        #expect(records["Forum"]?.category == "forum" && records["Forum"]?.place?.city == "The Hague")
    }

    @Test func aCSVFileInEventsIsARecordSourceForCheckAndFeed() throws {
        let project = try emptyExampleProject()
        try project.write(
            "events/log.csv",
            """
            id,title,start,end,city,country,category
            rnnc-15,15th RNNC meeting,2024-01-16,2024-01-17,Podgorica,Montenegro,meeting
            rnnc-16,16th RNNC meeting,2024-07-09,2024-07-08,Tirana,Albania,meeting
            summer-school,Summer school,2024-08-26,2024-08-30,Ohrid,North Macedonia,workshp
            """)
        let check = try CLI.run(["check", "--project", project.url.path])
        #expect(check.status == 1)
        #expect(
            check.stderr.contains(
                """
                events/log.csv:3:1: error: row 3, column "end": the \
                end (2024-07-08) is before the start (2024-07-09)
                """
            ))
        #expect(
            check.stderr.contains(
                """
                events/log.csv:4:1: warning: row 4, column "category": \
                'workshp' is not one of the project's categories
                """
            ))
        #expect(check.stderr.contains("\nerror: 2 records read (0 drafts): 1 error and 1 warning\n"))
        let refused = try CLI.run(["feed", "--project", project.url.path])
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                """
                events/log.csv:3:1: error: row 3, column "end": the \
                end (2024-07-08) is before the start (2024-07-09)
                """
            ))
        #expect(refused.stderr.contains("no feed was written"))
        try project.write(
            "events/log.csv",
            try project.read("events/log.csv").replacingOccurrences(
                of: "2024-07-09,2024-07-08", with: "2024-07-08,2024-07-09"))
        let feed = try CLI.run(["feed", "--project", project.url.path])
        #expect(feed.status == 0)
        #expect(feed.stdout.contains("all.ics (3 events)"))
        let calendar = try project.read("public/all.ics")
        #expect(calendar.contains("UID:rnnc-16@iisg.example.org"))
        #expect(
            calendar.contains("UID:rnnc-15@iisg.example.org") && calendar.contains("LOCATION:Ohrid\\, North Macedonia"))
    }

    @Test(arguments: ["full", "google", "outlook"])
    func almanacReimportsItsOwnExports(profile: String) throws {
        let exported = try TemporaryFolder()
        let file = exported.url.appendingPathComponent("\(profile).csv")
        #expect(
            try CLI.run([
                "export", "csv", "--profile", profile, "--excel", "--project", "examples/iisg", "--out", file.path,
            ]).status == 0)
        let project = try emptyExampleProject()
        let result = try CLI.run(["import", "csv", file.path, "--project", project.url.path])
        #expect(result.status == 0, "\(profile): \(result.stderr)")
        let original = try recordsByTitle(CLI.packageRoot.appendingPathComponent("examples/iisg")).filter {
            profile == "full" || $0.value.isScheduled
        }
        let back = try recordsByTitle(project.url)
        #expect(back.count == original.count, "\(profile)")
        for (title, want) in original {
            let got = try #require(back[title], "\(profile): '\(title)' did not come back")
            #expect(
                got.timing == want.timing && got.visibility == want.visibility && got.summary == want.summary,
                "\(profile): \(title)")
            #expect(
                got.place?.city == want.place?.city && got.place?.country == want.place?.country
                    && got.place?.venue == want.place?.venue, "\(profile): \(title)")
            if profile == "full" {
                #expect(
                    got.id == want.id && got.category == want.category && got.tags == want.tags
                        && got.organisations == want.organisations, "\(title)")
                #expect(got.role == want.role && got.format == want.format && got.status == want.status, "\(title)")
            }
            if profile == "outlook" { #expect(got.category == want.category, "\(title)") }
        }
    }
}
