internal import ICal

/// Almanac's release and the libical it runs with, for `almanac --version` and bug reports.
public enum AlmanacVersion {
    /// Almanac's release; raise it with each release that users install.
    public static let release = "0.7.0"

    /// The full version of the libical loaded into this process ("3.0.16").
    public static var libical: String { ICalLibraryVersion.current }

    /// "almanac 0.7.0 (libical 3.0.16)".
    public static var description: String { "almanac \(release) (libical \(libical))" }
}
