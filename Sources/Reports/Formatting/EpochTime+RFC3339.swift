extension EpochTime {
    /// Reads an RFC 3339 `date-time` (section 5.6): `YYYY-MM-DDTHH:MM:SS`, an optional
    /// fraction of one to nine digits, then `Z` or an offset `+HH:MM` / `-HH:MM`; `T` and `Z`
    /// may be lower case, as the RFC allows. Nil for anything else, including a day the
    /// month does not have and the leap second 60, which Unix time cannot hold.
    public init?(rfc3339 text: String) {
        var cursor = Substring(text).utf8[...]
        func number(_ digits: Int) -> Int64? {
            guard cursor.count >= digits else { return nil }
            var value: Int64 = 0
            for _ in 0..<digits {
                guard let byte = cursor.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
                cursor = cursor.dropFirst()
            }
            return value
        }
        func skip(_ characters: String) -> Bool {
            guard let byte = cursor.first, characters.utf8.contains(byte) else { return false }
            cursor = cursor.dropFirst()
            return true
        }
        guard let year = number(4), skip("-"), let month = number(2), skip("-"), let day = number(2),
              skip("Tt"), let hour = number(2), skip(":"), let minute = number(2), skip(":"), let second = number(2),
              (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60 else { return nil }
        var nanoseconds: Int64 = 0
        if skip(".") {
            var digits = 0
            while let byte = cursor.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                guard digits < 9 else { return nil }
                nanoseconds = nanoseconds * 10 + Int64(byte - UInt8(ascii: "0"))
                digits += 1
                cursor = cursor.dropFirst()
            }
            guard digits > 0 else { return nil }
            for _ in digits..<9 { nanoseconds *= 10 }
        }
        var offset: Int64 = 0
        if !skip("Zz") {
            guard let sign = cursor.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
            cursor = cursor.dropFirst()
            guard let hours = number(2), skip(":"), let minutes = number(2), hours < 24, minutes < 60 else { return nil }
            offset = (hours * 60 + minutes) * 60 * (sign == UInt8(ascii: "-") ? -1 : 1)
        }
        guard cursor.isEmpty else { return nil }
        // Local time minus its offset is UTC: 01:00+01:00 is 00:00Z.
        let days = Self.daysSince1970(year: year, month: month, day: day)
        self.init(seconds: days * 86_400 + hour * 3_600 + minute * 60 + second - offset, nanoseconds: nanoseconds)
    }

    private static func isLeap(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the date in the proleptic Gregorian calendar, counted in
    /// whole 400-year eras of 146,097 days from 0000-03-01 (March first puts the leap day
    /// at the end of the year); years 0000 … 9999 only, so nothing overflows.
    private static func daysSince1970(year: Int64, month: Int64, day: Int64) -> Int64 {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
