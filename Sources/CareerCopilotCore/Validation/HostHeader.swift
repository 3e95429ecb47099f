import Foundation

/// Host names as requests carry them (`Host`, `Origin`), for the single-user server's check
/// that a request was meant for this machine: a web page that rebinds its own name to
/// 127.0.0.1 still sends its own name in `Host`.
public enum HostHeader {
    /// The host of a `Host` value (`localhost:8000`, `[::1]:8000`, `127.0.0.1`), lower-cased,
    /// without port or brackets; nil when it is not a plausible host. Read byte by byte: it
    /// runs on every request of a single-user server.
    public static func hostName(_ value: String) -> String? {
        var bytes = Array(value.utf8)
        while bytes.last == 0x20 || bytes.last == 0x09 { bytes.removeLast() }
        let start = bytes.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? bytes.count
        guard start < bytes.count, bytes.count - start <= 300 else { return nil }
        func isDigits(_ slice: ArraySlice<UInt8>) -> Bool { slice.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
        var host: ArraySlice<UInt8>
        if bytes[start] == UInt8(ascii: "[") {
            guard let close = bytes[start...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
            let rest = bytes[(close + 1)...]
            guard rest.isEmpty || (rest.first == UInt8(ascii: ":") && isDigits(rest.dropFirst())) else { return nil }
            host = bytes[(start + 1)..<close]
            let isV6 = host.allSatisfy { byte in
                let lowered = lower(byte)
                return (lowered >= 0x30 && lowered <= 0x39) || (lowered >= 0x61 && lowered <= 0x66) || lowered == UInt8(ascii: ":")
                    || lowered == UInt8(ascii: ".")
            }
            guard !host.isEmpty, isV6 else { return nil }
        } else {
            host = bytes[start...]
            if let colon = host.firstIndex(of: UInt8(ascii: ":")) {
                guard isDigits(host[(colon + 1)...]) else { return nil }
                host = host[..<colon]
            }
            if host.last == UInt8(ascii: ".") { host = host.dropLast() }  // "localhost." is "localhost"
            let isName = host.allSatisfy { byte in
                let lowered = lower(byte)
                return (lowered >= 0x30 && lowered <= 0x39) || (lowered >= 0x61 && lowered <= 0x7A) || lowered == UInt8(ascii: ".")
                    || lowered == UInt8(ascii: "-")
            }
            guard !host.isEmpty, isName else { return nil }
        }
        return String(decoding: host.map(lower), as: UTF8.self)
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
