import AlmanacModel

/// Tells an activity held online from one held somewhere: "a webinar", "by videoconference",
/// "via video link", or "online" / "virtual" next to the event ("an online meeting", "a
/// virtual training", "met online", "held virtually", "attended online"). "Extremism online" is a topic, not a
/// way of meeting.
enum OnlineActivity {
    private static let onlineEvents: Set<String> = [
        "webinar", "webinars", "videoconference", "video-conference", "video-link", "teleconference",
    ]
    private static let videoLinks: Set<String> = ["link", "conference", "call"]
    private static let onlineWords: Set<String> = ["online", "virtual", "virtually", "remotely"]
    /// Events that "online" or "virtual" can qualify, and verbs it can follow.
    private static let eventWords: Set<String> = [
        "meeting", "meetings", "session", "sessions", "workshop", "training", "course", "conference", "seminar",
        "event",
        "consultations", "discussion", "briefing", "forum", "exercise", "lecture", "panel", "exchange", "dialogue",
        "met", "meet", "held", "place", "organised", "organized", "conducted", "delivered", "hosted",
        "attended", "followed", "joined", "participated", "part",
    ]

    /// The sentences of `prose` that tell of an activity held online.
    static func sentences(in prose: Prose) -> Set<Int> {
        let words = prose.tokens.map(\.lowercased)
        let cues = words.indices.filter { i in
            let next = i + 1 < words.count ? words[i + 1] : ""
            let previous = i > 0 ? words[i - 1] : ""
            if onlineEvents.contains(words[i]) || (words[i] == "video" && videoLinks.contains(next)) { return true }
            return onlineWords.contains(words[i]) && (eventWords.contains(next) || eventWords.contains(previous))
        }
        return Set(cues.map { prose.tokens[$0].sentence })
    }
}
