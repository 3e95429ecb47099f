import Foundation

/// A job board's address as a person copies it from the browser — "https://boards.greenhouse.io/acme",
/// "jobs.lever.co/acme/…", "https://acme.recruitee.com" — read as the source it names: its
/// kind and its identifier. Nil for any other address (a feed, a careers page).
public enum BoardAddress {
    public static func recognize(_ text: String) -> (kind: SourceKind, identifier: String)? {
        var address = text.trimmingCharacters(in: .whitespaces)
        guard address.count <= 2_048, !address.isEmpty else { return nil }
        if !address.lowercased().hasPrefix("http://") && !address.lowercased().hasPrefix("https://") { address = "https://" + address }
        guard let components = URLComponents(string: address), let host = components.host?.lowercased() else { return nil }
        let parts = components.percentEncodedPath.split(separator: "/").map(String.init)
        func safe(_ text: String?) -> String? {
            guard let text, !text.isEmpty, text.count <= 100,
                  text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }) else { return nil }
            return text
        }
        switch host {
        case "boards.greenhouse.io", "job-boards.greenhouse.io", "job-boards.eu.greenhouse.io":
            // "/embed/job_board?for=acme" is the embedded board's address.
            if parts.first == "embed", let board = safe(components.queryItems?.first(where: { $0.name == "for" })?.value) { return (.greenhouse, board) }
            return safe(parts.first).map { (.greenhouse, $0) }
        case "boards-api.greenhouse.io":
            if parts.count >= 3, parts[0] == "v1", parts[1] == "boards" { return safe(parts[2]).map { (.greenhouse, $0) } }
        case "jobs.lever.co", "api.lever.co":
            return safe(host == "api.lever.co" ? parts.dropFirst(2).first : parts.first).map { (.lever, $0) }
        case "jobs.eu.lever.co", "api.eu.lever.co":
            return safe(host == "api.eu.lever.co" ? parts.dropFirst(2).first : parts.first).map { (.leverEU, $0) }
        case "jobs.ashbyhq.com":
            return safe(parts.first).map { (.ashby, $0) }
        case "jobs.smartrecruiters.com", "careers.smartrecruiters.com":
            return safe(parts.first).map { (.smartrecruiters, $0) }
        case "apply.workable.com":
            return safe(parts.first).map { (.workable, $0) }
        default:
            if host.hasSuffix(".recruitee.com"), let company = safe(String(host.dropLast(".recruitee.com".count))), !company.contains(".") {
                return (.recruitee, company)
            }
        }
        return nil
    }
}
