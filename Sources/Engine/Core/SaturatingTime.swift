extension Int64 {
    /// `self + other`, held at the largest time instead of overflowing. Scenario durations may
    /// be up to 2^63 ns each, so event times are summed with this.
    @inline(__always)
    func plusSaturating(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}
