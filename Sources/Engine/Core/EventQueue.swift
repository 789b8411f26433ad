import Scenario

/// A 4-ary min-heap of events ordered by (time, insertion sequence), over ContiguousArray.
///
/// push is O(log n) and popMin is O(log n); `nextTime`, `count` and `isEmpty` are O(1).
/// Events with equal times pop in insertion order (FIFO), which keeps runs deterministic.
/// A 4-ary heap is half as deep as a binary one, and its four children sit next to each other
/// in memory, which pays off on the pop-heavy workload of a discrete-event loop.
public struct EventQueue<Event>: Sendable where Event: Sendable {
    private struct Entry: Sendable {
        var time: Nanoseconds
        var sequence: UInt64
        var event: Event

        @inline(__always)
        func precedes(_ other: Entry) -> Bool {
            time < other.time || (time == other.time && sequence < other.sequence)
        }
    }

    private var heap: ContiguousArray<Entry>
    private var nextSequence: UInt64 = 0

    public init(reservingCapacity: Int = 1024) {
        heap = []
        heap.reserveCapacity(max(reservingCapacity, 0))
    }

    public var count: Int { heap.count }

    public var isEmpty: Bool { heap.isEmpty }

    /// The time of the event `popMin` would return, or nil when empty.
    public var nextTime: Nanoseconds? { heap.first?.time }

    /// O(log n).
    public mutating func push(_ event: Event, at time: Nanoseconds) {
        let entry = Entry(time: time, sequence: nextSequence, event: event)
        nextSequence &+= 1
        heap.append(entry)
        siftUp(entry, from: heap.count - 1)
    }

    /// The earliest event, the first pushed among equal times; nil when empty. O(log n).
    public mutating func popMin() -> (time: Nanoseconds, event: Event)? {
        guard let last = heap.popLast() else { return nil }
        guard let top = heap.first else { return (last.time, last.event) }
        siftDown(last, from: 0)
        return (top.time, top.event)
    }

    /// Moves a hole up from `index` instead of swapping, then drops `entry` into it.
    private mutating func siftUp(_ entry: Entry, from index: Int) {
        var hole = index
        while hole > 0 {
            let parent = (hole - 1) >> 2
            guard entry.precedes(heap[parent]) else { break }
            heap[hole] = heap[parent]
            hole = parent
        }
        heap[hole] = entry
    }

    /// Moves a hole down from `index` to where `entry` belongs, then drops `entry` into it.
    private mutating func siftDown(_ entry: Entry, from index: Int) {
        let count = heap.count
        var hole = index
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
            guard heap[best].precedes(entry) else { break }
            heap[hole] = heap[best]
            hole = best
        }
        heap[hole] = entry
    }
}
