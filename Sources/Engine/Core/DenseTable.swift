/// Elements at indices 0..<count, in memory the table owns.
///
/// Noncopyable on purpose: the simulation reads and writes its tables (records, servers,
/// statistics, random streams) dozens of times per request, and through an array every write
/// first asks the runtime whether the buffer is uniquely referenced; in an M/M/c run that
/// check alone took about a tenth of the time. A table that cannot be copied owns its memory
/// outright, so an access is a bounds check and a load or store.
struct DenseTable<Element: ~Copyable>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    /// Elements the memory holds room for.
    private(set) var capacity: Int
    private(set) var count = 0

    /// Room for `capacity` elements at first, within `StorageGrowth.maximumReservation`: a
    /// count from input is not trusted with an allocation of its size.
    init(reservingCapacity capacity: Int = 16) {
        self.capacity = StorageGrowth.reservation(capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    var indices: Range<Int> { 0..<count }

    var isEmpty: Bool { count == 0 }

    /// Amortised O(1): the capacity doubles when full.
    mutating func append(_ element: consuming Element) {
        if count == capacity {
            let doubled = StorageGrowth.doubled(capacity, stride: MemoryLayout<Element>.stride)
            let larger = UnsafeMutablePointer<Element>.allocate(capacity: doubled)
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = larger
            capacity = doubled
        }
        (base + count).initialize(to: element)
        count += 1
    }

    subscript(index: Int) -> Element {
        unsafeAddress { UnsafePointer(base + checked(index)) }
        unsafeMutableAddress { base + checked(index) }
    }

    subscript(index: Int32) -> Element {
        unsafeAddress { UnsafePointer(base + checked(Int(index))) }
        unsafeMutableAddress { base + checked(Int(index)) }
    }

    /// The elements as one buffer, for loops that check their own indices (a heap's sift):
    /// valid only inside `body`.
    mutating func withUnsafeMutableBuffer<Result>(_ body: (UnsafeMutableBufferPointer<Element>) -> Result) -> Result {
        body(UnsafeMutableBufferPointer(start: base, count: count))
    }

    /// O(count).
    func contains(where predicate: (borrowing Element) -> Bool) -> Bool {
        for index in indices where predicate(base[index]) { return true }
        return false
    }

    /// One unsigned comparison covers both ends: a negative index is a huge unsigned one.
    @inline(__always)
    private func checked(_ index: Int) -> Int {
        precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "table index out of range")
        return index
    }
}

extension DenseTable where Element: Copyable {
    init(_ elements: some Collection<Element>) {
        self.init(reservingCapacity: elements.count)
        for element in elements { append(element) }
    }
}
