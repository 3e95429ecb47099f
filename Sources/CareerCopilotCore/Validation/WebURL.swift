import Foundation

/// Checks on URLs that users and sources give us.
public enum WebURL {
    /// True for an absolute `http` or `https` URL with a host, no credentials and no whitespace.
    public static func isAbsoluteHTTP(_ string: String) -> Bool {
        guard !string.contains(where: { $0.isWhitespace }),
            let components = URLComponents(string: string),
            let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty,
            components.user == nil, components.password == nil
        else { return false }
        return true
    }

    /// A path of this site to return to (`next` after sign-in), or nil. Only printable ASCII
    /// without spaces or backslashes, starting with one `/`: browsers drop tabs and newlines
    /// from URLs and read `\` as `/`, so `/\t/evil.example` would become `//evil.example`,
    /// another site.
    public static func localPath(_ candidate: String?) -> String? {
        guard let candidate, candidate.utf8.count <= 2_048, candidate.hasPrefix("/"),
            candidate.utf8.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\\") })
        else { return nil }
        let second = candidate.utf8.dropFirst().first
        guard second != UInt8(ascii: "/") else { return nil }
        return candidate
    }
}
