/// Arithmetic for worst-case counts and times, which saturate rather than overflow: every
/// input is bounded only by `Int`. Shared with the Policy target's lint.
package enum Saturating {
    package static func product(_ a: Int, _ b: Int) -> Int {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : value
    }

    package static func product(_ a: Nanoseconds, _ b: Int) -> Nanoseconds {
        let (value, overflow) = a.multipliedReportingOverflow(by: Nanoseconds(b))
        return overflow ? Nanoseconds.max : value
    }

    package static func tries(retries: Int) -> Int {
        retries == Int.max ? Int.max : retries + 1
    }
}
