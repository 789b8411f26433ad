import Scenario

/// Deterministic, locale-free number text for the report files and the terminal.
///
/// Every rounding is half away from zero and is done on decimal digits, never in binary
/// floating point and never through `String(format:)`, so the same value prints the same
/// on every machine. A `Double` counts as the shortest decimal that reads back as it
/// (0.0125 is taken to be exactly 0.0125). Infinities and NaN print as an empty string,
/// the same as a missing value.
public enum NumberFormat {
    /// Nanoseconds as milliseconds with three decimals: 1_234_567 → "1.235", 999_999 → "1.000".
    /// Integer arithmetic, the same digits as `DecimalDigits` would give: a report writes
    /// two per time-series row, hundreds of thousands in a run of thousands of services.
    public static func milliseconds(_ ns: Nanoseconds) -> String {
        // Rounded half away from zero to whole microseconds.
        let micros = (ns.magnitude + 500) / 1000
        let fraction = String(micros % 1000)
        let sign = ns < 0 && micros > 0 ? "-" : ""
        return sign + String(micros / 1000) + "." + String(repeating: "0", count: 3 - fraction.utf8.count) + fraction
    }

    /// Nanoseconds as milliseconds with three decimals, for the mean: 1_234_500.0 → "1.235".
    public static func milliseconds(_ ns: Double) -> String {
        DecimalDigits(ns)?.scaled(byPowerOfTen: -6).fixed(places: 3) ?? ""
    }

    /// Nanoseconds as seconds (`t_s`), rounded to the millisecond and written as short as
    /// it stays exact: whole seconds without a point ("10"), otherwise up to three decimals
    /// without trailing zeros ("0.5", "12.25", "1.001"). Times in these columns are interval
    /// ends and event times, which are whole milliseconds in every usual scenario.
    public static func seconds(_ ns: Nanoseconds) -> String {
        DecimalDigits(ns).scaled(byPowerOfTen: -9).trimmed(places: 3)
    }

    /// Exactly `places` decimals (at least 0): error_rate with 6 ("0.012345"), rps with 3 ("12.500").
    public static func decimal(_ x: Double, places: Int) -> String {
        DecimalDigits(x)?.fixed(places: places) ?? ""
    }

    /// Up to `places` decimals without trailing zeros, for values usually whole, such as a
    /// route weight in percent: 25.0 → "25", 100.0 / 3 → "33.333" with 3 places.
    public static func compact(_ x: Double, places: Int) -> String {
        DecimalDigits(x)?.trimmed(places: places) ?? ""
    }
}
