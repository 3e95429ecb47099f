import Foundation

extension BasicsSection {
    /// The longest run of 7 to 15 digits written the way phone numbers are — spaces, dots,
    /// dashes, slashes, a leading "+", an area code in brackets ("(512) 555-0199",
    /// "+1 (206) 555 0173") — that is not a date range ("2014 - 2016", "03/2017 - 12/2019").
    static func phone(in line: String) -> String? {
        var best = ""
        var current = ""
        var digits = 0
        func finish() {
            if (7...15).contains(digits), current.count > best.count, !isDates(current) { best = current }
            (current, digits) = ("", 0)
        }
        for character in line {
            if character.isASCII && character.isNumber {
                current.append(character)
                digits += 1
            } else if character == "+" && current.isEmpty {
                current.append(character)
            } else if character == "(" {
                // An area code opens a number, or follows a country code: "+1 (206)". After
                // more digits it starts another run ("Chicago, IL 60614 (312) 555-0147").
                if digits > 3 { finish() }
                current.append(character)
            } else if " .-/)".contains(character) && !current.isEmpty {
                current.append(character)
            } else {
                finish()
            }
        }
        finish()
        let trimmed = best.trimmingCharacters(in: CharacterSet(charactersIn: " .-/"))
        var phone = trimmed
        // A bracket the run caught from the text around it, not the number's own.
        if phone.hasSuffix("(") || (phone.hasSuffix(")") && !phone.contains("(")) { phone = phone.dropLast().trimmingCharacters(in: .whitespaces) }
        return phone.filter(\.isNumber).count >= 7 ? phone : nil
    }

    /// A run whose digits are mostly a date range's: fewer than 7 digits outside its dates.
    private static func isDates(_ run: String) -> Bool {
        guard let found = ResumeDates.range(in: run) else { return false }
        let outside = run[..<found.text.lowerBound] + run[found.text.upperBound...]
        return outside.filter(\.isNumber).count < 7
    }
}
