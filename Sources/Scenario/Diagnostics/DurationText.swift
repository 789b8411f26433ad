/// Durations in messages, in the largest unit that shows them exactly (`90s`, `1500ms`).
public enum DurationText {
    private static let units: [(suffix: String, nanoseconds: Nanoseconds)] = [
        ("h", 3_600_000_000_000), ("m", 60_000_000_000), ("s", 1_000_000_000), ("ms", 1_000_000), ("us", 1_000),
    ]

    public static func format(_ duration: Nanoseconds) -> String {
        if duration == 0 { return "0s" }
        for unit in units where duration % unit.nanoseconds == 0 {
            return "\(duration / unit.nanoseconds)\(unit.suffix)"
        }
        return "\(duration)ns"
    }
}
