import Engine

/// What `meshsim run` prints after one run: the summary tables, the rollout's line, then
/// the assertions.
public enum RunTerminal {
    public static func render(_ result: RunResult) -> String {
        var parts = [SummaryTable.render(result)]
        if let rollout = result.rollout { parts.append(RolloutLine.render(rollout)) }
        if !result.assertions.isEmpty { parts.append(AssertionList.render(result.assertions)) }
        return parts.joined(separator: "\n")
    }
}
