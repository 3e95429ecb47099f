import CareerCopilotCore
import Foundation

/// Writes JSON straight into bytes, for the answers that carry many rows (job lists).
/// `JSONEncoder` goes through `Encodable`'s generic containers for every field of every row,
/// which profiles showed as the largest cost of a list; this writes the same JSON directly.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var needsComma = false

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: Structure

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func array<Items: Sequence>(_ items: Items, _ element: (inout JSONWriter, Items.Element) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for item in items { element(&self, item) }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes `"name":`; the value written next belongs to it.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        needsComma = false
    }

    // MARK: Values

    mutating func value(_ string: String?) {
        separate()
        guard var string else { return appendNull() }
        bytes.append(UInt8(ascii: "\""))
        string.withUTF8 { utf8 in
            // Copy runs of bytes that need no escaping in one go; escape the rest.
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscaped(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
        }
    }

    mutating func value(_ number: Int?) {
        separate()
        guard let number else { return appendNull() }
        bytes.append(contentsOf: String(number).utf8)
        needsComma = true
    }

    /// Whole numbers without a fraction (`70000`, as `JSONEncoder` writes them).
    mutating func value(_ number: Double?) {
        separate()
        guard let number, number.isFinite else { return appendNull() }
        if number.rounded() == number, abs(number) < 1e15 {
            bytes.append(contentsOf: String(Int64(number)).utf8)
        } else {
            bytes.append(contentsOf: number.description.utf8)
        }
        needsComma = true
    }

    mutating func value(_ bool: Bool?) {
        separate()
        guard let bool else { return appendNull() }
        bytes.append(contentsOf: (bool ? "true" : "false").utf8)
        needsComma = true
    }

    mutating func value(_ date: Date?) {
        value(date.map(ISODate.format))
    }

    mutating func value(_ strings: [String]) {
        array(strings) { writer, string in writer.value(string) }
    }

    /// Any `Encodable`, through `JSONEncoder`: for the few nested values a row carries that are
    /// not worth writing by hand (a match's evidence).
    mutating func encoded(_ value: some Encodable) {
        separate()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        if let data = try? encoder.encode(value) { bytes.append(contentsOf: data) } else { bytes.append(contentsOf: "null".utf8) }
        needsComma = true
    }

    // MARK: Helpers

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendNull() {
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }
}

/// A value that writes itself with `JSONWriter`.
protocol JSONWritable {
    func write(to writer: inout JSONWriter)
}
