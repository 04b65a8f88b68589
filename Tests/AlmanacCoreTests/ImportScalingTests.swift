import Foundation
import Testing

@testable import AlmanacImport
@testable import AlmanacModel

/// What keeps `import news` linear in the size of its input: an item's prose answers "which
/// token is at this position" and "which tokens are in this sentence" without scanning the
/// whole item, however long it is. These lookups must give exactly what a scan gives.
@Suite struct ImportScalingTests {
    static func corpusTexts() throws -> [String] {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        return try ["news-corpus/news.txt", "real-news/batch1.md", "real-news/batch6.md"].map {
            try String(contentsOf: fixtures.appendingPathComponent($0), encoding: .utf8)
        }
    }

    @Test func sentenceRangesHoldExactlyTheTokensOfEachSentence() throws {
        for text in try Self.corpusTexts() + [
            "", "Mr. Smith came. He left!\n\nThe end", "One two three four five six.",
        ] {
            let prose = Prose(text)
            for (index, token) in prose.tokens.enumerated() {
                #expect(prose.sentences[token.sentence].contains(index))
                let scanned = prose.tokens.filter { $0.sentence == token.sentence }.map(\.range)
                if index == prose.sentences[token.sentence].lowerBound {
                    #expect(prose.sentenceTokens(of: index).map(\.range) == scanned)
                }
            }
            #expect(prose.sentences.map(\.count).reduce(0, +) == prose.tokens.count)
            // The lead sentence: the first of six words or more, and its first word.
            let words = prose.tokens.indices.filter { prose.tokens[$0].isWord }
            let lead = Dictionary(grouping: words) { prose.tokens[$0].sentence }.filter { $0.value.count >= 6 }.min {
                $0.key < $1.key
            }
            #expect(prose.leadSentence?.sentence == lead?.key)
            #expect(prose.leadSentence?.firstWord == lead?.value.first)
        }
    }

    @Test func tokenIndexIsTheFirstTokenAtOrAfterThePosition() throws {
        for text in try Self.corpusTexts().map({ String($0.prefix(4000)) }) {
            let prose = Prose(text)
            var position = text.startIndex
            while true {
                let scanned = prose.tokens.firstIndex { $0.range.lowerBound >= position } ?? prose.tokens.count
                #expect(prose.tokenIndex(at: position) == scanned)
                guard position < text.endIndex else { break }
                position = text.index(after: position)
            }
        }
    }

    /// A publication line is short: a long paragraph on one line is not one, whatever dates it holds.
    @Test func aLongLineIsNoPublicationLine() {
        #expect(NewsReference.isPublicationLine("Published: 19 October 2022"))
        let long = "Published: 19 October 2022 " + String(repeating: "and more words ", count: 10)
        #expect(!NewsReference.isPublicationLine(long))
    }
}
