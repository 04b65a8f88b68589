import Testing

@testable import AlmanacModel

/// The hand-off between the thread that reads a log and the one that publishes it.
@Suite struct PipelineTests {
    private struct Stop: Error {}

    @Test func everyItemArrivesInOrderAndTheProducersResultIsReturned() {
        var seen: [Int] = []
        let result = pipeline(
            ahead: 2,
            produce: { emit in
                for item in 0..<1000 where !emit(item) { return -1 }
                return 1000
            },
            consume: { seen.append($0) })
        #expect(seen == Array(0..<1000))
        #expect(result == 1000)
    }

    /// A consumer that fails stops the producer (its next hand-off is refused), and the error
    /// comes through; nothing waits for ever.
    @Test func aFailingConsumerStopsTheProducer() {
        let refusedAt = Box()
        var seen: [Int] = []
        #expect(throws: Stop.self) {
            try pipeline(
                produce: { emit in
                    for item in 0..<1000 where !emit(item) {
                        refusedAt.set(item)
                        return 0
                    }
                    return 1
                },
                consume: { item in
                    if item == 3 { throw Stop() }
                    seen.append(item)
                })
        }
        #expect(seen == [0, 1, 2])
        #expect(refusedAt.value.map { $0 <= 5 } == true, "the producer went on after the consumer stopped")
    }

    private final class Box: @unchecked Sendable {
        private(set) var value: Int?
        func set(_ value: Int) { self.value = value }
    }
}
