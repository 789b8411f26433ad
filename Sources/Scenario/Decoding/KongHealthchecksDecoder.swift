/// An upstream's `healthchecks` record with Kong's defaults and ranges
/// (kong/db/schema/entities/upstreams.lua): counters 0 … 255, `interval` and `timeout` in
/// seconds 0 … 65535 (decimals allowed), statuses 100 … 999.
enum KongHealthchecksDecoder {
    /// Probe details that do not change the outcome of a simulated probe.
    static let activeNoEffect = ["concurrency", "https_sni", "https_verify_certificate", "headers"]

    static func decode(_ reader: MappingReader) -> KongHealthchecks {
        var checks = KongHealthchecks()
        if let active = reader.mapping("active") {
            checks.active = decodeActive(active)
        }
        if let passive = reader.mapping("passive") {
            // Kong reports statuses, refused connections and timeouts to the checker itself
            // (kong/runloop/balancer/healthcheckers.lua), whatever the passive type says.
            _ = passive.read("type") { passive.values.choice($0, $1, checkTypes) }
            if let healthy = passive.mapping("healthy") {
                checks.passive.healthy = thresholds(healthy, checks.passive.healthy, active: false, healthy: true)
            }
            if let unhealthy = passive.mapping("unhealthy") {
                checks.passive.unhealthy = thresholds(unhealthy, checks.passive.unhealthy, active: false, healthy: false)
            }
            passive.finish()
        }
        if let threshold = reader.number("threshold", 0...100), threshold > 0 {
            reader.context.error(
                "\(reader.path("threshold")): an upstream-wide health threshold is not modelled (each target is up or down on its own); remove it or write 0",
                at: reader.location(of: "threshold"))
        }
        reader.finish()
        return checks
    }

    private static func decodeActive(_ reader: MappingReader) -> KongHealthchecks.Active {
        var active = KongHealthchecks.Active()
        let type = reader.read("type") { reader.values.choice($0, $1, checkTypes) }
        if let timeout = reader.number("timeout", 0...65_535) { active.timeout = nanoseconds(timeout) }
        if let path = reader.nonEmptyString("http_path") { active.httpPath = path }
        if let healthy = reader.mapping("healthy") {
            active.healthy = thresholds(healthy, active.healthy, active: true, healthy: true)
        }
        if let unhealthy = reader.mapping("unhealthy") {
            active.unhealthy = thresholds(unhealthy, active.unhealthy, active: true, healthy: false)
        }
        reader.finish(noEffect: activeNoEffect, product: "Kong")
        switch type {
        case "tcp":
            // Kong proxies HTTP in nginx's http subsystem, where it switches tcp probes off
            // (healthcheckers.lua: both intervals set to 0).
            active.healthy.interval = 0
            active.unhealthy.interval = 0
            reader.context.warning(
                "\(reader.path("type")): Kong sends no active tcp probes for HTTP traffic (it sets both intervals to 0 in the http subsystem), so this upstream is probed by no one",
                at: reader.location(of: "type"))
        case "grpc", "grpcs":
            reader.context.error(
                "\(reader.path("type")): \(type ?? "") health checks are not modelled; meshsim probes with HTTP (http or https)",
                at: reader.location(of: "type"))
        default:
            break
        }
        return active
    }

    private static let checkTypes = ["tcp", "http", "https", "grpc", "grpcs"]

    /// One direction's fields: `healthy` has interval (active), successes and statuses;
    /// `unhealthy` has interval (active), the three failure counters and statuses.
    private static func thresholds(
        _ reader: MappingReader, _ defaults: KongHealthchecks.Thresholds, active: Bool, healthy: Bool
    ) -> KongHealthchecks.Thresholds {
        var result = defaults
        if active, let interval = reader.number("interval", 0...65_535) {
            // nginx timers count milliseconds; a shorter interval would be probes without end.
            if interval > 0 && interval < 0.001 {
                reader.context.error(
                    "\(reader.path("interval")) must be 0 (no probes) or at least 0.001 (1 ms, the resolution of Kong's timers), not \(interval)",
                    at: reader.location(of: "interval"))
            } else {
                result.interval = nanoseconds(interval)
            }
        }
        if let statuses = reader.read("http_statuses", { node, path -> [Int]? in
            guard let items = reader.values.sequence(node, path) else { return nil }
            let codes = items.enumerated().map { reader.values.int($1, "\(path)[\($0)]", 100...999) }
            return codes.contains(nil) ? nil : codes.compactMap { $0 }
        }) {
            result.httpStatuses = statuses
        }
        if healthy {
            if let value = reader.int("successes", 0...255) { result.successes = value }
        } else {
            if let value = reader.int("http_failures", 0...255) { result.httpFailures = value }
            if let value = reader.int("tcp_failures", 0...255) { result.tcpFailures = value }
            if let value = reader.int("timeouts", 0...255) { result.timeouts = value }
        }
        reader.finish()
        return result
    }

    /// Kong's seconds (decimals allowed) as nanoseconds; at most 65535 s, so no overflow.
    private static func nanoseconds(_ seconds: Double) -> Nanoseconds {
        Nanoseconds((seconds * 1e9).rounded())
    }
}
