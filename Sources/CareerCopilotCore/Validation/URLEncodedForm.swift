/// Reads an `application/x-www-form-urlencoded` body as flat name → value pairs.
///
/// Vapor's form decoder reads `work[0].position` as a path into nested containers and then
/// fails to decode a flat dictionary, so a form with indexed rows (the profile) lost every
/// field, the CSRF token included. Names here are taken as written; a name sent twice keeps
/// its last value, as a hidden default followed by a checked box expects. One pass, linear.
public enum URLEncodedForm {
    public static func fields(_ body: some Sequence<UInt8>) -> [String: String] {
        var fields: [String: String] = [:]
        var name: [UInt8] = []
        var value: [UInt8] = []
        var inValue = false
        func flush() {
            if !name.isEmpty || !value.isEmpty { fields[decoded(name)] = decoded(value) }
            name.removeAll(keepingCapacity: true)
            value.removeAll(keepingCapacity: true)
            inValue = false
        }
        for byte in body {
            switch byte {
            case UInt8(ascii: "&"): flush()
            case UInt8(ascii: "=") where !inValue: inValue = true
            default: if inValue { value.append(byte) } else { name.append(byte) }
            }
        }
        flush()
        fields.removeValue(forKey: "")
        return fields
    }

    /// `+` is a space, `%XX` a byte; a `%` not followed by two hex digits stays as it is, and
    /// bytes that are not UTF-8 become U+FFFD rather than an error.
    static func decoded(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
