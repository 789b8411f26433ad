/// One event of the floor simulation: a plain value, ordered by time and then by the order
/// in which it was scheduled, so equal times pop first in, first out.
struct FloorEvent {
    enum Kind {
        case arrival
        case departure
    }

    var time: Double
    var seq: UInt64
    var kind: Kind

    func precedes(_ other: FloorEvent) -> Bool {
        time < other.time || (time == other.time && seq < other.seq)
    }
}

/// A 4-ary min-heap in one array: shallower than a binary heap, and a node's four children
/// share a cache line or two, which is why event-driven simulators favour it.
struct FloorEventHeap {
    private var events: [FloorEvent] = []

    var isEmpty: Bool { events.isEmpty }

    init(capacity: Int) {
        events.reserveCapacity(capacity)
    }

    mutating func push(_ event: FloorEvent) {
        events.append(event)
        var child = events.count - 1
        while child > 0 {
            let parent = (child - 1) / 4
            guard event.precedes(events[parent]) else { break }
            events[child] = events[parent]
            child = parent
        }
        events[child] = event
    }

    mutating func pop() -> FloorEvent? {
        guard let last = events.popLast() else { return nil }
        guard let first = events.first else { return last }
        let count = events.count
        var hole = 0
        while true {
            let firstChild = 4 * hole + 1
            guard firstChild < count else { break }
            var best = firstChild
            for child in (firstChild + 1)..<min(firstChild + 4, count) where events[child].precedes(events[best]) {
                best = child
            }
            guard events[best].precedes(last) else { break }
            events[hole] = events[best]
            hole = best
        }
        events[hole] = last
        return first
    }
}
