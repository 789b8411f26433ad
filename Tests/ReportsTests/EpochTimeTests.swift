import Testing
@testable import Reports

/// `--start-time`'s RFC 3339 reader, against Unix times worked out by hand (days × 86,400 +
/// time of day − offset) and the well-known ends of the four-digit years.
@Suite struct EpochTimeTests {
    @Test(arguments: [
        ("2000-01-01T00:00:00Z", 946_684_800, 0),
        ("1970-01-01T00:00:00Z", 0, 0),
        // 56 years with 14 leap days, then 334 days of Jan…Nov and 6 of December: 20,794 days.
        ("2026-12-07T14:10:04Z", 1_796_652_604, 0),
        // 59 days after 2000-01-01, 12:00 at +01:00 is 11:00Z.
        ("2000-02-29T12:00:00.5+01:00", 951_822_000, 500_000_000),
        ("1999-12-31T19:00:00-05:00", 946_684_800, 0),
        ("2000-01-01T00:00:00-05:30", 946_704_600, 0),
        ("2000-01-01t00:00:00.123456789z", 946_684_800, 123_456_789),
        ("1969-12-31T23:59:59.5Z", -1, 500_000_000),
        // 0001-01-01 is −62,135,596,800; year 0 is a leap year of 366 days, and March 1 is 60 days in.
        ("0000-03-01T00:00:00Z", -62_162_035_200, 0),
        ("9999-12-31T23:59:59Z", 253_402_300_799, 0),
    ] as [(String, Int64, Int64)])
    func readsTheInstant(text: String, seconds: Int64, nanoseconds: Int64) {
        #expect(EpochTime(rfc3339: text) == EpochTime(seconds: seconds, nanoseconds: nanoseconds))
    }

    @Test(arguments: [
        "", "2000-01-01", "2000-01-01T00:00:00", "2000-01-01 00:00:00Z", "2000-1-01T00:00:00Z", "20000-01-01T00:00:00Z",
        "2001-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2000-04-31T00:00:00Z", "2000-13-01T00:00:00Z", "2000-00-10T00:00:00Z",
        "2000-01-00T00:00:00Z", "2000-01-01T24:00:00Z", "2000-01-01T00:60:00Z", "2000-01-01T23:59:60Z",
        "2000-01-01T00:00:00.Z", "2000-01-01T00:00:00.1234567890Z", "2000-01-01T00:00:00+0100", "2000-01-01T00:00:00+24:00",
        "2000-01-01T00:00:00+01:00x", "2000-01-01T00:00:00ZZ", "２000-01-01T00:00:00Z", "-2000-01-01T00:00:00Z",
    ])
    func refusesWhatIsNotAnRFC3339Time(text: String) {
        #expect(EpochTime(rfc3339: text) == nil)
    }

    @Test func timestampTextIsWholeOrTrimmedToNineDecimals() {
        let start = EpochTime(seconds: 946_684_800)
        #expect(start.timestampText(after: 10_000_000_000) == "946684810")
        #expect(start.timestampText(after: 1_500_000_000) == "946684801.5")
        #expect(start.timestampText(after: 1) == "946684800.000000001")
        #expect(EpochTime(seconds: 0, nanoseconds: 999_999_999).timestampText(after: 1) == "1")
        // Before 1970: −1 s + 0.5 s is −0.5, and −2 s + 0.25 s is −1.75.
        #expect(EpochTime(seconds: -1, nanoseconds: 500_000_000).timestampText(after: 0) == "-0.5")
        #expect(EpochTime(seconds: -2).timestampText(after: 250_000_000) == "-1.75")
        #expect(EpochTime(seconds: -2).timestampText(after: 0) == "-2")
    }
}
