/// Pieces of bytes, each with a key, spooled to an unlinked scratch file a run at a time and
/// read back in the order of their keys: an external merge sort. Each run is written sorted,
/// so that reading them back merges the runs, each read ahead sequentially: a million pieces
/// are copied with a few thousand reads, not a read per piece. Pieces come one at a time
/// (``append(_:_:)``: they wait in memory, a megabyte at most, and go as one run) or a run at
/// a time (``appendRun(keys:bytes:lengths:)``).
package final class SortedSpool<Key: Comparable> {
    private struct Piece {
        var key: Key
        var offset: Int
        var length: Int
    }

    private let scratch: ScratchFile
    /// Every piece, in the order appended.
    private var pieces: [Piece] = []
    /// Each run's pieces (their indices in `pieces`), sorted by key; the runs one after the other.
    private var sorted: [Int] = []
    /// Where each run starts in `sorted`.
    private var runStarts: [Int] = []
    /// Pieces appended one at a time and not spooled yet: their bytes one after the other.
    private var pendingBytes: [UInt8] = []
    private var pendingKeys: [Key] = []
    private var pendingLengths: [Int] = []

    /// A spool whose scratch file lies in `folder`, for the bytes headed for `target` (named in
    /// errors).
    package init(in folder: String, for target: String) throws(FileWriteError) {
        scratch = try ScratchFile(in: folder, for: target)
    }

    /// How many pieces are spooled.
    package var count: Int { pieces.count + pendingKeys.count }

    /// Adds one piece; pieces added this way are spooled a megabyte at a time, as one run.
    package func append(_ key: Key, _ bytes: some Collection<UInt8>) throws(FileWriteError) {
        pendingBytes += bytes
        pendingKeys.append(key)
        pendingLengths.append(bytes.count)
        if pendingBytes.count >= 1 << 20 { try spoolPending() }
    }

    /// Spools the pieces waiting in memory as one run.
    private func spoolPending() throws(FileWriteError) {
        let (keys, bytes, lengths) = (pendingKeys, pendingBytes, pendingLengths)
        pendingKeys = []
        pendingBytes = []
        pendingLengths = []
        try spoolRun(keys: keys, bytes: bytes, lengths: lengths)
    }

    /// Appends a run: the pieces whose bytes follow each other in `bytes`, `lengths[k]` bytes
    /// for `keys[k]`. They are written sorted by key (equal keys keep their order).
    package func appendRun(keys: [Key], bytes: [UInt8], lengths: [Int]) throws(FileWriteError) {
        // Pieces keep the order they came in.
        if !pendingKeys.isEmpty { try spoolPending() }
        try spoolRun(keys: keys, bytes: bytes, lengths: lengths)
    }

    private func spoolRun(keys: [Key], bytes: [UInt8], lengths: [Int]) throws(FileWriteError) {
        precondition(keys.count == lengths.count, "one length per key")
        guard !keys.isEmpty else { return }
        var starts: [Int] = []
        starts.reserveCapacity(lengths.count)
        var start = 0
        for length in lengths {
            starts.append(start)
            start += length
        }
        let order = keys.indices.sorted { keys[$0] < keys[$1] || (!(keys[$1] < keys[$0]) && $0 < $1) }
        var run: [UInt8] = []
        run.reserveCapacity(bytes.count)
        let first = pieces.count
        var offset = scratch.size
        pieces += keys.indices.map { Piece(key: keys[$0], offset: 0, length: lengths[$0]) }
        runStarts.append(sorted.count)
        for index in order {
            run += bytes[starts[index]..<starts[index] + lengths[index]]
            pieces[first + index].offset = offset
            offset += lengths[index]
            sorted.append(first + index)
        }
        try scratch.append(run)
    }

    /// The pieces' indices, in the order appended, sorted by key (pieces of equal keys in the
    /// order appended). Spools what still waits in memory.
    package func order() throws(FileWriteError) -> [Int] {
        if !pendingKeys.isEmpty { try spoolPending() }
        var merged: [Int] = []
        merged.reserveCapacity(pieces.count)
        var heads = runStarts.indices.map { runStarts[$0] }
        let ends = runStarts.indices.map { $0 + 1 < runStarts.count ? runStarts[$0 + 1] : sorted.count }
        // A binary heap of runs by their next piece; ties go to the earlier run.
        var heap = Array(runStarts.indices)
        func precedes(_ lhs: Int, _ rhs: Int) -> Bool {
            let (left, right) = (pieces[sorted[heads[lhs]]].key, pieces[sorted[heads[rhs]]].key)
            return left < right || (!(right < left) && lhs < rhs)
        }
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                var smallest = parent
                for child in (2 * parent + 1)...(2 * parent + 2)
                where child < heap.count && precedes(heap[child], heap[smallest]) {
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
    /// megabyte at a time: each run is read ahead sequentially, a block at a time. `progress`
    /// hears of the pieces copied.
    package func copy(
        _ order: [Int], progress: (any ProgressReporter)? = nil,
        to write: ([UInt8]) throws(FileWriteError) -> Void
    ) throws(FileWriteError) {
        // A piece's run, found from its place in `sorted` runs: the runs' offsets increase.
        let runOfPiece = runIndexByPiece()
        var readers = runStarts.indices.map { run in
            let end = run + 1 < runStarts.count ? runStarts[run + 1] : sorted.count
            let last = pieces[sorted[end - 1]]
            return RunReader(end: last.offset + last.length)
        }
        let blockSize = 1 << 20
        var buffer: [UInt8] = []
        buffer.reserveCapacity(2 * blockSize)
        for (copied, index) in order.enumerated() {
            if copied % 4096 == 4095 { progress?.advance(by: 4096) }
            let piece = pieces[index]
            try readers[Int(runOfPiece[index])].read(piece.offset, piece.length, from: scratch, into: &buffer)
            if buffer.count >= blockSize {
                try write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try write(buffer)
        progress?.advance(by: order.count % 4096)
    }

    /// The run of each piece, by its index in `pieces`.
    private func runIndexByPiece() -> [Int32] {
        var runs = [Int32](repeating: 0, count: pieces.count)
        for run in runStarts.indices {
            let end = run + 1 < runStarts.count ? runStarts[run + 1] : sorted.count
            for position in runStarts[run]..<end { runs[sorted[position]] = Int32(run) }
        }
        return runs
    }

    /// Reads one run of the scratch file front to back, a block ahead.
    private struct RunReader {
        /// Where the run ends in the scratch file.
        let end: Int
        private var block: [UInt8] = []
        /// Where `block` starts in the scratch file.
        private var blockStart = 0

        init(end: Int) { self.end = end }

        /// Appends the `length` bytes at `offset` (at or after those read last) to `buffer`.
        mutating func read(_ offset: Int, _ length: Int, from scratch: ScratchFile, into buffer: inout [UInt8])
            throws(FileWriteError)
        {
            if offset < blockStart || offset + length > blockStart + block.count {
                block.removeAll(keepingCapacity: true)
                try scratch.read(from: offset, count: min(max(length, 64 << 10), end - offset), appendingTo: &block)
                blockStart = offset
            }
            let start = offset - blockStart
            buffer += block[start..<start + length]
        }
    }
}
