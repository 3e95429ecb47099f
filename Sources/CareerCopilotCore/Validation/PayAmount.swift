import Foundation

/// An amount of pay as a person types it into a form: "80000", "80,000", "80.000", "80 000",
/// "80'000", "85.000,50", "$120,000.50", "€80.000", "80k", "1.2m", "EUR 60000".
///
/// The reading is strict where people's habits differ: a separator followed by exactly three
/// digits groups thousands, one followed by one or two digits is the decimal point, and when
/// both "." and "," appear the last one is the decimal point. Anything else ("80-100k", "1e9",
/// "12.3456", "eighty") is not an amount: the person is asked again rather than given a
/// number they did not mean.
public struct PayAmount: Sendable, Equatable {
    public var value: Double
    /// The currency its sign or code names ("€" → EUR), if any.
    public var currency: String?

    public init(value: Double, currency: String? = nil) {
        self.value = value
        self.currency = currency
    }

    /// Longer than any amount a person types: refused unread, so reading stays cheap.
    static let maximumLength = 40

    public static func read(_ text: String) -> PayAmount? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty, rest.utf8.count <= maximumLength else { return nil }
        let currency = takeCurrency(&rest)
        // Spaces and apostrophes only ever group digits.
        let spaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}", "'", "\u{2019}", "_"]
        var body = String(rest.filter { !spaces.contains($0) })
        var multiplier = 1.0
        switch body.last {
        case "k", "K": multiplier = 1_000
        case "m", "M": multiplier = 1_000_000
        default: break
        }
        if multiplier > 1 { body.removeLast() }
        guard let first = body.first, let last = body.last, first.isASCII, first.isNumber, last.isASCII, last.isNumber,
            body.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," })
        else { return nil }
        guard let (whole, fraction) = split(body, scaled: multiplier > 1) else { return nil }
        guard let value = Double(whole + (fraction.isEmpty ? "" : "." + fraction)), value.isFinite else { return nil }
        return PayAmount(value: value * multiplier, currency: currency)
    }

    /// The digits before and after the decimal point, or nil when the separators do not fit
    /// one reading. `scaled`: a k or m followed, so a decimal point is likely ("80.5k").
    private static func split(_ body: String, scaled: Bool) -> (String, String)? {
        let dots = body.filter { $0 == "." }.count, commas = body.filter { $0 == "," }.count
        var decimal: Character?
        if dots > 0, commas > 0 {
            decimal = body.lastIndex(of: ".")! > body.lastIndex(of: ",")! ? "." : ","
            if (decimal == "." ? dots : commas) > 1 { return nil }
        } else if dots + commas == 1 {
            let mark: Character = dots == 1 ? "." : ","
            let after = body.split(separator: mark, omittingEmptySubsequences: false)[1].count
            if scaled || after < 3 { decimal = mark } else if after > 3 { return nil }
        }
        var whole = body, fraction = ""
        if let decimal, let index = body.lastIndex(of: decimal) {
            whole = String(body[..<index])
            fraction = String(body[body.index(after: index)...])
            guard !fraction.isEmpty, fraction.count <= (scaled ? 3 : 2) else { return nil }
        }
        let groups = whole.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "," }
        if groups.count > 1 {
            // Grouped thousands: 1–3 digits, then groups of exactly three ("80,000", "1.250.000").
            guard let head = groups.first, (1...3).contains(head.count), !(head.count > 1 && head.first == "0"),
                groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
        }
        return (groups.joined(), fraction)
    }

    /// Removes a currency sign or code at either end ("€80.000", "80.000 €", "EUR 60000",
    /// "US$ 90k") and returns its ISO code.
    private static func takeCurrency(_ text: inout Substring) -> String? {
        let signs = SalaryParser.prefixedDollars.merging(SalaryParser.symbols) { first, _ in first }
            .sorted { $0.key.count > $1.key.count }
        for (sign, code) in signs {
            if text.hasPrefix(sign) { text = text.dropFirst(sign.count); return trimmed(&text, code) }
            if text.hasSuffix(sign) { text = text.dropLast(sign.count); return trimmed(&text, code) }
        }
        let upper = text.uppercased()
        for code in SalaryParser.codes {
            if upper.hasPrefix(code) { text = text.dropFirst(code.count); return trimmed(&text, code) }
            if upper.hasSuffix(code) { text = text.dropLast(code.count); return trimmed(&text, code) }
        }
        return nil
    }

    private static func trimmed(_ text: inout Substring, _ code: String) -> String {
        text = Substring(text.trimmingCharacters(in: .whitespaces))
        return code
    }
}
