import Scenario

/// The text of measured values in assertion verdicts. Rounding is half away from zero on
/// the exact quotient of integers wherever the value is one, so that the same run prints
/// the same text on every machine (the engine cannot use the Reports target's formatter).
/// Public for the experiments, which print their intervals in the same words.
public enum MeasuredText {
    /// "412.031 ms", as summary.csv writes the same latency.
    static func milliseconds(_ ns: Nanoseconds) -> String {
        (ns < 0 ? "-" : "") + decimal(ns.magnitude, over: 1_000_000, places: 3) + " ms"
    }

    /// The mean, a fraction of a nanosecond: rounded to the microsecond first.
    static func milliseconds(_ ns: Double) -> String {
        let microseconds = (ns / 1_000).rounded(.toNearestOrAwayFromZero)
        guard microseconds >= 0, microseconds < 0x1p63 else { return "\(ns / 1e6) ms" }
        return decimal(UInt64(microseconds), over: 1_000, places: 3) + " ms"
    }

    /// `part / whole` in percent with two decimals: "3.20%". `whole` is not 0.
    static func percent(_ part: Int, of whole: Int) -> String {
        let (hundredfold, overflow) = UInt64(clamping: part).multipliedReportingOverflow(by: 100)
        if overflow { return "\(Double(part) * 100 / Double(whole))%" }
        return decimal(hundredfold, over: UInt64(clamping: whole), places: 2) + "%"
    }

    /// Requests per second of `duration` (not 0) with three decimals: "25.000 rps".
    static func rate(_ count: Int, per duration: Nanoseconds) -> String {
        let (scaled, overflow) = UInt64(clamping: count).multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return "\(Double(count) * 1e9 / Double(duration)) rps" }
        return decimal(scaled, over: UInt64(clamping: duration), places: 3) + " rps"
    }

    /// `x` with exactly `places` decimals (0 to 18), signed: an average over replications
    /// ("212.345", "-0.40"), which is no quotient of integers. It is scaled and rounded half
    /// away from zero in binary, whose basic operations IEEE 754 rounds alike everywhere.
    public static func fixed(_ x: Double, places: Int) -> String {
        let places = min(max(places, 0), 18)
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let steps = (x * scale).rounded(.toNearestOrAwayFromZero)
        guard steps.magnitude < 0x1p63 else { return "\(x)" }
        return (steps < 0 ? "-" : "") + decimal(UInt64(steps.magnitude), over: UInt64(scale), places: places)
    }

    /// `numerator / denominator` (denominator > 0) with exactly `places` decimals (0 to 18).
    static func decimal(_ numerator: UInt64, over denominator: UInt64, places: Int) -> String {
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let wide = numerator.multipliedFullWidth(by: scale)
        // The quotient fits in 64 bits only when the high half is below the divisor; beyond
        // that (never in a real run) the plain floating-point value is good enough.
        guard denominator > 0, wide.high < denominator else { return "\(Double(numerator) / Double(denominator))" }
        let (quotient, remainder) = denominator.dividingFullWidth(wide)
        let roundsUp = remainder >= denominator - remainder
        let (rounded, overflow) = quotient.addingReportingOverflow(roundsUp ? 1 : 0)
        if overflow { return "\(Double(numerator) / Double(denominator))" }
        let digits = String(rounded)
        guard places > 0 else { return digits }
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        return "\(padded.dropLast(places)).\(padded.suffix(places))"
    }
}
