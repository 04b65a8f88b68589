import Foundation
import ICal

@testable import AlmanacFeeds
@testable import AlmanacImport
@testable import AlmanacModel
@testable import AlmanacRecords

// libFuzzer harnesses for every parser of untrusted input. Built and run by `scripts/fuzz
// TARGET SECONDS` (never by a plain `swift build`: the target exists only with
// ALMANAC_FUZZ=1, since it needs -sanitize=fuzzer). The target is chosen with the
// environment variable ALMANAC_FUZZ_TARGET; each input is the file's bytes.
//
// Besides "no crash, no memory error", each harness checks what Almanac promises of the
// parser's output: a record that passes `check` reads back from its VEVENT as written;
// importers only produce safe ids and text without control characters.

/// The project settings every harness uses.
let config: ProjectConfig = {
    let text = """
        name: Fuzz calendar
        timezone: Europe/Sarajevo
        domain: fuzz.example.org
        categories: [meeting, workshop, conference]
        feeds:
          - name: all
        """
    var diagnostics: [Diagnostic] = []
    guard let file = YAMLFile.parse(text, path: "almanac.yml", diagnostics: &diagnostics),
        let config = ConfigDecoder().decode(file, diagnostics: &diagnostics)
    else { fatalError("the fuzz project's settings do not read: \(diagnostics)") }
    return config
}()

let gazetteer = config.gazetteer(base: .bundled)
let today = LocalDate(year: 2024, month: 3, day: 15)!

enum Target: String, CaseIterable {
    case record, config, csv, ics, news, period, date
}

let target: Target = {
    let name = ProcessInfo.processInfo.environment["ALMANAC_FUZZ_TARGET"] ?? ""
    guard let target = Target(rawValue: name) else {
        fatalError("set ALMANAC_FUZZ_TARGET to one of: \(Target.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    var diagnostics: [Diagnostic] = []
    switch target {
    case .record:
        guard let text = TextDecoding.utf8(data, file: "fuzz.yml", diagnostics: &diagnostics) else { return 0 }
        let checker = RecordChecker(config: config, gazetteer: gazetteer)
        if let record = YAMLRecordSource(fallbackID: "fuzz").record(
            text: text, path: "fuzz.yml", checker: checker, diagnostics: &diagnostics), !diagnostics.hasErrors
        {
            publishable(record)
        }
        readAsYAMLReadsIt(text, checker: checker)
    case .config:
        guard let text = TextDecoding.utf8(data, file: "almanac.yml", diagnostics: &diagnostics),
            let file = YAMLFile.parse(text, path: "almanac.yml", diagnostics: &diagnostics)
        else { return 0 }
        _ = ConfigDecoder().decode(file, diagnostics: &diagnostics)
    case .csv:
        guard let text = ImportInput.text(of: data, file: "fuzz.csv", diagnostics: &diagnostics) else { return 0 }
        imported(CSVRecords(config: config, gazetteer: gazetteer).records(from: text, file: "fuzz.csv"))
    case .ics:
        guard let text = ImportInput.text(of: data, file: "fuzz.ics", diagnostics: &diagnostics) else { return 0 }
        imported(ICSImporter(config: config, gazetteer: gazetteer).records(from: text, file: "fuzz.ics"))
    case .news:
        guard let text = ImportInput.text(of: data, file: "fuzz.txt", diagnostics: &diagnostics) else { return 0 }
        imported(NewsImporter(config: config, gazetteer: gazetteer).importNews(text, file: "fuzz.txt"))
    case .period:
        guard let text = String(validating: data, as: UTF8.self) else { return 0 }
        _ = try? ReportPeriod.parse(text, today: today, fiscalYearStartMonth: 7)
    case .date:
        guard let text = String(validating: data, as: UTF8.self) else { return 0 }
        for mention in DateExpressionParser().mentions(in: text) {
            _ = mention.days(year: 2024)
            _ = mention.days(near: today)
        }
        _ = DateExpressionParser(monthFirst: true).wholeMention(text)
    }
    return 0
}

/// Where the harness's plans put their state lines (a scratch file, unlinked). libFuzzer
/// runs one input at a time, on one thread.
nonisolated(unsafe) let nextState = try! NextFeedState(
    path: FileManager.default.temporaryDirectory.path + "/almanac-fuzz-state.txt")

/// A record file that is read without YAML (`PlainRecordText`) must read as YAML reads it:
/// YAML finds nothing wrong with its text, and the checker says the same of both drafts.
func readAsYAMLReadsIt(_ text: String, checker: RecordChecker) {
    guard let plain = PlainRecordText.draft(of: text, path: "fuzz.yml", fallbackID: { "fuzz" }) else { return }
    var diagnostics: [Diagnostic] = []
    guard let file = YAMLFile.parse(text, path: "fuzz.yml", diagnostics: &diagnostics),
        let general = YAMLRecordSource(fallbackID: "fuzz").draft(of: file, diagnostics: &diagnostics),
        diagnostics.isEmpty
    else {
        fatalError("a file read without YAML has problems when read with it: \(diagnostics)")
    }
    let (fast, slow) = (checker.check(plain), checker.check(general))
    if fast.record != slow.record || fast.diagnostics != slow.diagnostics {
        fatalError("a file read without YAML reads otherwise with it:\n\(fast)\n\(slow)")
    }
}

/// A record that passes `check` must go into a feed: its VEVENT reads back as written.
func publishable(_ record: EventRecord) {
    var previous = FeedState()
    let items: [FeedPlan.Item]
    do {
        items = try FeedPlanner(feed: config.feeds[0], config: config, now: 1_700_000_000).items(
            for: [record], previous: &previous, next: nextState)
    } catch {
        fatalError("the state's scratch file cannot be written: \(error)")
    }
    for item in items {
        let written = VEventBuilder(config: config).component(for: item).serialized()
        if let problem = VEventBuilder.verify(written, against: item) {
            fatalError("a record that passes check cannot be published: \(problem)")
        }
    }
}

/// What an importer makes must be safe to write: an id that names a file inside events/,
/// text without control characters, and a record that reads back as written.
func imported(_ result: ImportResult) {
    let writer = RecordWriter(config: config, gazetteer: gazetteer)
    for record in result.records {
        do {
            _ = try writer.yaml(for: record)
        } catch {
            fatalError("an imported record cannot be written: \(error)")
        }
        guard Identifier.isValid(record.id) else { fatalError("an importer made the unsafe id '\(record.id)'") }
        let texts = [
            record.title, record.summary, record.source, record.url, record.place?.venue, record.place?.city,
            record.place?.country,
        ].compactMap { $0 }
        if let bad = texts.first(where: ControlCharacters.contains) {
            fatalError("an importer kept a control character in '\(bad)'")
        }
    }
}
