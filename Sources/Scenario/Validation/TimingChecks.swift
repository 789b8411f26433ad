/// Run timing: a warmup that swallows most of the run leaves little to measure.
enum TimingChecks {
    static func diagnostics(_ scenario: Scenario) -> [Diagnostic] {
        let warmup = scenario.warmup
        let duration = scenario.duration
        guard warmup > 0, warmup >= duration - warmup else { return [] }
        let location = sectionLocation("warmup", scenario)
        let (w, d) = (DurationText.format(warmup), DurationText.format(duration))
        if warmup >= duration {
            return [.warning("warmup \(w) is not shorter than duration \(d), so no request is counted", at: location)]
        }
        return [.warning("warmup \(w) is at least half of duration \(d), so most of the run is not counted", at: location)]
    }

    /// Where a top-level key is written; the decoder records it, and the start of the file
    /// stands in when it did not.
    private static func sectionLocation(_ key: String, _ scenario: Scenario) -> SourceLocation {
        if let location = scenario.sectionLocations[key] ?? scenario.sectionLocations["duration"] {
            return location
        }
        let file = scenario.clients.first?.location.file ?? scenario.services.first?.location.file ?? ""
        return SourceLocation(file: file, line: 1, column: 1)
    }
}
