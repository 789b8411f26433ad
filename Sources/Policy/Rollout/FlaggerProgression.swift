import Scenario

/// Flagger's weight progression (`maxWeight` and `nextStepWeight` in `scheduler.go`).
///
/// `stepWeights` are the weights themselves, not increments: [5, 10, 25, 50] moves the canary
/// to 5, 10, 25 and 50, and the last one is the maximum. `stepWeight` is an increment, and
/// the weight is capped at 100 but may overshoot `maxWeight` (max 50, step 20: 20, 40, 60).
struct FlaggerProgression: Sendable {
    /// The weight at or above which the next passing tick promotes.
    let maxWeight: Int
    private let stepWeight: Int
    private let stepWeights: [Int]

    init(_ analysis: Rollout.Analysis) {
        stepWeight = analysis.stepWeight ?? 0
        // Entries outside 0…100 behave as the nearest bound in Flagger too (every step is
        // capped at 100 − weight, and a step ≤ 0 stalls), so clamping only keeps the
        // arithmetic below from overflowing.
        stepWeights = analysis.stepWeights.map { Swift.min(Swift.max($0, 0), 100) }
        if let last = stepWeights.last {
            maxWeight = last
        } else {
            // Flagger's default for an unset (0) maxWeight is the total weight, 100. Above 100
            // Flagger would advance to 100 forever and never promote; meshsim caps it.
            maxWeight = analysis.maxWeight > 0 ? Swift.min(analysis.maxWeight, 100) : 100
        }
    }

    /// The increment from `weight` (0…100). Flagger takes no progression step at all, not even
    /// the promotion, when this is not positive: a `stepWeight` of 0, or `stepWeights` that do
    /// not increase ([10, 10, 30] stalls at 10), leave the rollout where it is.
    func step(from weight: Int) -> Int {
        guard stepWeight <= 0, !stepWeights.isEmpty else { return stepWeight }
        let room = 100 - weight
        // At 100 any positive step leads to the promotion.
        guard room > 0 else { return 1 }
        guard weight > 0 else { return Swift.min(room, stepWeights[0]) }
        // The step after the first entry equal to the weight; a weight not in the list
        // (never reached through these steps) jumps to 100.
        for (current, next) in zip(stepWeights, stepWeights.dropFirst()) where current == weight {
            return Swift.min(room, next - weight)
        }
        return room
    }
}
