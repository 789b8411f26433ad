import Scenario

extension OutlierDetector {
    /// An Istio `outlierDetection` resolved once into the Envoy settings it becomes
    /// (Istio `applyOutlierDetection` in `cluster_traffic_policy.go`, Envoy `DetectorConfig`
    /// in `outlier_detection_impl.cc`), with the threshold maths as pure functions.
    public struct Config: Sendable, Equatable {
        public static let defaultConsecutive5xxErrors = 5
        public static let defaultInterval: Nanoseconds = 10_000_000_000
        public static let defaultBaseEjectionTime: Nanoseconds = 30_000_000_000
        public static let defaultMaxEjectionPercent = 10
        /// Envoy's `max_ejection_time` default; Istio leaves it unset, so it is max(300s, base).
        public static let defaultMaxEjectionTime: Nanoseconds = 300_000_000_000
        /// Envoy's `healthy_panic_threshold` default, which Istio keeps when a cluster has no
        /// outlier detection.
        public static let defaultPanicThreshold = 50

        /// Consecutive 5xx that trigger an ejection; 0 is off (Istio then sets enforcement 0).
        public let consecutive5xxErrors: Int
        /// Consecutive 502/503/504 that trigger an ejection; 0 is off. Unset in Istio leaves
        /// Envoy's detector at 5 with enforcement 0, which never ejects: off too.
        public let consecutiveGatewayErrors: Int
        public let interval: Nanoseconds
        public let baseEjectionTime: Nanoseconds
        public let maxEjectionTime: Nanoseconds
        /// Capped at 100, as Envoy caps it.
        public let maxEjectionPercent: Int
        /// Percent of healthy hosts below which the load balancer panics: Istio writes
        /// `minHealthPercent` (default 0) when outlier detection is set, else Envoy's 50 stays.
        public let panicThreshold: Int

        /// nil is a cluster without outlier detection: nothing is ever ejected and the panic
        /// threshold is Envoy's 50%. Out-of-range values (which the scenario validator rejects)
        /// fall back to the defaults rather than trap.
        public init(_ detection: OutlierDetection?) {
            guard let detection else {
                consecutive5xxErrors = 0
                consecutiveGatewayErrors = 0
                interval = Self.defaultInterval
                baseEjectionTime = Self.defaultBaseEjectionTime
                maxEjectionTime = Self.defaultMaxEjectionTime
                maxEjectionPercent = Self.defaultMaxEjectionPercent
                panicThreshold = Self.defaultPanicThreshold
                return
            }
            consecutive5xxErrors = max(0, detection.consecutive5xxErrors ?? Self.defaultConsecutive5xxErrors)
            consecutiveGatewayErrors = max(0, detection.consecutiveGatewayErrors ?? 0)
            interval = Self.positive(detection.interval) ?? Self.defaultInterval
            let base = Self.positive(detection.baseEjectionTime) ?? Self.defaultBaseEjectionTime
            baseEjectionTime = base
            maxEjectionTime = max(Self.defaultMaxEjectionTime, base)
            // Istio applies maxEjectionPercent only when it is above 0.
            let percent = detection.maxEjectionPercent ?? 0
            maxEjectionPercent = percent > 0 ? min(100, percent) : Self.defaultMaxEjectionPercent
            panicThreshold = min(100, max(0, detection.minHealthPercent ?? 0))
        }

        private static func positive(_ duration: Nanoseconds?) -> Nanoseconds? {
            guard let duration, duration > 0 else { return nil }
            return duration
        }

        /// The consecutive-error count at which `rule` fires; 0 means the rule is off.
        public func threshold(_ rule: OutlierRule) -> Int {
            switch rule {
            case .consecutive5xx: return consecutive5xxErrors
            case .consecutiveGatewayErrors: return consecutiveGatewayErrors
            }
        }

        /// Envoy's check before every ejection, the first included:
        /// 100 × (ejected + 1) / hosts ≤ maxEjectionPercent, in integers.
        public func mayEject(alreadyEjected ejected: Int, hosts: Int) -> Bool {
            hosts > 0 && 100 * (ejected + 1) <= maxEjectionPercent * hosts
        }

        /// How long an ejection with this multiplier lasts: min(base × multiplier, max).
        public func ejectionDuration(multiplier: Int) -> Nanoseconds {
            let (product, overflow) = baseEjectionTime.multipliedReportingOverflow(by: Nanoseconds(multiplier))
            return overflow ? maxEjectionTime : min(product, maxEjectionTime)
        }

        /// The multiplier after an ejection: Envoy adds 1 only while base × multiplier < max +
        /// base, so it stops growing just past the cap, and a host that failed for hours is
        /// forgiven after a bounded number of quiet intervals.
        public func multiplier(afterEjectionWith multiplier: Int) -> Int {
            let (product, overflow) = baseEjectionTime.multipliedReportingOverflow(by: Nanoseconds(multiplier))
            let (bound, boundOverflow) = maxEjectionTime.addingReportingOverflow(baseEjectionTime)
            return !overflow && (boundOverflow || product < bound) ? multiplier + 1 : multiplier
        }
    }
}
