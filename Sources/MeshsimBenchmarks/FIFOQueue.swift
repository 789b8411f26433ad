/// A growable ring buffer of arrival times: the floor simulation's waiting line.
struct FIFOQueue {
    private var slots: [Double]
    private var head = 0
    private(set) var count = 0

    init(capacity: Int) {
        slots = Array(repeating: 0, count: max(1, capacity))
    }

    mutating func append(_ value: Double) {
        if count == slots.count { grow() }
        slots[(head + count) % slots.count] = value
        count += 1
    }

    mutating func popFirst() -> Double? {
        guard count > 0 else { return nil }
        let value = slots[head]
        head = (head + 1) % slots.count
        count -= 1
        return value
    }

    private mutating func grow() {
        let ordered = (0..<count).map { slots[(head + $0) % slots.count] }
        slots = ordered + Array(repeating: 0, count: slots.count)
        head = 0
    }
}
