import AlmanacModel
import Foundation

/// The ways to subscribe to one feed: its plain address and the one-click links of the
/// calendar services that add a calendar by URL.
public struct SubscribeLinks: Sendable, Equatable {
    /// `https://example.org/calendar/all.ics`, the address every client accepts pasted.
    public let address: String
    /// `webcal://example.org/calendar/all.ics`: opens the system's calendar app (Apple
    /// Calendar, Outlook for Windows and Mac, Thunderbird) with a subscription dialog.
    public let webcal: String
    /// Google Calendar's "add by URL" link.
    public let google: String
    /// Outlook on the web for work or school accounts (Microsoft 365).
    public let microsoft365: String
    /// Outlook.com (personal Microsoft accounts).
    public let outlookCom: String

    /// The links of the feed file `feedFileName` (`all.ics`) published under `baseURL` (no
    /// trailing slash); `title` names the calendar where a service asks for a name.
    public init(baseURL: String, feedFileName: String, title: String) {
        let address = baseURL + "/" + Self.encoded(feedFileName, keeping: Self.unreserved)
        let webcal = "webcal://" + (address.range(of: "://").map { String(address[$0.upperBound...]) } ?? address)
        self.address = address
        self.webcal = webcal
        google = "https://calendar.google.com/calendar/render?cid=" + Self.encoded(webcal, keeping: Self.unreserved)
        let query =
            "url=" + Self.encoded(address, keeping: Self.unreserved) + "&name="
            + Self.encoded(title, keeping: Self.unreserved)
        microsoft365 = "https://outlook.office.com/calendar/0/addfromweb?" + query
        outlookCom = "https://outlook.live.com/calendar/0/addfromweb?" + query
    }

    /// RFC 3986's unreserved characters: everything else in a query value is percent-encoded.
    static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encoded(_ text: String, keeping allowed: CharacterSet) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
