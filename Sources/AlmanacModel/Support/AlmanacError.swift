import Foundation

/// What kind of thing went wrong, in terms of what the user can do about it. Every error
/// Almanac reports has one; the command line turns it into the exit status in one place
/// (`ExitStatus` in AlmanacCLI), the server logs it.
public enum ErrorKind: String, Sendable, CaseIterable {
    /// The command line, or an environment variable, asks for something that cannot be done.
    case usage
    /// The records, an input file, a template or the feed state file have errors.
    case badInput
    /// A file or folder the command needs is not there.
    case notFound
    /// almanac.yml cannot be used, or lacks a setting the command needs.
    case configuration
    /// An output (a feed, a report, a record, the state file) cannot be written.
    case cannotWrite
    /// A program or service outside Almanac is missing or failed: Chromium for `report --pdf`,
    /// the time zone data, the address `serve` listens on.
    case unavailable
    /// Almanac did what it must not: a bug.
    case internalError
}

/// Where an error comes from, as precisely as it is known.
public enum ErrorOrigin: Hashable, Sendable {
    /// A place in a file: shown as `file:line:col`.
    case location(SourceLocation)
    /// A file or folder as a whole.
    case file(String)
    /// A command-line option or argument, as typed: `--project no-such-folder`.
    case option(String)
    /// An environment variable: `SOURCE_DATE_EPOCH`.
    case environment(String)
    /// A web address.
    case url(String)
    /// Something named in almanac.yml or in a record: `feed 'all'`, `the record 'board'`.
    case subject(String)

    /// The origin as a person reads it; paths relative to `directory` when below it.
    public func formatted(relativeTo directory: String) -> String {
        switch self {
        case .location(let location):
            "\(RelativePath.display(location.file, from: directory)):\(location.line):\(location.column)"
        case .file(let path): RelativePath.display(path, from: directory)
        case .option(let text), .environment(let text), .url(let text), .subject(let text): text
        }
    }
}

/// An error Almanac reports to a person: its kind (which decides the exit status), where it
/// comes from, what is wrong and how to fix it. Every error of the core layers conforms; none of
/// them writes "error:" into its text — whoever shows it (the console, the server's log)
/// adds that once.
public protocol AlmanacError: LocalizedError, CustomStringConvertible {
    var kind: ErrorKind { get }
    /// Where it comes from; nil when nothing more precise than the command is known.
    var origin: ErrorOrigin? { get }
    /// What is wrong, in a sentence without a capital or a full stop: `cannot write this file: …`.
    var message: String { get }
    /// How to fix it, when there is something to say.
    var hint: String? { get }
    /// Problems in the user's files behind this error that have not been shown yet, each
    /// with its own place; shown before the error itself.
    var details: [Diagnostic] { get }
}

extension AlmanacError {
    public var details: [Diagnostic] { [] }

    /// `origin: message`, with the hint on the next line; an origin in a file has the
    /// compiler form `file:line:col`. No "error:" prefix: the one who shows it adds that.
    public func formatted(relativeTo directory: String) -> String {
        var text = (origin.map { $0.formatted(relativeTo: directory) + ": " } ?? "") + message
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }

    /// The error as a diagnostic, when it comes from a place in a file: the form `check`
    /// prints and editors link to.
    public var diagnostic: Diagnostic? {
        guard case .location(let location) = origin else { return nil }
        return .error(location, message, hint: hint)
    }

    public var description: String { formatted(relativeTo: FileManager.default.currentDirectoryPath) }

    public var errorDescription: String? { description }
}

/// An error that needs no type of its own: a kind, an origin, a message and a hint.
public struct AlmanacFailure: AlmanacError, Hashable {
    public var kind: ErrorKind
    public var origin: ErrorOrigin?
    public var message: String
    public var hint: String?
    public var details: [Diagnostic]

    public init(
        _ kind: ErrorKind, _ origin: ErrorOrigin? = nil, _ message: String, hint: String? = nil,
        details: [Diagnostic] = []
    ) {
        self.kind = kind
        self.origin = origin
        self.message = message
        self.hint = hint
        self.details = details
    }

    /// Any error as one Almanac reports: itself when it is one; a file system error of
    /// Foundation by what it says (a file not found, one that cannot be read or written);
    /// anything else is a bug.
    public static func from(_ error: any Error) -> any AlmanacError {
        if let error = error as? any AlmanacError { return error }
        let cocoa = error as NSError
        let path = (cocoa.userInfo[NSFilePathErrorKey] as? String) ?? (cocoa.userInfo[NSURLErrorKey] as? URL)?.path
        if cocoa.domain == NSCocoaErrorDomain, let path {
            let reason = FileWriteError(path: path, error).reason
            let cause = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError
            let missing = cause?.domain == NSPOSIXErrorDomain && cause?.code == Int(ENOENT)
            switch cocoa.code {
            case CocoaError.fileNoSuchFile.rawValue, CocoaError.fileReadNoSuchFile.rawValue,
                _ where missing && cocoa.code < CocoaError.fileWriteUnknown.rawValue:
                return AlmanacFailure(.notFound, .file(path), "there is no such file or folder")
            case CocoaError.fileReadUnknown.rawValue...CocoaError.fileReadUnsupportedScheme.rawValue:
                return AlmanacFailure(
                    .badInput, .file(path), "cannot read this file: \(reason)", hint: "check that you may read it")
            case CocoaError.fileWriteUnknown.rawValue...CocoaError.fileWriteVolumeReadOnly.rawValue,
                CocoaError.fileLocking.rawValue:
                return FileWriteError(path: path, reason: reason)
            default: break
            }
        }
        return AlmanacFailure(
            .internalError, nil, "unexpected error: \(error.localizedDescription)",
            hint: "this is a bug in Almanac: please report it with the command and the files it read")
    }
}
