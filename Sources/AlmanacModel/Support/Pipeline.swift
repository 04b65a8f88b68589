import Dispatch
import Foundation

/// Runs `produce` on a thread of its own while the calling thread consumes what it makes, at
/// most `ahead` items behind: reading the next block of a log overlaps with publishing the
/// last one. `produce` hands each item to its `emit` argument, which waits while `ahead` items
/// are waiting, and returns false once the consumer has stopped (then `produce` should
/// return). When `consume` throws, the producer is told to stop and waited for, and the error
/// is thrown. Returns what `produce` returned.
package func pipeline<Item: Sendable, Result: Sendable, Failure: Error>(
    ahead: Int = 1, produce: @escaping @Sendable (_ emit: (Item) -> Bool) -> Result,
    consume: (Item) throws(Failure) -> Void
) throws(Failure) -> Result {
    let channel = Channel<Item, Result>(capacity: ahead)
    let producer = DispatchGroup()
    DispatchQueue.global().async(group: producer) {
        let result = produce { channel.put($0) }
        channel.finish(with: result)
    }
    defer { producer.wait() }
    do {
        while let item = channel.take() { try consume(item) }
    } catch {
        channel.cancel()
        throw error
    }
    return channel.result!
}

/// The items between a producer and a consumer, and the producer's result.
private final class Channel<Item, Result>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var items: [Item] = []
    private var isFinished = false
    private var isCancelled = false
    private(set) var result: Result?

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Waits for room, then adds `item`; false, adding nothing, once the consumer stopped.
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !isCancelled { condition.wait() }
        guard !isCancelled else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The next item, waiting for it; nil once the producer has finished and all are taken.
    func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !isFinished { condition.wait() }
        guard !items.isEmpty else { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    func finish(with result: Result) {
        condition.lock()
        self.result = result
        isFinished = true
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        isCancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
