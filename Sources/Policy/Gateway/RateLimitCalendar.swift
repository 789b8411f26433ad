import Scenario

/// Kong's rate-limiting windows (`kong/tools/timestamp.lua`): fixed windows aligned to UTC
/// calendar boundaries, the start of the current second, minute, hour, day, first of the
/// month and first of the year.
///
/// Simulated t = 0 is 2025-01-01T00:00:00Z, so every window starts at a boundary when the
/// run starts. 2025 is not a leap year: the month windows of the first year are 31, 28, 31,
/// 30, … days (February ends at day 59), the year window is 365 days; later years follow the
/// Gregorian calendar (2028 is a leap year). All arithmetic is on integers; a window end
/// beyond the range of `Nanoseconds` is clamped to `Int64.max`.
public enum RateLimitCalendar {
    static let second: Nanoseconds = 1_000_000_000
    static let day: Nanoseconds = 86_400 * second
    /// Days from 1970-01-01 to 2025-01-01.
    static let epochDayOfStart: Int64 = 20_089

    public static func windowStart(_ period: RateLimitingConfig.Period, at now: Nanoseconds) -> Nanoseconds {
        switch period {
        case .second, .minute, .hour, .day:
            let size = fixedSize(period)
            return scale(floorDivide(now, size), by: size)
        case .month:
            let date = civilDate(ofDay: floorDivide(now, day))
            return nanoseconds(ofDay: dayNumber(year: date.year, month: date.month))
        case .year:
            let date = civilDate(ofDay: floorDivide(now, day))
            return nanoseconds(ofDay: dayNumber(year: date.year, month: 1))
        }
    }

    public static func windowEnd(_ period: RateLimitingConfig.Period, at now: Nanoseconds) -> Nanoseconds {
        switch period {
        case .second, .minute, .hour, .day:
            let (end, overflow) = windowStart(period, at: now).addingReportingOverflow(fixedSize(period))
            return overflow ? .max : end
        case .month:
            let date = civilDate(ofDay: floorDivide(now, day))
            let next = date.month == 12 ? (date.year + 1, Int64(1)) : (date.year, date.month + 1)
            return nanoseconds(ofDay: dayNumber(year: next.0, month: next.1))
        case .year:
            let date = civilDate(ofDay: floorDivide(now, day))
            return nanoseconds(ofDay: dayNumber(year: date.year + 1, month: 1))
        }
    }

    /// Whole seconds from the start of the second holding `now` to the window end, at least 1:
    /// Kong's `RateLimit-Reset`, which counts from `ngx.time()` (whole seconds).
    static func secondsToEnd(_ period: RateLimitingConfig.Period, at now: Nanoseconds) -> Int {
        let from = scale(floorDivide(now, second), by: second)
        let (span, overflow) = windowEnd(period, at: now).subtractingReportingOverflow(from)
        return overflow ? Int(Int64.max / second) : max(1, Int(span / second))
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor < 0) ? quotient - 1 : quotient
    }

    private static func fixedSize(_ period: RateLimitingConfig.Period) -> Nanoseconds {
        switch period {
        case .second: return second
        case .minute: return 60 * second
        case .hour: return 3_600 * second
        default: return day
        }
    }

    private static func nanoseconds(ofDay day: Int64) -> Nanoseconds {
        scale(day, by: Self.day)
    }

    /// `count × size`, clamped to the range of `Nanoseconds`.
    private static func scale(_ count: Int64, by size: Int64) -> Nanoseconds {
        let (value, overflow) = count.multipliedReportingOverflow(by: size)
        return overflow ? (count < 0 ? .min : .max) : value
    }

    /// Simulation day (0 = 2025-01-01) of the first of `month` in `year`
    /// (H. Hinnant's days-from-civil, proleptic Gregorian).
    private static func dayNumber(year: Int64, month: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468 - epochDayOfStart
    }

    /// Year and month (1…12) of a simulation day (H. Hinnant's civil-from-days).
    private static func civilDate(ofDay simulationDay: Int64) -> (year: Int64, month: Int64) {
        let days = simulationDay + epochDayOfStart + 719_468
        let era = floorDivide(days, 146_097)
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month)
    }
}
