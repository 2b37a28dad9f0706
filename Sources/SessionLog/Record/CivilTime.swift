import Foundation

/// The calendar date and hour of a moment on a clock a fixed offset from UTC.
///
/// Why not `Calendar`: building one consults `TimeZone.current`, which loads ICU's time-zone
/// database — several megabytes of the kiosk's memory — to answer a question that, for a
/// country without daylight saving time, is arithmetic.
public struct CivilTime: Hashable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int

    /// `date` on the clock of `timeZone` (its offset at that moment).
    public init(_ date: Date, timeZone: TimeZone) {
        let local = Int((date.timeIntervalSince1970).rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let days = Int((Double(local) / 86_400).rounded(.down))
        hour = (local - days * 86_400) / 3_600
        // Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant, "chrono-Compatible
        // Low-Level Date Algorithms", civil_from_days).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The moment the day of `date` began on the clock of `timeZone`, minus `days` whole days.
    public static func startOfDay(_ date: Date, timeZone: TimeZone, minusDays days: Int = 0) -> Date {
        let offset = timeZone.secondsFromGMT(for: date)
        let local = (date.timeIntervalSince1970 + Double(offset))
        let midnight = (local / 86_400).rounded(.down) * 86_400
        return Date(timeIntervalSince1970: midnight - Double(offset) - Double(days) * 86_400)
    }

    /// Noon of a calendar date on the clock of `timeZone`.
    public static func noon(year: Int, month: Int, day: Int, timeZone: TimeZone) -> Date {
        // days_from_civil, the inverse of the above.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let utcNoon = Date(timeIntervalSince1970: Double(days) * 86_400 + 12 * 3_600)
        return utcNoon.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: utcNoon)))
    }

    /// `date` in UTC as ISO 8601, "2026-11-26T09:41:48Z" (or basic, "20261126T094148Z"): what
    /// `ISO8601DateFormatter` writes, without the ICU calendar it builds (megabytes of memory
    /// for a fixed format).
    public static func utcTimestamp(_ date: Date, basic: Bool = false) -> String {
        let utc = CivilTime(date, timeZone: TimeZone(secondsFromGMT: 0)!)
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let ofDay = ((seconds % 86_400) + 86_400) % 86_400
        let (minute, second) = ((ofDay % 3_600) / 60, ofDay % 60)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = String(utc.year)
        return basic
            ? "\(year)\(two(utc.month))\(two(utc.day))T\(two(utc.hour))\(two(minute))\(two(second))Z"
            : "\(year)-\(two(utc.month))-\(two(utc.day))T\(two(utc.hour)):\(two(minute)):\(two(second))Z"
    }
}
