/// Size arithmetic for the containers that allocate through unsafe pointers (`DenseTable`,
/// `FIFO`, `Slab`, the event queue over them). An element count that wrapped round, or a byte
/// size past `Int.max`, would allocate less memory than the container then writes to; every
/// size is checked here instead, and a container that cannot grow stops with a message.
enum StorageGrowth {
    /// The most elements an initial reservation allocates. Reservations can come from input
    /// (a count in the scenario), so anything larger is grown into as elements arrive.
    static let maximumReservation = 1 << 16

    /// What to allocate for a requested reservation: at least 1, at most `maximumReservation`.
    static func reservation(_ requested: Int) -> Int {
        min(max(requested, 1), maximumReservation)
    }

    /// Twice `capacity`, at least `minimum`, for elements of `stride` bytes: stops the process
    /// when the count or its size in bytes does not fit in an `Int`.
    static func doubled(_ capacity: Int, minimum: Int = 1, stride: Int) -> Int {
        let (twice, countOverflow) = capacity.multipliedReportingOverflow(by: 2)
        let larger = max(twice, minimum)
        // A division, not a second multipliedReportingOverflow: Swift 6.3 -O folded that
        // product's overflow flag to false here (2^61 × 8 passed), which the release tests caught.
        let fits = larger <= Int.max / max(stride, 1)
        precondition(!countOverflow && fits, "storage of \(capacity) elements of \(stride) bytes cannot double: the size overflows")
        return larger
    }
}
