import Policy
import Scenario
import Testing

/// Calendar windows of simulated time, t = 0 being 2025-01-01T00:00:00Z (a non-leap year).
@Suite struct RateLimitCalendarTests {
    let second: Nanoseconds = 1_000_000_000
    var day: Nanoseconds { 86_400 * second }

    func window(_ period: RateLimitingConfig.Period, _ at: Nanoseconds) -> Range<Nanoseconds> {
        RateLimitCalendar.windowStart(period, at: at)..<RateLimitCalendar.windowEnd(period, at: at)
    }

    @Test func secondWindowsAreWholeSeconds() {
        #expect(window(.second, 1_500_000_000) == second..<2 * second)
        #expect(window(.second, 0) == 0..<second)
    }

    @Test func theMinuteWindowResetsAt60Seconds() {
        #expect(window(.minute, 60 * second - 1) == 0..<60 * second)
        #expect(window(.minute, 60 * second) == 60 * second..<120 * second)
    }

    @Test func theHourWindowResetsAt3600Seconds() {
        #expect(window(.hour, 3_599 * second) == 0..<3_600 * second)
        #expect(window(.hour, 3_600 * second) == 3_600 * second..<7_200 * second)
    }

    @Test func theDayWindowResetsAtMidnight() {
        #expect(window(.day, day - 1) == 0..<day)
        #expect(window(.day, day + 5 * second) == day..<2 * day)
    }

    @Test func monthWindowsFollowThe2025CalendarSoFebruaryEndsAtDay59() {
        #expect(window(.month, 0) == 0..<31 * day)
        #expect(window(.month, 31 * day - 1) == 0..<31 * day)
        #expect(window(.month, 31 * day) == 31 * day..<59 * day)
        #expect(window(.month, 59 * day) == 59 * day..<90 * day)
        // December 2025: 334 days precede it (31+28+31+30+31+30+31+31+30+31+30).
        #expect(window(.month, 340 * day) == 334 * day..<365 * day)
    }

    @Test func theYearWindowIs365DaysIn2025And366In2028() {
        #expect(window(.year, 364 * day) == 0..<365 * day)
        #expect(window(.year, 365 * day) == 365 * day..<730 * day)
        // 2028 starts after 2025, 2026, 2027 (3 × 365 days) and is a leap year.
        #expect(window(.year, 1_100 * day) == 1_095 * day..<1_461 * day)
    }

    @Test func februaryOfTheLeapYear2028Has29Days() {
        // 2028-02-01 is 1095 + 31 days after the start.
        #expect(window(.month, 1_130 * day) == 1_126 * day..<1_155 * day)
    }
}
