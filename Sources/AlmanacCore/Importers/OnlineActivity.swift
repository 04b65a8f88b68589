/// Tells an activity held online from one held somewhere: "a webinar", "by videoconference",
/// "via video link", or "online" / "virtual" next to the event ("an online meeting", "a
/// virtual training", "met online", "held virtually"). "Extremism online" is a topic, not a
/// way of meeting.
enum OnlineActivity {
    private static let onlineEvents: Set<String> = ["webinar", "webinars", "videoconference", "video-conference", "video-link", "teleconference"]
    private static let videoLinks: Set<String> = ["link", "conference", "call"]
    private static let onlineWords: Set<String> = ["online", "virtual", "virtually", "remotely"]
    /// Events that "online" or "virtual" can qualify, and verbs it can follow.
    private static let eventWords: Set<String> = [
        "meeting", "meetings", "session", "sessions", "workshop", "training", "course", "conference", "seminar", "event",
        "consultations", "discussion", "briefing", "forum", "exercise", "lecture", "panel",
        "met", "meet", "held", "place", "organised", "organized", "conducted", "delivered", "hosted",
    ]

    static func isOnline(_ texts: [Prose]) -> Bool {
        texts.contains { prose in
            let words = prose.tokens.map(\.lowercased)
            return words.indices.contains { i in
                let next = i + 1 < words.count ? words[i + 1] : ""
                let previous = i > 0 ? words[i - 1] : ""
                if onlineEvents.contains(words[i]) || (words[i] == "video" && videoLinks.contains(next)) { return true }
                return onlineWords.contains(words[i]) && (eventWords.contains(next) || eventWords.contains(previous))
            }
        }
    }
}
