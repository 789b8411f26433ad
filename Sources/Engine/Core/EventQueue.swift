import Scenario

/// A 4-ary min-heap of events ordered by (time, insertion sequence), with FIFO lanes for
/// timers of a fixed delay.
///
/// push is O(log n) and popMin is O(log n + lanes); `nextTime` is O(lanes), `count` and
/// `isEmpty` O(lanes). Events with equal times pop in insertion order (FIFO), which keeps runs
/// deterministic. A 4-ary heap is half as deep as a binary one, and its four children sit next
/// to each other in memory, which pays off on the pop-heavy workload of a discrete-event loop.
///
/// Noncopyable, over `DenseTable`s: the loop pushes and pops once or more per event, and
/// through arrays each push and pop first asked the runtime whether the storage was uniquely
/// referenced. A simulation owns its one queue, so nothing is lost.
public struct EventQueue<Event>: ~Copyable {
    /// Internal, not private: `popMin` is inlined into other files, and Swift 6.3's debug
    /// build then fails to link a private type's metadata.
    struct Entry {
        var time: Nanoseconds
        var sequence: UInt64
        var event: Event

        @inline(__always)
        func precedes(_ other: Entry) -> Bool {
            precedes(time: other.time, sequence: other.sequence)
        }

        @inline(__always)
        func precedes(time: Nanoseconds, sequence: UInt64) -> Bool {
            self.time < time || (self.time == time && self.sequence < sequence)
        }
    }

    /// The heap is `heap[0..<heapCount]`. Slots past it keep stale entries for reuse: the table
    /// never shrinks, so a push or pop is one pass over the buffer.
    private var heap: DenseTable<Entry>
    private var heapCount = 0
    private var nextSequence: UInt64 = 0
    /// Timers of one fixed delay, set at non-decreasing times, come due in the order they were
    /// set: each such delay gets a FIFO lane instead of the heap, so a 60 s timeout armed on
    /// every request costs O(1) instead of deepening the heap by 60 s worth of entries.
    private var lanes = DenseTable<FIFO<Entry>>(reservingCapacity: Self.maximumLanes)
    private var laneDelays = DenseTable<Nanoseconds>(reservingCapacity: Self.maximumLanes)
    /// The latest time queued in each lane, to keep every lane in order whatever the caller does.
    private var laneLast = DenseTable<Nanoseconds>(reservingCapacity: Self.maximumLanes)
    /// Each lane's head as (time, sequence), (max, max) when the lane is empty: popping scans
    /// these plain pairs rather than every lane's head entry.
    private var laneHeads = DenseTable<(time: Nanoseconds, sequence: UInt64)>(reservingCapacity: Self.maximumLanes)
    private static var emptyLane: (time: Nanoseconds, sequence: UInt64) { (.max, .max) }
    /// Popping compares every lane's head, so the lanes are few; further delays use the heap.
    static var maximumLanes: Int { 8 }

    public init(reservingCapacity: Int = 1024) {
        heap = DenseTable(reservingCapacity: reservingCapacity)
    }

    /// O(lanes).
    public var count: Int {
        var count = heapCount
        for lane in lanes.indices { count += lanes[lane].count }
        return count
    }

    public var isEmpty: Bool { count == 0 }

    /// The time of the event `popMin` would return, or nil when empty. O(lanes).
    public var nextTime: Nanoseconds? {
        if let lane = earliestLane() { return laneHeads[lane].time }
        return heapCount > 0 ? heap[0].time : nil
    }

    /// O(log n). Inlined, with the sift: nearly every handler pushes an event.
    @inline(__always)
    public mutating func push(_ event: Event, at time: Nanoseconds) {
        let entry = Entry(time: time, sequence: nextSequence, event: event)
        nextSequence &+= 1
        if heapCount == heap.count { heap.append(entry) }
        heapCount += 1
        siftUp(entry, from: heapCount - 1)
    }

