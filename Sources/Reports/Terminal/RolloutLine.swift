import Engine
import Scenario

/// The rollout's line under the summary table: how it ended, when, and what the canary served
/// before it did.
public enum RolloutLine {
    public static func render(_ outcome: RolloutOutcome) -> String {
        let ending: String
        switch outcome.result {
        case .promoted: ending = "promoted at \(outcome.time.map(DurationText.format) ?? "?")"
        case .rolledBack: ending = "rolled back at \(outcome.time.map(DurationText.format) ?? "?")"
        case .incomplete: ending = "incomplete when the run ended (canary weight \(outcome.finalWeight)%)"
        }
        let errorShare = outcome.canaryRequests == 0 ? 0 : Double(outcome.canaryErrors) * 100 / Double(outcome.canaryRequests)
        return "rollout \(outcome.service) \(outcome.stable) → \(outcome.canary): \(ending); "
            + "the canary served \(count(outcome.canaryRequests, "request")), \(count(outcome.canaryErrors, "error")) "
            + "(\(NumberFormat.decimal(errorShare, places: 2))%)"
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
