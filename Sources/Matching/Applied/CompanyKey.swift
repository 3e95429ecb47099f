/// A company's name as a key that boards agree on: lowercase letters and digits, without a
/// leading "the" and without the legal forms at its end ("Acme Inc." and "ACME" are both
/// "acme"; "Acme Labs GmbH" is "acmelabs"). A name that is only a legal form keeps it.
enum CompanyKey {
    static let legalForms: Set<String> = [
        "inc", "incorporated", "llc", "ltd", "limited", "gmbh", "ag", "co", "corp", "corporation", "company", "plc", "sa", "sas",
        "sarl", "bv", "nv", "se", "srl", "spa", "oy", "ab", "as", "asa", "aps", "pty", "kg", "ug", "lp", "llp", "kk", "pte", "mbh",
    ]

    static func of(_ name: String) -> String {
        var words: [String] = []
        var current = ""
        for character in name.prefix(200).lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == "." || character == "'" || character == "’" {
                // "Inc." and "S.A." are one word; "O'Reilly" too.
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        if words.first == "the", words.count > 1 { words.removeFirst() }
        var kept = words
        while let last = kept.last, legalForms.contains(last), kept.count > 1 { kept.removeLast() }
        // "Acme & Co. KG": the forms may be several, joined by "&".
        if kept.last == "and", kept.count > 1 { kept.removeLast() }
        return kept.joined()
    }
}
