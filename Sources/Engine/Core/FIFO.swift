/// A first-in first-out queue in a ring buffer whose capacity is a power of two: push and
/// pop are O(1) and move nothing, growth is amortised O(1), and steady state allocates
/// nothing.
///
/// Noncopyable, over memory it owns (see `DenseTable`): timer lanes push and pop once per
/// timer, and through an array each did a uniqueness check. Only the live range is initialised.
struct FIFO<Element>: ~Copyable {
    private var slots: UnsafeMutablePointer<Element>
    private var capacity = 0
    private var head = 0
    private(set) var count = 0

    init() {
        slots = .allocate(capacity: 1)
    }

    deinit {
        for offset in 0..<count { (slots + ((head + offset) & (capacity - 1))).deinitialize(count: 1) }
        slots.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// The element `pop` would return.
    var first: Element? { count > 0 ? slots[head] : nil }

    /// Inlined, with `grow` kept out of line: a timer lane pushes once per timer set.
    @inline(__always)
    mutating func push(_ element: Element) {
        if count == capacity { grow() }
        (slots + ((head + count) & (capacity - 1))).initialize(to: element)
        count += 1
    }

    mutating func pop() -> Element? {
        guard count > 0 else { return nil }
        let element = (slots + head).move()
        head = (head + 1) & (capacity - 1)
        count -= 1
        return element
    }

    /// Doubles the ring (at least 16 slots), unrolling it so the oldest element is at 0.
    @inline(never)
    private mutating func grow() {
        let larger = StorageGrowth.doubled(capacity, minimum: 16, stride: MemoryLayout<Element>.stride)
        let moved = UnsafeMutablePointer<Element>.allocate(capacity: larger)
        for offset in 0..<count {
            (moved + offset).moveInitialize(from: slots + ((head + offset) & (capacity - 1)), count: 1)
        }
        slots.deallocate()
        slots = moved
        capacity = larger
        head = 0
    }
}
