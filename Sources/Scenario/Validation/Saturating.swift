/// Arithmetic for worst-case counts and times, which saturate rather than overflow: every
/// input is bounded only by `Int` until validation has checked it. Shared with the Policy
/// target's lint.
package enum Saturating {
    package static func product(_ a: Int, _ b: Int) -> Int {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : value
    }

    package static func product(_ a: Nanoseconds, _ b: Int) -> Nanoseconds {
        let (value, overflow) = a.multipliedReportingOverflow(by: Nanoseconds(b))
        return overflow ? Nanoseconds.max : value
    }

    /// For non-negative counts.
    package static func sum(_ a: Int, _ b: Int) -> Int {
        let (value, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : value
    }

    package static func tries(retries: Int) -> Int {
        retries == Int.max ? Int.max : retries + 1
    }

    /// A non-negative estimate as a whole number: NaN and below 0 are 0, beyond `Int` is `Int.max`.
    package static func whole(_ value: Double) -> Int {
        guard value > 0 else { return 0 }
        return value < 9.2e18 ? Int(value.rounded()) : Int.max
    }
}
