/// The range `meshsim capacity` searches, read from `--from`, `--to` and `--resolution`: a
/// number with an optional unit written after it (`200/s`, `150ms`, `2.5%`, `3`), the unit
/// kept as text and written back after every value tried, so that the scenario reads each
/// value exactly as if it were written in the file.
///
/// Values are whole multiples of 10^-places (`places` is 0 for integers), held as integers:
/// halving a bracket and printing a value are then exact, and the same on every machine.
public struct VariedValue: Sendable, Hashable {
    /// Text after the number, the same at both ends: "/s", "ms", "%", or "".
    public var unit: String
    /// Decimals of every value: 0 when both ends are whole numbers (and the resolution, if
    /// given, too), else as many as the ends or the resolution need.
    public var places: Int
    /// The ends and the resolution in units of 10^-places.
    public var from: Int64
    public var to: Int64
    /// The search stops when the passing and the failing value are at most this far apart:
    /// 1 for integers (adjacent values), (to − from) / 1000 for reals unless given.
    public var resolution: Int64

    /// Why the range cannot be read; `message` says which option and what to write instead.
    public struct Error: Swift.Error, Sendable, Hashable {
        public var message: String
    }

    /// Ends and resolutions are kept within 15 significant digits, where a `Double` holds
    /// every value exactly and sums of two never overflow.
    static let largest: Int64 = 999_999_999_999_999

    public init(from fromText: String, to toText: String, resolution resolutionText: String? = nil) throws(Error) {
        let from = try Literal(fromText, option: "--from")
        let to = try Literal(toText, option: "--to")
        guard from.unit == to.unit else {
            throw Error(message: "--from \(fromText) and --to \(toText) differ in unit (\(from.unitName) and \(to.unitName)); write both ends in the same unit")
        }
        let step = try resolutionText.map { text throws(Error) -> Literal in
            let literal = try Literal(text, option: "--resolution")
            guard literal.unit.isEmpty || literal.unit == from.unit else {
                throw Error(message: "--resolution \(text) has the unit '\(literal.unit)' but the range has \(from.unitName); write it in the range's unit or without one")
            }
            return literal
        }
        unit = from.unit
        places = max(from.fraction.count, to.fraction.count, step?.fraction.count ?? 0)
        self.from = try from.scaled(places, option: "--from")
        self.to = try to.scaled(places, option: "--to")
        guard self.from != self.to else {
            throw Error(message: "--from and --to are the same value (\(fromText)); give two ends to search between")
        }
        if let step {
            resolution = try step.scaled(places, option: "--resolution")
            guard resolution > 0, !step.negative else {
                throw Error(message: "--resolution \(resolutionText ?? "") must be above 0")
            }
            return
        }
        guard places > 0 else {
            resolution = 1
            return
        }
        // A thousandth of the range, with the decimals that needs: 0.1 to 0.5 searches to 0.0004.
        var span = self.to > self.from ? self.to - self.from : self.from - self.to
        while span < 1000 {
            guard places < 15, span.multipliedReportingOverflow(by: 10).partialValue <= Self.largest,
                  let from = Self.times10(self.from), let to = Self.times10(self.to) else { break }
            places += 1
            span *= 10
            self.from = from
            self.to = to
        }
        resolution = max(span / 1000, 1)
    }

    /// `value` (in units of 10^-places) as the scenario reads it: "610/s", "0.25%", "-3".
    public func text(_ value: Int64) -> String {
        let magnitude = value.magnitude
        var digits = String(magnitude)
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (value < 0 ? "-" : "") + digits + unit
    }

    /// The value halfway from `a` to `b`, on the grid, rounded toward `a`; strictly between
    /// them when they are at least two grid steps apart.
    public func midpoint(_ a: Int64, _ b: Int64) -> Int64 {
        a + (b - a) / 2
    }

    /// Whether `a` and `b` are close enough that the search stops between them.
    public func settled(_ a: Int64, _ b: Int64) -> Bool {
        (a > b ? a - b : b - a) <= resolution
    }

    private static func times10(_ value: Int64) -> Int64? {
        let (result, overflow) = value.multipliedReportingOverflow(by: 10)
        return overflow || result.magnitude > UInt64(largest) ? nil : result
    }

    /// `-12.50ms` read as sign, whole digits, decimal digits and the rest.
    private struct Literal {
        var negative: Bool
        var whole: Substring
        var fraction: Substring
        var unit: String

        init(_ text: String, option: String) throws(Error) {
            var rest = Substring(text)
            negative = rest.first == "-"
            if negative { rest = rest.dropFirst() }
            whole = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(whole.count)
            fraction = ""
            if rest.first == ".", let next = rest.dropFirst().first, next.isASCII, next.isNumber {
                fraction = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
                rest = rest.dropFirst(fraction.count + 1)
            }
            unit = String(rest)
            guard !whole.isEmpty || !fraction.isEmpty, rest.first != "." else {
                throw Error(message: "\(option) needs a number with an optional unit after it, such as 200/s, 150ms, 2.5% or 3, not '\(text)'")
            }
        }

        var unitName: String { unit.isEmpty ? "no unit" : "'\(unit)'" }

        /// The number in units of 10^-places; `places` is at least the fraction's length.
        func scaled(_ places: Int, option: String) throws(Error) -> Int64 {
            let digits = (whole + fraction + String(repeating: "0", count: places - fraction.count)).drop { $0 == "0" }
            guard digits.count <= 15, let magnitude = Int64(digits.isEmpty ? "0" : String(digits)), magnitude <= VariedValue.largest else {
                // The decimals may be another number's: every value shares the finest grid.
                guard places > fraction.count else {
                    throw Error(message: "\(option) has more than 15 significant digits; write a shorter number")
                }
                throw Error(message: "\(option) at the \(places) decimals the range is written with has more than 15 significant digits; write the ends and --resolution with fewer decimals")
            }
            return negative ? -magnitude : magnitude
        }
    }
}
