import Scenario

/// A wall-clock instant as Unix time (seconds since 1970-01-01T00:00:00Z and nanoseconds),
/// read from an RFC 3339 timestamp: where `--start-time` puts simulated time 0 in metrics.om.
public struct EpochTime: Sendable, Hashable {
    public var seconds: Int64
    /// 0 ..< 1,000,000,000.
    public var nanoseconds: Int64

    public init(seconds: Int64, nanoseconds: Int64 = 0) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// 2000-01-01T00:00:00Z: a fixed default keeps metrics.om byte-identical from run to run.
    public static let defaultStart = EpochTime(seconds: 946_684_800)

    /// The OpenMetrics timestamp (seconds) of simulated time `time` after this instant: whole
    /// seconds without a fraction, else up to nine decimals with trailing zeros trimmed.
    public func timestampText(after time: Nanoseconds) -> String {
        let total = nanoseconds + max(0, time)
        var whole = seconds + total / 1_000_000_000
        var fraction = total % 1_000_000_000
        var sign = ""
        // Before 1970 the value is negative: -1.5 is whole -2 plus 0.5.
        if whole < 0, fraction > 0 {
            sign = "-"
            whole = -(whole + 1)
            fraction = 1_000_000_000 - fraction
        } else if whole < 0 {
            sign = "-"
            whole = -whole
        }
        guard fraction > 0 else { return sign + String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 9 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return sign + String(whole) + "." + digits
    }
}
