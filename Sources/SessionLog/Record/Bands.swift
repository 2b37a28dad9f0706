// The bands are the only form in which a citizen's figures reach the disk. Each is coarse enough
// that, combined with a date, an hour and a kiosk, it does not single out a resident of a small
// 동 (개인정보 보호법 treats combinable data as personal). Raw values are folded here, in memory,
// and never cross into the stored record.

// MARK: - Age

/// The citizen's age, in the bands welfare programmes themselves draw lines at.
///
/// Why these: 0–5 (영유아), 6–18 (school age), 19–34 (youth programmes), 35–64 (working age),
/// 65–74 (기초연금 from 65), 75+ (older old). Both ends are inclusive: 5 is in "0-5", 6 in "6-18".
public enum AgeBand: String, CaseIterable, Sendable, Codable {
    case upTo5 = "0-5"
    case from6To18 = "6-18"
    case from19To34 = "19-34"
    case from35To64 = "35-64"
    case from65To74 = "65-74"
    case from75 = "75+"
    case unknown

    /// Folds an age in full years; `nil` or a negative age (a mistake the UI should have caught)
    /// is `unknown`, never a guess.
    public init(age: Int?) {
        guard let age, age >= 0 else { self = .unknown; return }
        switch age {
        case ...5: self = .upTo5
        case ...18: self = .from6To18
        case ...34: self = .from19To34
        case ...64: self = .from35To64
        case ...74: self = .from65To74
        default: self = .from75
        }
    }
}

// MARK: - Household size

/// People in the household (세대원), the applicant included.
///
/// Why only two bands: a household of 6 or 7 is rare enough in one 동 to identify a family, so
/// everything from 5 up is one band. "1-4" is 1 to 4 people inclusive.
public enum HouseholdBand: String, CaseIterable, Sendable, Codable {
    case upTo4 = "1-4"
    case from5 = "5+"
    case unknown

    /// Folds a household size; `nil` or a size below 1 is `unknown`.
    public init(size: Int?) {
        guard let size, size >= 1 else { self = .unknown; return }
        self = size <= 4 ? .upTo4 : .from5
    }
}

// MARK: - Recognised income

/// Recognised income (소득인정액) as a share of the standard median income (기준 중위소득).
///
/// Why these edges: they are the lines programmes draw — 32 % 생계급여, 40 % 의료급여,
/// 48 % 주거급여, 50 % 교육급여 and 차상위, 65 % 한부모, 75 %, 100 %. Each band includes its upper
/// edge: a ratio of exactly 0.32 is "<=32", 0.3201 is "<=40". The won amount itself is never
/// passed here — only the ratio — so it cannot be stored by accident.
public enum IncomeBand: String, CaseIterable, Sendable, Codable {
    case upTo32 = "<=32"
    case upTo40 = "<=40"
    case upTo48 = "<=48"
    case upTo50 = "<=50"
    case upTo65 = "<=65"
    case upTo75 = "<=75"
    case upTo100 = "<=100"
    case above100 = ">100"
    case unknown

    /// Folds a ratio (0.32 means 32 % of the median); `nil`, NaN or a negative ratio is `unknown`.
    public init(ratioOfMedian ratio: Double?) {
        guard let ratio, ratio.isFinite, ratio >= 0 else { self = .unknown; return }
        // A hair of tolerance (a billionth of the median, well under one won) so that a ratio
        // computed as 820,556 / 2,564,238 still lands on its edge despite floating point; a
        // won past the edge is past it.
        let tolerance = 1e-9
        switch ratio {
        case ...(0.32 + tolerance): self = .upTo32
        case ...(0.40 + tolerance): self = .upTo40
        case ...(0.48 + tolerance): self = .upTo48
        case ...(0.50 + tolerance): self = .upTo50
        case ...(0.65 + tolerance): self = .upTo65
        case ...(0.75 + tolerance): self = .upTo75
        case ...(1.00 + tolerance): self = .upTo100
        default: self = .above100
        }
    }
}

// MARK: - Explanation latency

/// How long the citizen waited for an explanation of the results.
///
/// Why bands: an exact millisecond figure is a fingerprint of one session; a band still tells
/// staff whether the model server is keeping up. Upper edges are inclusive: 500 ms is "<=0.5s".
public enum LatencyBand: String, CaseIterable, Sendable, Codable {
    case upTo500ms = "<=0.5s"
    case upTo1s = "<=1s"
    case upTo2s = "<=2s"
    case upTo5s = "<=5s"
    case upTo10s = "<=10s"
    case above10s = ">10s"
    /// No explanation was produced, or its time was not measured.
    case none

    /// Folds a latency in milliseconds; `nil`, NaN or a negative latency is `none`.
    public init(milliseconds: Double?) {
        guard let ms = milliseconds, ms.isFinite, ms >= 0 else { self = .none; return }
        switch ms {
        case ...500: self = .upTo500ms
        case ...1_000: self = .upTo1s
        case ...2_000: self = .upTo2s
        case ...5_000: self = .upTo5s
        case ...10_000: self = .upTo10s
        default: self = .above10s
        }
    }
}
