import CareerCopilotCore

extension Matcher {
    /// The posting's yearly pay against the person's yearly minimum. Pay in another currency
    /// is not compared (no exchange rates here): unknown, not a penalty. Only a range whose
    /// top is below the minimum fails a hard preference; a range that reaches it is partial.
    func salaryFit(_ facts: JobFacts) -> Judged {
        let maxPoints = Match.Weight.salary
        guard let pay = facts.pay, let top = pay.high ?? pay.low else {
            if minSalary == nil { return judged(.salary, .good, "The posting gives no pay; you set no minimum.", max: maxPoints, preference: .salary) }
            return judged(.salary, .unknown, "The posting gives no pay.", max: maxPoints, preference: .salary)
        }
        let pays = Self.describe(pay)
        guard let minimum = minSalary else {
            return judged(.salary, .good, "Pays \(pays); you set no minimum.", max: maxPoints, preference: .salary)
        }
        if let theirs = pay.currency, let mine = currency, theirs != mine {
            let detail = "Pays \(pays); your minimum is in \(mine), so the two are not compared."
            return judged(.salary, .unknown, detail, max: maxPoints, preference: .salary)
        }
        let minimumText = "\(Self.amount(minimum))\(currency.map { " \($0)" } ?? "")"
        let yours = "your minimum is \(minimumText)"
        switch (pay.low, pay.high) {
        case (let low?, _) where low >= minimum:
            return judged(.salary, .good, "Pays \(pays); \(yours).", max: maxPoints, preference: .salary)
        case (let low?, let high?) where high >= minimum:
            // The more of the range at or above the minimum, the better.
            let share = 0.5 + 0.5 * (high - minimum) / max(high - low, 1)
            let detail = "Pays \(pays); the upper part of the range reaches your minimum of \(minimumText)."
            return judged(.salary, .partial, detail, points: Self.points(share, of: maxPoints), max: maxPoints, preference: .salary)
        case (nil, let high?) where high >= minimum:
            return judged(.salary, .partial, "Pays up to \(pays); \(yours).", max: maxPoints, preference: .salary)
        case (_, nil):
            return judged(.salary, .partial, "Pays from \(pays); \(yours).", points: maxPoints / 2, max: maxPoints, preference: .salary)
        default:
            let detail = "Pays at most \(Self.amount(top))\(pay.currency.map { " \($0)" } ?? "") a year, below your minimum of \(minimumText)."
            return judged(.salary, .poor, detail, max: maxPoints, preference: .salary, fails: true)
        }
    }

    /// "90,000–110,000 EUR a year", or "50–60 USD an hour (about 104,000–124,800 a year)".
    static func describe(_ pay: YearlyPay) -> String {
        let code = pay.currency.map { " \($0)" } ?? ""
        let yearly = range(pay.low, pay.high)
        guard pay.period != .year else { return "\(yearly)\(code) a year" }
        let per: String
        switch pay.period {
        case .hour: per = "an hour"
        case .day: per = "a day"
        case .week: per = "a week"
        case .month: per = "a month"
        case .year: per = "a year"
        }
        return "\(range(pay.writtenLow, pay.writtenHigh))\(code) \(per) (about \(yearly) a year)"
    }

    private static func range(_ low: Double?, _ high: Double?) -> String {
        switch (low, high) {
        case (let low?, let high?) where low != high: "\(amount(low))–\(amount(high))"
        case (let low?, _): amount(low)
        case (nil, let high?): amount(high)
        case (nil, nil): "?"
        }
    }

    /// Whole units with thousands separated: 104,000. Fractions only below 100 (hourly rates).
    static func amount(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "?" }
        if value < 100, value != value.rounded() {
            let cents = Int((value * 100).rounded())
            let fraction = cents % 100
            return "\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
        }
        let whole = Int(value.rounded())
        var digits = String(abs(whole))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return (whole < 0 ? "-" : "") + digits + grouped
    }
}
