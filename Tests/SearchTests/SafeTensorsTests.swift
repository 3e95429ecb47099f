import Foundation
import Testing

@testable import Search

@Suite("Safetensors reader")
struct SafeTensorsTests {
    /// A file as the format writes it: header length, JSON header, the bytes.
    static func file(header: String, bytes: [UInt8] = []) -> Data {
        let json = Array(header.utf8)
        var data = Data((0..<8).map { UInt8(truncatingIfNeeded: UInt64(json.count) >> (8 * UInt64($0))) })
        data += json + bytes
        return data
    }

    @Test func readsFloatTensors_byNameAndShape() throws {
        let values: [Float] = [1, -2.5, 3, 0.125]
        let bytes = values.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
        let data = Self.file(header: #"{"__metadata__":{"format":"pt"},"w":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]}}"#, bytes: bytes)
        let tensors = try SafeTensors(data: data)
        #expect(try tensors.floats("w", shape: [2, 2]) == values)
        #expect(throws: SafeTensors.ReadError.self) { try tensors.floats("w", shape: [4]) }
        #expect(throws: SafeTensors.ReadError.missing("v")) { try tensors.floats("v") }
    }

    @Test(arguments: [
        ("", "too short"),
        (#"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,16]}}"#, "outside the file"),
        (#"{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, "shape does not match"),
        (#"{"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,8]}}"#, "invalid shape"),
        (#"{"w":{"dtype":"F32","shape":[2147483648,2147483648,4],"data_offsets":[0,8]}}"#, "does not match"),
        (#"{"w":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}"#, "outside the file"),
        (#"{"w":{"dtype":"F32"}}"#, "lacks"),
        (#"[1,2]"#, "not a JSON object"),
    ])
    func damagedFiles_giveAnError_neverARead(header: String, why: String) {
        let data = header.isEmpty ? Data([1, 2, 3]) : Self.file(header: header, bytes: [UInt8](repeating: 0, count: 8))
        #expect {
            try SafeTensors(data: data)
        } throws: { error in
            "\(error)".contains(why) || (why == "too short" && (error as? SafeTensors.ReadError) == .tooShort)
        }
    }

    @Test func aHeaderLengthBeyondTheFile_isRefused() {
        var data = Data([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
        data += Data("{}".utf8)
        #expect(throws: SafeTensors.ReadError.self) { try SafeTensors(data: data) }
    }

    @Test func arbitraryBytes_neverTrap() {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<400 {
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if length >= 8 {
                bytes.replaceSubrange(0..<8, with: [UInt8(truncatingIfNeeded: length - 8), UInt8(truncatingIfNeeded: (length - 8) >> 8), 0, 0, 0, 0, 0, 0])
            }
            _ = try? SafeTensors(data: Data(bytes))
        }
    }
}
