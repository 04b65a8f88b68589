import Dispatch
import Foundation

extension Array {
    /// Maps the elements on all cores, keeping their order.
    package func parallelMap<T: Sendable>(_ transform: (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = ResultSlots<T>(count: count)
        withoutActuallyEscaping(transform) { transform in
            self.withUnsafeBufferPointer { elements in
                let elements = UnsafeSendable(elements)
                let transform = UnsafeSendable(transform)
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    results.set(index, transform.value(elements.value[index]))
                }
            }
        }
        return results.values
    }
}

/// Runs `first` and `second` at the same time, one of them on another thread, and returns
/// both results; when either throws, throws its error (the first's, when both do).
package func concurrently<A, B, Failure: Error>(
    _ first: () throws(Failure) -> A, _ second: () throws(Failure) -> B
) throws(Failure) -> (A, B) {
    let firstResult = ResultSlots<Result<A, Failure>>(count: 1)
    let secondResult = ResultSlots<Result<B, Failure>>(count: 1)
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            let jobs = UnsafeSendable((first, second))
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                if index == 0 {
                    firstResult.set(0, Result { () throws(Failure) in try jobs.value.0() })
                } else {
                    secondResult.set(0, Result { () throws(Failure) in try jobs.value.1() })
                }
            }
        }
    }
    return (try firstResult.values[0].get(), try secondResult.values[0].get())
}

/// Slots filled once each, from any thread.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [T] { slots.map { $0! } }
}

/// A value handed to concurrent work that only reads it.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
