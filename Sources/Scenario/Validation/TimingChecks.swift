/// Run timing: a warmup that swallows most of the run leaves little to measure.
enum TimingChecks {
    static func diagnostics(_ scenario: Scenario) -> [Diagnostic] {
        let warmup = scenario.warmup
        let duration = scenario.duration
        guard warmup > 0, warmup >= duration - warmup else { return [] }
        let location = scenario.location(ofSection: "warmup")
        let (w, d) = (DurationText.format(warmup), DurationText.format(duration))
        if warmup >= duration {
            return [.warning("warmup \(w) is not shorter than duration \(d), so no request is counted", at: location)]
        }
        return [.warning("warmup \(w) is at least half of duration \(d), so most of the run is not counted", at: location)]
    }
}
