import Engine
import Testing

@Suite struct EventQueueTests {
    @Test func emptyQueueHasNothingToPop() {
        var queue = EventQueue<Int>()
        // The queue is noncopyable: #expect reads its properties through locals.
        let (isEmpty, count, nextTime) = (queue.isEmpty, queue.count, queue.nextTime)
        #expect(isEmpty && count == 0 && nextTime == nil)
        let popped = queue.popMin()
        #expect(popped == nil)
    }

    @Test func randomPushesPopInTimeOrderWithTiesInInsertionOrder() {
        var rng = RandomStream(seed: 1)
        var queue = EventQueue<Int>(reservingCapacity: 16)
        // Times from a small range force many ties; the event is its insertion index.
        var pushed: [(time: Int64, index: Int)] = []
        for index in 0..<5_000 {
            let time = Int64(rng.nextInt(below: 500)) - 100
            queue.push(index, at: time)
            pushed.append((time, index))
        }
        let count = queue.count
        #expect(count == 5_000)
        let expected = pushed.sorted { ($0.time, $0.index) < ($1.time, $1.index) }
        var popped: [(time: Int64, index: Int)] = []
        while let next = queue.popMin() { popped.append((next.time, next.event)) }
        #expect(popped.map(\.time) == expected.map(\.time))
        #expect(popped.map(\.index) == expected.map(\.index))
        let isEmpty = queue.isEmpty
        #expect(isEmpty)
    }

    @Test func equalTimesPopFirstInFirstOut() {
        var queue = EventQueue<String>()
        let names = (0..<300).map { "event-\($0)" }
        for name in names { queue.push(name, at: 42) }
        var popped: [String] = []
        while let next = queue.popMin() {
            #expect(next.time == 42)
            popped.append(next.event)
        }
        #expect(popped == names)
    }

    @Test func interleavedPushesAndPopsMatchASortedReferenceModel() {
        var rng = RandomStream(seed: 2)
        let mismatches = Self.compareWithSortedModel { queue, step, now in
            let time = now + Int64(rng.nextInt(below: 50))
            queue.push(step, at: time)
            return time
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func timersInLanesPopExactlyAsTheyWouldFromTheHeap() {
        // Events and timers of ten different delays (more than there are lanes, so some go to
        // the heap): ties keep insertion order across lanes and heap alike.
        var rng = RandomStream(seed: 3)
        let mismatches = Self.compareWithSortedModel { queue, step, now in
            if rng.nextInt(below: 2) == 0 {
                let delay = Int64(rng.nextInt(below: 10)) * 7
                queue.push(step, after: delay, from: now)
                return now + delay
            }
            let time = now + Int64(rng.nextInt(below: 50))
            queue.push(step, at: time)
            return time
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// Drives a queue and a reference model, an array kept sorted by (time, insertion order):
    /// a new event goes after every event with a time ≤ its own, and pops take the front.
    /// Pushes outnumber pops 3:2 in the first half and the reverse later, so the size swings
    /// from empty to about 2,000 and back; `push` queues event `step` no earlier than `now`, as
    /// in a simulation, and returns its time. Returns every disagreement.
    private static func compareWithSortedModel(
        push: (inout EventQueue<Int>, Int, Int64) -> Int64
    ) -> [String] {
        var rng = RandomStream(seed: 1)
        var queue = EventQueue<Int>(reservingCapacity: 0)
        var model: [(time: Int64, event: Int)] = []
        var now: Int64 = 0
        var mismatches: [String] = []
        for step in 0..<20_000 {
            let pushWeight = step < 10_000 ? 3 : 2
            if rng.nextInt(below: 5) < pushWeight {
                let time = push(&queue, step, now)
                let position = model.lastIndex { $0.time <= time }.map { $0 + 1 } ?? 0
                model.insert((time, step), at: position)
            } else {
                let popped = queue.popMin()
                let expected = model.isEmpty ? nil : model.removeFirst()
                if popped?.time != expected?.time || popped?.event != expected?.event {
                    mismatches.append("step \(step): popped \(String(describing: popped)), want \(String(describing: expected))")
                }
                now = expected?.time ?? now
            }
            if queue.count != model.count || queue.nextTime != model.first?.time {
                mismatches.append("step \(step): count \(queue.count) next \(String(describing: queue.nextTime))")
            }
        }
        return mismatches
    }
}
