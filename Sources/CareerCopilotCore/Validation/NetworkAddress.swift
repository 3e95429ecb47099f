import Foundation

/// Which addresses a user-supplied URL may reach (the SSRF guard): public unicast only — no
/// loopback, private (RFC 1918, ULA), link-local (cloud metadata at 169.254.169.254 among
/// them), carrier-grade NAT, multicast, unspecified or reserved ranges.
public enum NetworkAddress {
    /// True for an address (IPv4 dotted or IPv6 text) that is not public.
    public static func isPrivate(_ address: String) -> Bool {
        if let v4 = ipv4(address) { return isPrivateV4(v4) }
        if let v6 = ipv6(address) { return isPrivateV6(v6) }
        return true  // what cannot be read is not trusted
    }

    static func ipv4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let bytes = parts.compactMap { UInt8($0) }
        return bytes.count == 4 ? bytes : nil
    }

    static func isPrivateV4(_ b: [UInt8]) -> Bool {
        switch (b[0], b[1]) {
        case (0, _), (10, _), (127, _): true
        case (100, 64...127): true  // carrier-grade NAT
        case (169, 254): true  // link-local, cloud metadata
        case (172, 16...31), (192, 168): true
        case (192, 0) where b[2] == 0 || b[2] == 2: true  // IETF, TEST-NET-1
        case (198, 18...19): true  // benchmarking
        case (198, 51) where b[2] == 100, (203, 0) where b[2] == 113: true  // TEST-NET-2/3
        default: b[0] >= 224  // multicast, reserved, broadcast
        }
    }

    /// Sixteen bytes of an IPv6 address, `::` and an embedded IPv4 tail allowed; zone dropped.
    static func ipv6(_ text: String) -> [UInt8]? {
        var text = Substring(text)
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        if let zone = text.firstIndex(of: "%") { text = text[..<zone] }
        guard text.contains(":") else { return nil }
        var tail: [UInt8] = []
        if let lastColon = text.lastIndex(of: ":"), let v4 = ipv4(String(text[text.index(after: lastColon)...])) {
            tail = v4
            text = text[...lastColon]
            if text.hasSuffix(":"), !text.hasSuffix("::") { text = text.dropLast() }
        }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            let values = part.split(separator: ":", omittingEmptySubsequences: false).map { UInt16($0, radix: 16) }
            return values.contains(nil) ? nil : values.map { $0! }
        }
        guard let head = groups(halves[0]), let rest = halves.count == 2 ? groups(halves[1]) : [] else { return nil }
        let needed = 8 - tail.count / 2
        var all = head
        if halves.count == 2 {
            guard head.count + rest.count <= needed else { return nil }
            all += Array(repeating: 0, count: needed - head.count - rest.count) + rest
        }
        guard all.count == needed else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } + tail
    }

    static func isPrivateV6(_ b: [UInt8]) -> Bool {
        // Every form that carries an IPv4 address inside is judged by that address, or refused
        // outright where no public use exists: a guard that only knew `::ffff:` let
        // `[::127.0.0.1]` and `[64:ff9b::127.0.0.1]` through.
        if b[0..<12].allSatisfy({ $0 == 0 }) { return true }  // ::/96: ::, ::1 and IPv4-compatible (deprecated)
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF { return isPrivateV4(Array(b[12...])) }  // ::ffff:a.b.c.d mapped
        if b[0..<8].allSatisfy({ $0 == 0 }) && b[8] == 0xFF && b[9] == 0xFF { return true }  // ::ffff:0:a.b.c.d translated (SIIT)
        if b[0] == 0x00, b[1] == 0x64, b[2] == 0xFF, b[3] == 0x9B {
            // 64:ff9b::/96 well-known NAT64 prefix; 64:ff9b:1::/48 local-use NAT64.
            return b[4..<12].allSatisfy({ $0 == 0 }) ? isPrivateV4(Array(b[12...])) : true
        }
        if b[0] == 0x20, b[1] == 0x02 { return isPrivateV4(Array(b[2..<6])) }  // 2002::/16 6to4
        if b[0] == 0x20, b[1] == 0x01, b[2] == 0x00, b[3] == 0x00 { return true }  // 2001::/32 Teredo
        if b[0] == 0x01, b[1..<8].allSatisfy({ $0 == 0 }) { return true }  // 100::/64 discard
        if b[0] & 0xFE == 0xFC { return true }  // fc00::/7 unique local
        if b[0] == 0xFE && b[1] & 0xC0 == 0x80 { return true }  // fe80::/10 link-local
        if b[0] == 0xFF { return true }  // multicast
        if b[0] == 0x20, b[1] == 0x01, b[2] == 0x0D, b[3] == 0xB8 { return true }  // documentation
        return false
    }
}
