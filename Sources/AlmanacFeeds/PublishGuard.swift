import AlmanacModel
import AlmanacRecords

/// The rule for everything Almanac publishes — the feeds, the site, written or served:
/// nothing is published while any record has errors. A record that cannot be read would look
/// deleted, and publishing would announce it as cancelled in every subscriber's calendar.
///
/// ``FeedPublisher/publish(to:progress:onWait:)`` and ``SiteBuilder/write(to:progress:onWait:)``
/// check it before they write anything, so `almanac feed`, `almanac site` and `almanac serve`
/// share it.
public enum PublishGuard {
    /// What is being published, for the words of the refusal.
    public enum Publication: String, Sendable, CaseIterable {
        /// `almanac feed`.
        case feed
        /// `almanac site`.
        case site
        /// `almanac serve`: a site served over HTTP.
        case servedSite

        /// What the refusal says was not done.
        var refused: String {
            switch self {
            case .feed: "no feed was written"
            case .site: "no site was written"
            case .servedSite: "nothing is served"
            }
        }

        /// What to run again after the fix.
        var command: String {
            switch self {
            case .feed: "run `almanac feed` again"
            case .site: "run `almanac site` again"
            case .servedSite: "start `almanac serve` again"
            }
        }
    }

    /// Refuses with ``PublishRefusal`` when any of `project`'s records has errors.
    public static func check(_ project: Project, publishing publication: Publication) throws(PublishRefusal) {
        try check(project.diagnostics, publishing: publication)
    }

    /// Refuses with ``PublishRefusal`` when any of `diagnostics`, what reading the records
    /// found, is an error.
    public static func check(_ diagnostics: [Diagnostic], publishing publication: Publication) throws(PublishRefusal) {
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw PublishRefusal(publication: publication, errors: errors) }
    }
}

/// Nothing was published because records have errors.
public struct PublishRefusal: AlmanacError {
    public let publication: PublishGuard.Publication
    /// The records' errors. They are not among the ``details``: the command that loaded the
    /// project has shown them; the server lists them on its index page.
    public let errors: [Diagnostic]

    public var kind: ErrorKind { .badInput }
    public var origin: ErrorOrigin? { nil }
    public var message: String {
        "\(publication.refused): the records have \(errors.count) error\(errors.count == 1 ? "" : "s")"
    }
    public var hint: String? {
        "publishing now would cancel the broken activities in subscribers' calendars; "
            + "fix the errors (see `almanac check`) and \(publication.command)"
    }
}