    /// A timer: `event` at `now + delay` (saturating). Timers of the same delay set at
    /// non-decreasing `now` share a FIFO lane: O(1). Pops in the same order as `push` would.
    public mutating func push(_ event: Event, after delay: Nanoseconds, from now: Nanoseconds) {
        let time = now.plusSaturating(delay)
        var lane = -1
        for index in laneDelays.indices where laneDelays[index] == delay {
            lane = index
            break
        }
        if lane < 0, laneDelays.count < Self.maximumLanes {
            laneDelays.append(delay)
            laneLast.append(time)
            laneHeads.append(Self.emptyLane)
            lanes.append(FIFO())
            lane = laneDelays.count - 1
        }
        guard lane >= 0, laneLast[lane] <= time else {
            push(event, at: time)
            return
        }
        if lanes[lane].isEmpty { laneHeads[lane] = (time, nextSequence) }
        lanes[lane].push(Entry(time: time, sequence: nextSequence, event: event))
        nextSequence &+= 1
        laneLast[lane] = time
    }

    /// The lane whose head comes before the heap's top and every other lane's head, if any.
    private func earliestLane() -> Int? {
        guard !laneHeads.isEmpty else { return nil }
        var best: Int?
        var bestTime = heapCount > 0 ? heap[0].time : .max
        var bestSequence = heapCount > 0 ? heap[0].sequence : .max
        for lane in laneHeads.indices {
            let (time, sequence) = laneHeads[lane]
            if time < bestTime || (time == bestTime && sequence < bestSequence) {
                best = lane
                bestTime = time
                bestSequence = sequence
            }
        }
        return best
    }

    /// The earliest event, the first pushed among equal times; nil when empty.
    /// O(log n + lanes). Inlined: the event loop calls it once per event, and out of line the
    /// entry it returns travels through memory.
    @inline(__always)
    public mutating func popMin() -> (time: Nanoseconds, event: Event)? {
        if let lane = earliestLane(), let entry = lanes[lane].pop() {
            laneHeads[lane] = lanes[lane].first.map { ($0.time, $0.sequence) } ?? Self.emptyLane
            return (entry.time, entry.event)
        }
        guard heapCount > 0 else { return nil }
        heapCount -= 1
        return siftDownLast()
    }

    /// Moves a hole up from `index` instead of swapping, then drops `entry` into it. Works on
    /// the buffer directly: the indices are in bounds by construction.
    @inline(__always)
    private mutating func siftUp(_ entry: Entry, from index: Int) {
        heap.withUnsafeMutableBuffer { heap in
            var hole = index
            while hole > 0 {
                let parent = (hole - 1) >> 2
                guard entry.precedes(heap[parent]) else { break }
                heap[hole] = heap[parent]
                hole = parent
            }
            heap[hole] = entry
        }
    }

    /// Takes the top out, then moves the hole it leaves down to where the last entry (at
    /// `heapCount`, just dropped from the heap) belongs, and drops that entry into it.
    private mutating func siftDownLast() -> (time: Nanoseconds, event: Event) {
        let count = heapCount
        return heap.withUnsafeMutableBuffer { heap in
            let top = heap[0]
            // Only the last entry's key, read field by field; the entry itself moves once, at
            // the end. Read whole up front, its bytes came in one wide load that the narrow
            // stores of a recent push could not forward to: a stall on nearly every pop.
            let time = heap[count].time
            let sequence = heap[count].sequence
            var hole = 0
            while true {
                let firstChild = 4 * hole + 1
                guard firstChild < count else { break }
                var best = firstChild
                var child = firstChild + 1
                let end = min(firstChild + 4, count)
                while child < end {
                    if heap[child].precedes(heap[best]) { best = child }
                    child += 1
                }
                guard heap[best].precedes(time: time, sequence: sequence) else { break }
                heap[hole] = heap[best]
                hole = best
            }
            // With one entry left, it was the top: the hole is 0 and the write is harmless.
            heap[hole] = heap[count]
            return (top.time, top.event)
        }
    }
}
