import Foundation

/// Host names as requests carry them (`Host`, `Origin`), for the single-user server's check
/// that a request was meant for this machine: a web page that rebinds its own name to
/// 127.0.0.1 still sends its own name in `Host`.
public enum HostHeader {
    /// The host of a `Host` value (`localhost:8000`, `[::1]:8000`, `127.0.0.1`), lower-cased,
    /// without port or brackets; nil when it is not a plausible host.
    public static func hostName(_ value: String) -> String? {
        var text = Substring(value.trimmingCharacters(in: .whitespaces).lowercased())
        guard !text.isEmpty, text.utf8.count <= 300 else { return nil }
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            let rest = text[text.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && rest.dropFirst().allSatisfy(\.isASCIIDigit)) else { return nil }
            text = text[text.index(after: text.startIndex)..<close]
            return text.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) ? String(text) : nil
        }
        if let colon = text.firstIndex(of: ":") {
            guard text[text.index(after: colon)...].allSatisfy(\.isASCIIDigit) else { return nil }
            text = text[..<colon]
        }
        if text.hasSuffix(".") { text = text.dropLast() }  // "localhost." is "localhost"
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }) else { return nil }
        return String(text)
    }

    /// The host of an `Origin` (`http://localhost:8000`); nil for `null` and anything else.
    public static func originHost(_ origin: String) -> String? {
        guard let components = URLComponents(string: origin.trimmingCharacters(in: .whitespaces)),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, components.path.isEmpty || components.path == "/"
        else { return nil }
        return hostName(host.hasPrefix("[") || !host.contains(":") ? host : "[\(host)]")
    }

    /// `localhost` (and names under it), 127.0.0.0/8 and ::1.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
