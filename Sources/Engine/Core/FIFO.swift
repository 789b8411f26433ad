/// A first-in first-out queue over one growing buffer: popping moves a head index, and the
/// consumed prefix is dropped once it is at least half the buffer, so push and pop are
/// amortised O(1) and steady state allocates nothing.
struct FIFO<Element: Sendable>: Sendable {
    private var buffer: ContiguousArray<Element> = []
    private var head = 0

    var isEmpty: Bool { head == buffer.count }

    var count: Int { buffer.count - head }

    /// The element `pop` would return.
    var first: Element? { head < buffer.count ? buffer[head] : nil }

    mutating func push(_ element: Element) {
        buffer.append(element)
    }

    mutating func pop() -> Element? {
        guard head < buffer.count else { return nil }
        let element = buffer[head]
        head += 1
        if head == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64, head * 2 >= buffer.count {
            buffer.removeFirst(head)
            head = 0
        }
        return element
    }
}
