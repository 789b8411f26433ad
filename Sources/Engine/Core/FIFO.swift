/// A first-in first-out queue in a ring buffer whose capacity is a power of two: push and
/// pop are O(1) and move nothing, growth is amortised O(1), and steady state allocates
/// nothing.
///
/// Slots outside the live range hold stale copies of earlier elements (a ring of a generic
/// element has no empty value to put there); they are overwritten as the ring goes round.
struct FIFO<Element: Sendable>: Sendable {
    private var slots: ContiguousArray<Element> = []
    private var head = 0
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// The element `pop` would return.
    var first: Element? { count > 0 ? slots[head] : nil }

    mutating func push(_ element: Element) {
        if count == slots.count { grow(filling: element) }
        slots[(head + count) & (slots.count - 1)] = element
        count += 1
    }

    mutating func pop() -> Element? {
        guard count > 0 else { return nil }
        let element = slots[head]
        head = (head + 1) & (slots.count - 1)
        count -= 1
        return element
    }

    /// Doubles the ring (at least 16 slots), unrolling it so the oldest element is at 0.
    private mutating func grow(filling filler: Element) {
        var larger = ContiguousArray<Element>()
        let capacity = max(16, slots.count * 2)
        larger.reserveCapacity(capacity)
        for offset in 0..<count { larger.append(slots[(head + offset) & (slots.count - 1)]) }
        while larger.count < capacity { larger.append(filler) }
        slots = larger
        head = 0
    }
}
