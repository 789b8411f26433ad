/// `--inconclusive fail|pass`: what an assertion whose interval straddles its threshold
/// does to the exit code. `fail` by default: a gate that cannot tell should not let a
/// change through.
public enum InconclusivePolicy: String, Sendable, Hashable, CaseIterable {
    case fail, pass
}
