import Foundation
import SessionLog
import Testing

@Suite("Civil time on a fixed-offset clock")
struct CivilTimeTests {
    /// Foundation's Gregorian calendar is the reference; the kiosk avoids it only for memory.
    static func reference(_ date: Date, _ zone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateComponents([.year, .month, .day, .hour], from: date)
    }

    @Test("agrees with Foundation's calendar over four centuries and several offsets",
          arguments: [9 * 3600, 0, -5 * 3600, 14 * 3600, -12 * 3600])
    func agreesWithCalendar(offset: Int) {
        let zone = TimeZone(secondsFromGMT: offset)!
        var generator = SystemRandomNumberGenerator()
        // 1900-01-01 … 2299-12-31, plus the edges of leap days and years.
        var moments = (0..<5000).map { _ in Date(timeIntervalSince1970: .random(in: -2_208_988_800...10_413_791_999, using: &generator)) }
        moments += [-1, 0, 1, 951_782_399, 951_782_400, 951_868_800, 1_709_164_800, 1_767_225_599].map { Date(timeIntervalSince1970: $0) }
        for date in moments {
            let civil = CivilTime(date, timeZone: zone)
            let expected = Self.reference(date, zone)
            let want: [Int] = [expected.year!, expected.month!, expected.day!, expected.hour!]
            #expect([civil.year, civil.month, civil.day, civil.hour] == want, "at \(date.timeIntervalSince1970)")
        }
    }

    @Test("noon and start of day land on the right local times")
    func noonAndStartOfDay() {
        let seoul = TimeZone(secondsFromGMT: 9 * 3600)!
        let noon = CivilTime.noon(year: 2026, month: 2, day: 28, timeZone: seoul)
        #expect(CivilTime(noon, timeZone: seoul) == CivilTime(Date(timeIntervalSince1970: 1_772_247_600), timeZone: seoul))
        #expect(CivilTime(noon, timeZone: seoul).hour == 12)
        let start = CivilTime.startOfDay(noon, timeZone: seoul, minusDays: 90)
        let civil = CivilTime(start, timeZone: seoul)
        let want: [Int] = [2025, 11, 30, 0]
        #expect([civil.year, civil.month, civil.day, civil.hour] == want)
    }

    @Test(arguments: [0.0, 1_764_150_108.0, 951_782_400.0, -1.0, 4_102_444_799.9, 1_709_164_800.5])
    func timestampsAreWhatISO8601DateFormatterWrites(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(CivilTime.utcTimestamp(date) == ISO8601DateFormatter().string(from: date))
        let basic = ISO8601DateFormatter()
        basic.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
        #expect(CivilTime.utcTimestamp(date, basic: true) == basic.string(from: date))
    }
}
