import Scenario

/// The error of a run stopped by the cap on records in flight (`RunLimits.inFlight`): how many
/// were alive, where they piled up, and what to change.
enum InFlightMessage {
    static func text(inFlight: Int, limit: Int, at time: Nanoseconds, congestion: Congestion?) -> String {
        var text = "\(CountText.grouped(inFlight)) requests, calls and attempts in flight at t = \(seconds(time)) s, over the limit of \(CountText.grouped(limit))"
        guard let congestion else {
            return text + "; raise --max-in-flight or lower the load"
        }
        var capacity = congestion.capacity.isFinite ? "\(CountText.grouped(congestion.capacity)) req/s" : "unlimited"
        if congestion.makesCalls { capacity += ", less while its workers wait on calls" }
        if congestion.queued > 0 {
            let field = congestion.name == "the gateway" ? "gateway.queue" : "queue"
            text += ": \(congestion.name)'s queue grew to \(CountText.grouped(congestion.queued)) waiting requests (capacity \(capacity))"
            text += "; raise --max-in-flight, add a queue limit (\(field): 100) or lower the load"
        } else {
            text += ": \(congestion.name) is serving \(CountText.grouped(congestion.serving)) requests at once (capacity \(capacity))"
            text += "; raise --max-in-flight, or lower the load or the calls each request makes"
        }
        return text
    }

    /// Seconds to the nanosecond, without trailing zeros: 12_300_000_000 → "12.3", 333 → "0.000000333".
    static func seconds(_ time: Nanoseconds) -> String {
        var fraction = String(time % 1_000_000_000)
        guard fraction != "0" else { return String(time / 1_000_000_000) }
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(time / 1_000_000_000).\(fraction)"
    }
}
