import Foundation

extension Day {
    /// The calendar day of a moment, in the kiosk's time zone (the machine's by default).
    public init(_ date: Date, calendar: Calendar = .current) {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: c.year!, month: c.month!, day: c.day!)!
    }
}
