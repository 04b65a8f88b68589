import AlmanacModel
import Foundation

/// Prints report.html to PDF with headless Chromium, the renderer the test suite also checks
/// the page with: it honours the page's print stylesheet (A4, `@page` margin boxes with the
/// organisation, period and "Page 1 of 3", rows kept whole), so `report --pdf` gives what
/// printing from a browser gives.
enum PDFRenderer {
    static let installHint = """
        install Chromium (Debian: `sudo apt-get install chromium`; Ubuntu: `sudo snap \
        install chromium`), or set ALMANAC_CHROMIUM to a Chromium or Google Chrome program
        """

    /// How long Chromium may take.
    static let timeout: TimeInterval = 120

    /// ALMANAC_CHROMIUM when set, else the first of chromium, chromium-browser,
    /// google-chrome-stable, google-chrome on PATH.
    static func program() throws(AlmanacFailure) -> String {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["ALMANAC_CHROMIUM"], !chosen.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: chosen) else {
                throw AlmanacFailure(
                    .unavailable, .environment("ALMANAC_CHROMIUM"), "'\(chosen)' is not a program", hint: installHint)
            }
            return chosen
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return folder + "/" + name
            }
        }
        throw AlmanacFailure(
            .unavailable, nil, "--pdf needs Chromium to print the report, and it is not installed", hint: installHint)
    }

    /// Prints `html` (a file) to `pdf`, atomically: a temporary file beside it, renamed when
    /// Chromium has written a whole PDF.
    static func render(html: String, to pdf: String) throws(AlmanacFailure) {
        let chromium = try program()
        let directory = (pdf as NSString).deletingLastPathComponent
        let temporary = directory + "/.report-\(ProcessInfo.processInfo.processIdentifier).pdf.tmp"
        let profile =
            NSTemporaryDirectory()
            + "almanac-chromium-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        defer {
            try? FileManager.default.removeItem(atPath: temporary)
            try? FileManager.default.removeItem(atPath: profile)
        }
        var arguments = [
            "--headless", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
            "--user-data-dir=" + profile, "--print-to-pdf=" + temporary, URL(fileURLWithPath: html).absoluteString,
        ]
        // Chromium's sandbox refuses to run as root (containers, CI).
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 1) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = arguments
        // Chromium's messages go to a file: its helper processes may keep a pipe open after it ends.
        let log = profile + ".log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: log) }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: log) ?? FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw AlmanacFailure(
                .unavailable, nil, "could not start \(chromium): \(error.localizedDescription)", hint: installHint)
        }
        // A page this size prints in seconds; a Chromium that hangs is stopped.
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw AlmanacFailure(
                .unavailable, nil, "\(chromium) did not print the report to PDF within \(Int(timeout)) seconds")
        }
        let messages = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        let written = FileManager.default.contents(atPath: temporary) ?? Data()
        guard process.terminationStatus == 0, written.starts(with: Data("%PDF-".utf8)) else {
            let detail = messages.split(separator: "\n").last { !$0.contains("dbus") }.map { ": \($0)" } ?? ""
            throw AlmanacFailure(
                .unavailable, nil,
                "\(chromium) did not print the report to PDF (exit status \(process.terminationStatus))\(detail)")
        }
        guard rename(temporary, pdf) == 0 else {
            throw AlmanacFailure(
                .cannotWrite, .file(pdf), "cannot write this file: \(String(cString: strerror(errno)))",
                hint: "check that the folder exists and that you may write to it")
        }
    }
}
