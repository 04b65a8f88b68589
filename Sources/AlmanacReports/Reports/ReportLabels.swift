import AlmanacModel
import Foundation

/// Names for people: "Q4 2023" rather than `2023-Q4`, "Board meeting" rather than
/// `board-meeting`, and one colour per category that stays the same in every report.
extension ReportPeriod {
    /// "Q4 2023", "FY 2023/24", "Q1 FY 2023/24", "October 2023", "H2 2023", "Week 45, 2023",
    /// "2023", or the dates of a range ("1 Oct – 31 Dec 2023").
    public var name: String {
        switch kind {
        case .year(let year): return String(year)
        case .half(let year, let half): return "H\(half) \(year)"
        case .quarter(let year, let quarter): return "Q\(quarter) \(year)"
        case .month(let year, let month): return "\(LocalDate.monthNames[month - 1]) \(year)"
        case .week(let year, let week): return "Week \(week), \(year)"
        case .fiscalYear(let endYear, let startMonth): return "FY " + Self.fiscalYears(endYear, startMonth)
        case .fiscalQuarter(let endYear, let quarter, let startMonth):
            return "Q\(quarter) FY " + Self.fiscalYears(endYear, startMonth)
        case .range: return HumanDates.span(start, end)
        }
    }

    /// "2023/24" for a fiscal year that straddles two calendar years, else "2024".
    private static func fiscalYears(_ endYear: Int, _ startMonth: Int) -> String {
        let startYear = fiscalStartYear(endYear, startMonth)
        return startYear == endYear ? String(endYear) : "\(startYear)/\(pad(endYear % 100, 2))"
    }

    /// False for years and fiscal years, whose previous period is the same period a year earlier.
    var hasSeparateLastYear: Bool { previous() != sameLastYear() }
}

extension EventFormat {
    /// "In person", "Online", "Hybrid".
    var reportName: String {
        switch self {
        case .inPerson: "In person"
        case .online: "Online"
        case .hybrid: "Hybrid"
        }
    }
}

extension ProjectConfig {
    /// almanac.yml's `category-labels:` entry, else the category with spaces for dashes and
    /// a capital first letter: `board-meeting` is "Board meeting".
    public func label(ofCategory category: String) -> String {
        if let label = categoryLabels[category] { return label }
        let words = Self.spacedWords(category)
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// `category` with a space for each `-` and `_`. Categories are ASCII (kebab-case words):
    /// their bytes are replaced, as Foundation's ``spacedWordsByFoundation(_:)`` would (a
    /// report asks for the label of every activity's category, and Foundation's replacing
    /// costs thousands of instructions a call).
    static func spacedWords(_ category: String) -> String {
        guard category.utf8.allSatisfy({ $0 < 0x80 }) else { return spacedWordsByFoundation(category) }
        let spaced = category.utf8.map { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 }
        return String(decoding: spaced, as: UTF8.self)
    }

    /// ``spacedWords(_:)`` by Foundation, character by character.
    static func spacedWordsByFoundation(_ category: String) -> String {
        category.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
    }

    /// Okabe–Ito colours, readable for colour-blind people on light and dark backgrounds;
    /// grey is kept for "Not recorded".
    static let categoryPalette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#B8A100"]
    static let notRecordedColour = "#8C8C8C"

    /// A category's colour, from its place in almanac.yml's `categories`, so that it is the same
    /// in every report of the project; a category not listed there gets one from its name.
    func colour(ofCategory category: String?) -> String {
        guard let category else { return Self.notRecordedColour }
        let palette = Self.categoryPalette
        if let index = categories.firstIndex(of: category) { return palette[index % palette.count] }
        let hash = category.unicodeScalars.reduce(UInt32(2_166_136_261)) { ($0 ^ $1.value) &* 16_777_619 }
        return palette[Int(hash % UInt32(palette.count))]
    }
}
