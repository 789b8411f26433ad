/// A record that lives in a `Slab`: its token changes whenever the slot's meaning does,
/// so an event or waiter holding (index, token) can tell that its record is gone.
protocol SlabRecord: Sendable {
    var token: UInt32 { get set }
    var live: Bool { get set }
}

/// Records addressed by a stable `Int32` index, with freed slots reused, so that steady
/// state allocates nothing: the storage grows to the peak number of live records and
/// stays there. Noncopyable, like the `DenseTable`s it is made of.
struct Slab<Record: SlabRecord>: ~Copyable {
    /// Every slot ever used, live or free.
    private var records = DenseTable<Record>(reservingCapacity: 64)
    /// The free slots, as a stack. It never holds more indices than there are slots, and its
    /// capacity grows with the slots: freeing, which every record's end does, is then a store
    /// and an increment, with no capacity check and no call.
    private var free: UnsafeMutablePointer<Int32>
    private var freeCapacity = 64
    private var freeCount = 0

    init() {
        free = .allocate(capacity: freeCapacity)
    }

    deinit {
        free.deallocate()
    }

    /// Stores `record` as live and returns its index; a reused slot gets a fresh token. Amortised O(1).
    /// Inlined, so the record the caller just built goes to its slot field by field: copied
    /// out of line, it was read back from the stack with wide loads that waited on the narrow
    /// stores that built it (a store-forwarding stall on every request).
    @inline(__always)
    mutating func insert(_ record: Record) -> Int32 {
        var record = record
        record.live = true
        if freeCount > 0 {
            freeCount -= 1
            let index = free[freeCount]
            record.token = records[index].token &+ 1
            records[index] = record
            return index
        }
        if records.count == freeCapacity { growFree() }
        records.append(record)
        return Int32(records.count - 1)
    }

    /// Frees the slot; its token changes, so every outstanding reference goes stale. O(1).
    @inline(__always)
    mutating func remove(_ index: Int32) {
        precondition(records[index].live, "freeing a slot that is not live")
        records[index].live = false
        records[index].token &+= 1
        free[freeCount] = index
        freeCount += 1
    }

    /// Records inserted and not removed. O(1).
    var liveCount: Int { records.count - freeCount }

    /// Every slot ever used: check `live` before acting on one.
    var indices: Range<Int32> { 0..<Int32(records.count) }

    subscript(index: Int32) -> Record {
        _read { yield records[index] }
        _modify { yield &records[index] }
    }

    /// The slots never outnumber `freeCapacity`, so bounding it keeps every index an `Int32`.
    @inline(never)
    private mutating func growFree() {
        precondition(freeCapacity <= 1 << 30, "a slab holds at most 2^31 records")
        let doubled = StorageGrowth.doubled(freeCapacity, stride: MemoryLayout<Int32>.stride)
        let larger = UnsafeMutablePointer<Int32>.allocate(capacity: doubled)
        larger.moveInitialize(from: free, count: freeCount)
        free.deallocate()
        free = larger
        freeCapacity = doubled
    }
}
