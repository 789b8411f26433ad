/// A number as decimal digits, so that rounding to a number of places is exact digit
/// arithmetic rather than binary floating point.
///
/// The value is `0.d₁d₂…dₙ × 10^pointPosition`; `digits` has no leading or trailing zeros
/// and is empty for zero.
struct DecimalDigits: Sendable, Equatable {
    var negative: Bool
    var digits: [UInt8]
    var pointPosition: Int

    /// An integer times a power of ten: `magnitude × 10^exponent`.
    init(magnitude: UInt64, negative: Bool, exponent: Int = 0) {
        let text = String(magnitude)
        self.init(negative: negative, digits: text.utf8.map { $0 - UInt8(ascii: "0") }, pointPosition: text.utf8.count + exponent)
    }

    init(_ value: Int64) {
        self.init(magnitude: value.magnitude, negative: value < 0)
    }

    /// The shortest decimal that reads back as `value` (Swift's `description`, which is the
    /// same on every platform): 0.1 is taken to be exactly one tenth, not the binary
    /// fraction nearest to it. nil for infinities and NaN.
    init?(_ value: Double) {
        guard value.isFinite else { return nil }
        let text = value.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            guard let parsed = Int(text[text.index(after: e)...]) else { return nil }
            exponent = parsed
        }
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa = mantissa.dropFirst() }
        var digits: [UInt8] = []
        var integerDigits = 0
        var seenPoint = false
        // `description` writes ASCII: bytes, not characters (a character's numeric value is
        // a Unicode table look-up).
        for byte in mantissa.utf8 {
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                digits.append(byte - UInt8(ascii: "0"))
                if !seenPoint { integerDigits += 1 }
            } else {
                return nil
            }
        }
        self.init(negative: negative, digits: digits, pointPosition: integerDigits + exponent)
    }

    private init(negative: Bool, digits: [UInt8], pointPosition: Int) {
        var digits = digits[...]
        var point = pointPosition
        while digits.first == 0 {
            digits = digits.dropFirst()
            point -= 1
        }
        while digits.last == 0 { digits = digits.dropLast() }
        self.negative = negative
        self.digits = Array(digits)
        self.pointPosition = digits.isEmpty ? 0 : point
    }

    /// The value times `10^power`.
    func scaled(byPowerOfTen power: Int) -> DecimalDigits {
        var copy = self
        if !copy.digits.isEmpty { copy.pointPosition += power }
        return copy
    }

    /// Rounded half away from zero to exactly `places` decimals: "1.250", "0.000", "12".
    /// Negative `places` count as 0. Zero never carries a minus sign.
    func fixed(places requested: Int) -> String {
        let places = Swift.max(0, requested)
        // The value times 10^places, as integer digits, before rounding.
        let integerCount = pointPosition + places
        var units: [UInt8] = []
        if integerCount > 0 {
            units = Array(digits.prefix(integerCount))
            units += [UInt8](repeating: 0, count: Swift.max(0, integerCount - digits.count))
        }
        if integerCount >= 0, integerCount < digits.count, digits[integerCount] >= 5 {
            DecimalDigits.increment(&units)
        }
        if units.count < places + 1 {
            units.insert(contentsOf: [UInt8](repeating: 0, count: places + 1 - units.count), at: 0)
        }
        let split = units.count - places
        var text = negative && units.contains(where: { $0 != 0 }) ? "-" : ""
        text += DecimalDigits.text(units[..<split])
        if places > 0 { text += "." + DecimalDigits.text(units[split...]) }
        return text
    }

    /// As `fixed(places:)`, then without trailing fraction zeros or a bare point:
    /// "10", "0.5", "12.25".
    func trimmed(places: Int) -> String {
        let text = fixed(places: places)
        guard text.utf8.contains(UInt8(ascii: ".")) else { return text }
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == "0" { end = text.index(before: end) }
        if end > text.startIndex, text[text.index(before: end)] == "." { end = text.index(before: end) }
        return String(text[..<end])
    }

    private static func increment(_ units: inout [UInt8]) {
        var index = units.count - 1
        while index >= 0 {
            if units[index] < 9 {
                units[index] += 1
                return
            }
            units[index] = 0
            index -= 1
        }
        units.insert(1, at: 0)
    }

    private static func text(_ digits: ArraySlice<UInt8>) -> String {
        String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    }
}
