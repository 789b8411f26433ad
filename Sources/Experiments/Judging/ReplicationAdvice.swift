/// How many replications would likely decide an inconclusive assertion: the smallest n
/// whose 95% half-width, t(0.975, n − 1) · s / √n with the spread s seen so far, is
/// smaller than the distance of the mean from the threshold, so that the interval would
/// lie on one side of it. This is Law's number of replications for an absolute error β,
/// min{i ≥ n : t(i − 1, 0.975) · √(S²(n) / i) ≤ β} (Simulation Modeling and Analysis,
/// 5th ed., chapter 9), with β the distance and a strict inequality, as a threshold on the
/// interval's edge does not decide `<`. "Likely": more replications move the mean and s too.
enum ReplicationAdvice {
    static func text(_ estimate: Estimate, threshold: Double) -> String {
        let gap = (estimate.mean - threshold).magnitude
        let s = estimate.standardDeviation
        // No half-width is smaller than 0. (Without spread the interval is a point, which
        // decides every operator, so an inconclusive assertion has s > 0.)
        guard gap > 0 else {
            return "more replications cannot decide it: the mean is on the threshold"
        }
        let cap = Replication.maximum
        guard decides(cap, s, gap) else {
            return "more than \(grouped(cap)) replications would be needed to decide it"
        }
        // The half-width shrinks as n grows (t falls with the degrees of freedom, and so
        // does 1/√n), so the n that decide form a range up to the cap: bisect for its start.
        var undecided = max(1, min(estimate.n, cap - 1)), deciding = cap
        while deciding - undecided > 1 {
            let middle = undecided + (deciding - undecided) / 2
            if decides(middle, s, gap) { deciding = middle } else { undecided = middle }
        }
        return "about \(grouped(deciding)) replications would likely decide it"
    }

    private static func decides(_ n: Int, _ s: Double, _ gap: Double) -> Bool {
        guard let t = StudentT.quantile975(degreesOfFreedom: n - 1) else { return false }
        return t * s / Double(n).squareRoot() < gap
    }

    /// 10000 → "10,000".
    private static func grouped(_ n: Int) -> String {
        var digits = String(n), groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        return ([Substring(digits)] + groups).joined(separator: ",")
    }
}
