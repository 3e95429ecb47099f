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

    /// True for an `http` or `https` URL written only with what RFC 3986 allows: a host name
    /// (letters, digits, '.', '-'), an optional port, then a path, query and fragment of URI
    /// characters and `%XX` escapes. What a job's link is checked by, and what the API's schema
    /// says in `linkPattern`; read in one pass.
    public static func isLink(_ string: String) -> Bool {
        let bytes = Array(string.utf8)
        var index = 0
        func take(_ text: String) -> Bool {
            let expected = Array(text.utf8)
            guard bytes.count - index >= expected.count else { return false }
            for (offset, byte) in expected.enumerated() {
                let actual = bytes[index + offset]
                let lowered = (0x41...0x5A).contains(actual) ? actual | 0x20 : actual
                guard lowered == byte else { return false }
            }
            index += expected.count
            return true
        }
        guard take("http"), take("s://") || take("://") else { return false }
        let hostStart = index
        while index < bytes.count, isLetterOrDigit(bytes[index]) || bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "-") {
            index += 1
        }
        guard index > hostStart else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            let portStart = index + 1
            index = portStart
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            guard (1...5).contains(index - portStart) else { return false }
        }
        guard index < bytes.count else { return true }
        guard [UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#")].contains(bytes[index]) else { return false }
        // Path and query (`/` and `?` anywhere), then one `#` and the fragment.
        var inFragment = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            if byte == UInt8(ascii: "#") {
                guard !inFragment else { return false }
                inFragment = true
            } else if !(isLetterOrDigit(byte) || "-._~!$&'()*+,;=:@/?".utf8.contains(byte)) {
                return false
            }
            index += 1
        }
        return true
    }

    /// `isLink` as a JSON Schema pattern; blank too (surrounding blanks are trimmed, and a
    /// blank link clears the field).
    public static let linkPattern =
        "^[ \\t\\n\\r]*([Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?]([A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})*)?"
        + "(#([A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})*)?)?[ \\t\\n\\r]*$"

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
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
