/// An upstream's `healthchecks` with Kong's defaults: every threshold 0 (off), so an upstream
/// written without them never marks a target unhealthy.
public struct KongHealthchecks: Sendable, Hashable {
    /// Thresholds of one direction; a counter of 0 is disabled.
    public struct Thresholds: Sendable, Hashable {
        /// `interval` (active only), 0 = no probes in this state.
        public var interval: Nanoseconds
        public var successes: Int
        public var httpFailures: Int
        public var tcpFailures: Int
        public var timeouts: Int
        public var httpStatuses: [Int]

        public init(interval: Nanoseconds = 0, successes: Int = 0, httpFailures: Int = 0, tcpFailures: Int = 0, timeouts: Int = 0, httpStatuses: [Int]) {
            self.interval = interval
            self.successes = successes
            self.httpFailures = httpFailures
            self.tcpFailures = tcpFailures
            self.timeouts = timeouts
            self.httpStatuses = httpStatuses
        }
    }

    public struct Active: Sendable, Hashable {
        /// `timeout` of a probe; default 1 s.
        public var timeout: Nanoseconds
        public var httpPath: String
        public var healthy: Thresholds
        public var unhealthy: Thresholds

        public init(
            timeout: Nanoseconds = 1_000_000_000, httpPath: String = "/",
            healthy: Thresholds = Thresholds(httpStatuses: [200, 302]),
            unhealthy: Thresholds = Thresholds(httpStatuses: [429, 404, 500, 501, 502, 503, 504, 505])
        ) {
            self.timeout = timeout
            self.httpPath = httpPath
            self.healthy = healthy
            self.unhealthy = unhealthy
        }
    }

    public struct Passive: Sendable, Hashable {
        public var healthy: Thresholds
        public var unhealthy: Thresholds

        public init(
            healthy: Thresholds = Thresholds(httpStatuses: [200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 306, 307, 308]),
            unhealthy: Thresholds = Thresholds(httpStatuses: [429, 500, 503])
        ) {
            self.healthy = healthy
            self.unhealthy = unhealthy
        }
    }

    public var active: Active
    public var passive: Passive

    public init(active: Active = Active(), passive: Passive = Passive()) {
        self.active = active
        self.passive = passive
    }
}
