/// Wall-clock timing on the monotonic clock.
enum Stopwatch {
    /// The value `body` returns and the seconds it took.
    static func time<T>(_ body: () throws -> T) rethrows -> (value: T, seconds: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        let elapsed = start.duration(to: clock.now).components
        return (value, Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
    }
}
