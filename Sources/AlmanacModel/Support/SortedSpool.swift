/// Pieces of bytes, each with a key, spooled a run at a time and read back in the order of
/// their keys: an external merge sort. The first runs stay in memory, up to a budget; the
/// others go to an unlinked scratch file. Each run is stored sorted, so that reading them back
/// merges the runs, each read ahead sequentially: a million pieces are copied with a few
/// thousand reads, not a read per piece. Pieces come one at a time
/// (``append(_:_:)``: they wait in memory, a megabyte at most, and go as one run) or a sorted
/// run at a time (``appendSortedRun(keys:lengths:parts:)``).
///
/// Its members are inlinable so that each client's key type is compared directly: called
/// through the generic `Comparable`, the comparisons of a million keys cost more than the
/// rest of the spool. The compiler does not always specialise them in the client (export
/// csv's calls went through `Comparable`), so the sorts are also specialised here for `Int`
/// keys, export csv's: the generic code checks the key type on entry and takes that copy.
package final class SortedSpool<Key: Comparable> {
    @usableFromInline let scratch: ScratchFile
    /// The first runs' bytes, as the blocks they came in (kept, not copied), and where each
    /// block starts; the scratch file holds the bytes after them.
    @usableFromInline var residentBlocks: [[UInt8]] = []
    @usableFromInline var residentStarts: [Int] = []
    @usableFromInline var residentSize = 0
    /// How many bytes the blocks in memory take, their spare capacity included.
    @usableFromInline var residentMemory = 0
    /// How many bytes of runs stay in memory at most.
    @usableFromInline let memoryBudget: Int
    /// Every piece's key, where it lies in the spooled bytes (the blocks in memory, then the scratch
    /// file; -1 until it is spooled) and its length, by its index: the order appended.
    @usableFromInline var keys: [Key] = []
    @usableFromInline var offsets: [Int] = []
    @usableFromInline var lengths: [Int] = []
    /// Each run's pieces (their indices), sorted by key; the runs one after the other.
    @usableFromInline var sorted: [Int] = []
    /// Where each run starts in `sorted`.
    @usableFromInline var runStarts: [Int] = []
    /// The bytes of the pieces appended one at a time and not spooled yet (those from index
    /// `pendingStart` on), one after the other.
    @usableFromInline var pendingBytes: [UInt8] = []
    @usableFromInline var pendingStart = 0

    /// A spool whose scratch file lies in `folder`, for the bytes headed for `target` (named in
    /// errors), which keeps up to `memoryBudget` bytes in memory: a feed of 10^5 events is
    /// sorted without a scratch file (writing and reading it back cost a tenth of its time).
    package init(in folder: String, for target: String, memoryBudget: Int = 128 << 20) throws(FileWriteError) {
        scratch = try ScratchFile(in: folder, for: target)
        self.memoryBudget = memoryBudget
    }

    /// How many bytes are spooled.
    @usableFromInline var spooledSize: Int { residentSize + scratch.size }

    /// Spools `bytes` after those spooled so far: in memory while the budget allows (and
    /// nothing went to the scratch file yet), else to the scratch file.
    @usableFromInline func store(_ bytes: [UInt8]) throws(FileWriteError) {
        if scratch.size == 0 && residentMemory + bytes.capacity <= memoryBudget {
            residentStarts.append(residentSize)
            residentBlocks.append(bytes)
            residentSize += bytes.count
            residentMemory += bytes.capacity
        } else {
            try scratch.append(bytes)
        }
    }

    /// Appends the `count` spooled bytes from `offset` to `buffer`.
    func read(from offset: Int, count: Int, appendingTo buffer: inout [UInt8]) throws(FileWriteError) {
        var (offset, count) = (offset, count)
        if offset < residentSize {
            // The last block that starts at or before `offset`.
            var (low, high) = (0, residentStarts.count)
            while high - low > 1 {
                let middle = (low + high) / 2
                if residentStarts[middle] <= offset { low = middle } else { high = middle }
            }
            for block in low..<residentBlocks.count where count > 0 {
                let start = offset - residentStarts[block]
                let taken = min(count, residentBlocks[block].count - start)
                buffer += residentBlocks[block][start..<start + taken]
                (offset, count) = (offset + taken, count - taken)
            }
        }
        if count > 0 { try scratch.read(from: offset - residentSize, count: count, appendingTo: &buffer) }
    }

    /// How many pieces are spooled.
    @inlinable package var count: Int { keys.count }

    /// Adds one piece; pieces added this way are spooled a megabyte at a time, as one run.
    @inlinable @_specialize(where Key == Int) package func append(_ key: Key, _ bytes: [UInt8]) throws(FileWriteError) {
        keys.append(key)
        offsets.append(-1)
        lengths.append(bytes.count)
        pendingBytes += bytes
        if pendingBytes.count >= 1 << 20 { try spoolPending() }
    }

    /// Adds one piece, the bytes of a part of a larger buffer (``append(_:_:)``).
    @inlinable @_specialize(where Key == Int) package func append(_ key: Key, _ bytes: ArraySlice<UInt8>)
        throws(FileWriteError)
    {
        keys.append(key)
        offsets.append(-1)
        lengths.append(bytes.count)
        pendingBytes += bytes
        if pendingBytes.count >= 1 << 20 { try spoolPending() }
    }

    /// Spools the pieces waiting in memory as one run, sorted by key (equal keys keep their
    /// order).
    @inlinable @_specialize(where Key == Int) func spoolPending() throws(FileWriteError) {
        guard pendingStart < keys.count else { return }
        var starts: [Int] = []
        starts.reserveCapacity(keys.count - pendingStart)
        var start = 0
        for index in pendingStart..<keys.count {
            starts.append(start)
            start += lengths[index]
        }
        // The keys as a local value: read through `self` in the comparisons, every read of
        // the property would be checked for exclusive access.
        let pending = keys[pendingStart...]
        let order = pending.indices.sorted {
            pending[$0] < pending[$1] || (!(pending[$1] < pending[$0]) && $0 < $1)
        }
        var run: [UInt8] = []
        run.reserveCapacity(pendingBytes.count)
        var offset = spooledSize
        runStarts.append(sorted.count)
        for index in order {
            let from = starts[index - pendingStart]
            run += pendingBytes[from..<from + lengths[index]]
            offsets[index] = offset
            offset += lengths[index]
            sorted.append(index)
        }
        pendingBytes.removeAll(keepingCapacity: true)
        pendingStart = keys.count
        try store(run)
    }

    /// Appends a run whose keys are in order already: `keys[k]`'s piece is the next
    /// `lengths[k]` bytes of `parts`, read as one sequence of bytes.
    @inlinable package func appendSortedRun(keys runKeys: [Key], lengths runLengths: [Int], parts: [[UInt8]])
        throws(FileWriteError)
    {
        precondition(runKeys.count == runLengths.count, "one length per key")
        assert(zip(runKeys, runKeys.dropFirst()).allSatisfy { !($1 < $0) }, "a sorted run's keys are in order")
        // Pieces keep the order they came in.
        try spoolPending()
        guard !runKeys.isEmpty else { return }
        runStarts.append(sorted.count)
        var offset = spooledSize
        sorted += keys.count..<keys.count + runKeys.count
        keys += runKeys
        lengths += runLengths
        offsets.reserveCapacity(offsets.count + runLengths.count)
        for length in runLengths {
            offsets.append(offset)
            offset += length
        }
        for part in parts { try store(part) }
        pendingStart = keys.count
    }

    /// The pieces' indices, in the order appended, sorted by key (pieces of equal keys in the
    /// order appended). Spools what still waits in memory.
    @inlinable @_specialize(where Key == Int) package func order() throws(FileWriteError) -> [Int] {
        try spoolPending()
        let keys = keys
        return merged { keys[$0] < keys[$1] }
    }

    /// ``order()``, with the keys compared by `precedes(a, b)`: whether the key of the piece at
    /// index `a` is below that of the piece at `b`. A client whose key type is known passes
    /// a comparison of ``pieceKeys``, which the compiler makes for that type: the merge of
    /// a million pieces compared through the generic `Comparable` copies (retains and
    /// releases) both keys at every step, and took a second of a million-row feed on one core.
    package func order(by precedes: (Int, Int) -> Bool) throws(FileWriteError) -> [Int] {
        try spoolPending()
        return merged(precedes)
    }

    /// Every piece's key, by its index (the order appended).
    package var pieceKeys: [Key] { keys }

    /// The runs merged, keys compared by `precedes` (as in ``order(by:)``); ties go to the
    /// earlier run, and within a run to the order stored.
    @usableFromInline func merged(_ precedes: (Int, Int) -> Bool) -> [Int] {
        if runStarts.count == 1 { return sorted }
        // Local values, read without the exclusivity checks of the properties (as above).
        let sorted = sorted
        var merged: [Int] = []
        merged.reserveCapacity(keys.count)
        var heads = runStarts
        let ends = runStarts.indices.map { $0 + 1 < runStarts.count ? runStarts[$0 + 1] : sorted.count }
        // A binary heap of runs by their next piece; ties go to the earlier run.
        var heap = Array(runStarts.indices)
        func runPrecedes(_ lhs: Int, _ rhs: Int) -> Bool {
            let (left, right) = (sorted[heads[lhs]], sorted[heads[rhs]])
            return precedes(left, right) || (!precedes(right, left) && lhs < rhs)
        }
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                var smallest = parent
                for child in (2 * parent + 1)...(2 * parent + 2)
                where child < heap.count && runPrecedes(heap[child], heap[smallest]) {
                    smallest = child
                }
                if smallest == parent { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
        while let run = heap.first {
            merged.append(sorted[heads[run]])
            heads[run] += 1
            if heads[run] == ends[run] {
                heap.swapAt(0, heap.count - 1)
                heap.removeLast()
            }
            if !heap.isEmpty { siftDown(0) }
        }
        return merged
    }

    /// Hands the pieces at `order` (indices from ``order()``) to `write`, in that order, a
    /// megabyte at a time: each run is read ahead sequentially, a block at a time. The next
    /// megabyte is put together on a thread of its own while `write` takes the last one.
    /// `progress` hears of the pieces copied.
    ///
    /// With `arrange`, the pieces of each run of equal keys in `order` (a run of one
    /// included) are handed to it instead, their bytes one after the other and where each
    /// lies in them, in the run's order; it appends what is to be written for them to its
    /// last argument. A client breaks the ties of its keys that way, by what the pieces hold,
    /// without keeping what it breaks them by in memory for every piece.
    package func copy(
        _ order: [Int], progress: (any ProgressReporter)? = nil,
        arrangingEqualKeys arrange: (
            @Sendable (_ bytes: [UInt8], _ pieces: [Range<Int>], _ output: inout [UInt8]) -> Void
        )? = nil,
        to write: ([UInt8]) throws(FileWriteError) -> Void
    ) throws(FileWriteError) {
        let spool = UncheckedSendable(self)
        let assembled = try pipeline(
            ahead: 2,
            produce: { emit in
                Result { () throws(FileWriteError) in
                    try spool.value.assemble(order, progress: progress, arrange: arrange, emit: emit)
                }
            },
            consume: write)
        try assembled.get()
    }

    /// Hands the pieces at `order` to `emit` a megabyte at a time, until it returns false;
    /// each run of equal keys through `arrange` when there is one.
    @_specialize(where Key == Int)
    private func assemble(
        _ order: [Int], progress: (any ProgressReporter)?,
        arrange: ((_ bytes: [UInt8], _ pieces: [Range<Int>], _ output: inout [UInt8]) -> Void)?,
        emit: ([UInt8]) -> Bool
    ) throws(FileWriteError) {
        // A piece's run, found from its place in `sorted` runs: the runs' offsets increase.
        let runOfPiece = runIndexByPiece()
        var readers = runStarts.indices.map { run in
            let end = run + 1 < runStarts.count ? runStarts[run + 1] : sorted.count
            let last = sorted[end - 1]
            return RunReader(end: offsets[last] + lengths[last])
        }
        let blockSize = 1 << 20
        var buffer: [UInt8] = []
        buffer.reserveCapacity(2 * blockSize)
        func readPiece(_ index: Int, into buffer: inout [UInt8]) throws(FileWriteError) {
            let (offset, length) = (offsets[index], lengths[index])
            if offset < residentSize {
                try read(from: offset, count: length, appendingTo: &buffer)
            } else {
                try readers[Int(runOfPiece[index])].read(offset, length, from: self, into: &buffer)
            }
        }
        // The run of equal keys being gathered for `arrange`: its pieces' bytes, where each
        // lies in them, and the index of its first piece.
        var run: [UInt8] = []
        var pieces: [Range<Int>] = []
        var runFirst = 0
        for (copied, index) in order.enumerated() {
            if copied % 4096 == 4095 { progress?.advance(by: 4096) }
            if let arrange {
                if !pieces.isEmpty && keys[index] != keys[runFirst] {
                    arrange(run, pieces, &buffer)
                    run.removeAll(keepingCapacity: true)
                    pieces.removeAll(keepingCapacity: true)
                }
                if pieces.isEmpty { runFirst = index }
                let start = run.count
                try readPiece(index, into: &run)
                pieces.append(start..<run.count)
            } else {
                try readPiece(index, into: &buffer)
            }
            if buffer.count >= blockSize {
                guard emit(buffer) else { return }
                buffer = []
                buffer.reserveCapacity(2 * blockSize)
            }
        }
        if let arrange, !pieces.isEmpty { arrange(run, pieces, &buffer) }
        if emit(buffer) { progress?.advance(by: order.count % 4096) }
    }

    /// The spool, handed to the thread that reads it while its caller only waits for blocks.
    private struct UncheckedSendable: @unchecked Sendable {
        let value: SortedSpool
        init(_ value: SortedSpool) { self.value = value }
    }

    /// The run of each piece, by its index.
    private func runIndexByPiece() -> [Int32] {
        var runs = [Int32](repeating: 0, count: keys.count)
        for run in runStarts.indices {
            let end = run + 1 < runStarts.count ? runStarts[run + 1] : sorted.count
            for position in runStarts[run]..<end { runs[sorted[position]] = Int32(run) }
        }
        return runs
    }

    /// Reads one run of the spooled bytes front to back, a block ahead.
    private struct RunReader {
        /// Where the run ends in the spooled bytes.
        let end: Int
        private var block: [UInt8] = []
        /// Where `block` starts in the spooled bytes.
        private var blockStart = 0

        init(end: Int) { self.end = end }

        /// Appends the `length` bytes at `offset` (at or after those read last) to `buffer`.
        mutating func read(_ offset: Int, _ length: Int, from spool: SortedSpool, into buffer: inout [UInt8])
            throws(FileWriteError)
        {
            if offset < blockStart || offset + length > blockStart + block.count {
                block.removeAll(keepingCapacity: true)
                try spool.read(from: offset, count: min(max(length, 64 << 10), end - offset), appendingTo: &block)
                blockStart = offset
            }
            let start = offset - blockStart
            buffer += block[start..<start + length]
        }
    }
}
