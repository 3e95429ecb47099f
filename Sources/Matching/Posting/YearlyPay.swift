import CareerCopilotCore

/// A posting's pay as a yearly range, so that it compares with the yearly minimum of a
/// profile: an hour is 2,080 a year (40 hours, 52 weeks), a day 260, a week 52, a month 12.
/// Amounts without a period are yearly when large and hourly when small (`SalaryParser`).
public struct YearlyPay: Sendable, Equatable, Codable {
    public var low: Double?
    public var high: Double?
    public var currency: String?
    /// The period the posting gave, for saying it back ("50–60 an hour").
    public var period: SalaryPeriod
    public var writtenLow: Double?
    public var writtenHigh: Double?

    enum CodingKeys: String, CodingKey {
        case low, high, currency, period
        case writtenLow = "written_low"
        case writtenHigh = "written_high"
    }

    /// Nil when the posting gives no usable amount: none, zero, negative, not a number, or
    /// too small or large to be pay for any period.
    public init?(min: Double?, max: Double?, currency: String?, period: SalaryPeriod?) {
        let amounts = [min, max].map { value in value.flatMap { $0.isFinite && $0 > 0 && $0 < 1e9 ? $0 : nil } }
        guard let any = amounts[0] ?? amounts[1], let period = period ?? SalaryParser.inferredPeriod(any) else { return nil }
        var low = amounts[0]
        var high = amounts[1]
        if let a = low, let b = high, a > b { (low, high) = (b, a) }
        let factor: Double
        switch period {
        case .year: factor = 1
        case .month: factor = 12
        case .week: factor = 52
        case .day: factor = 260
        case .hour: factor = 2_080
        }
        self.low = low.map { $0 * factor }
        self.high = high.map { $0 * factor }
        self.period = period
        writtenLow = low
        writtenHigh = high
        let code = currency.map { TextNormalizer.collapsingWhitespace($0).uppercased() }
        self.currency = code?.isEmpty == false ? code : nil
    }
}
