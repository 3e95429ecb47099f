import Foundation

/// A `.safetensors` file (Hugging Face's weight format): an 8-byte little-endian header
/// length, a JSON header naming each tensor's dtype, shape and byte range, then the bytes.
/// The file is memory-mapped; tensors are copied out as `[Float]` when asked for. Every
/// length and offset is checked against the file before it is used: a damaged or hostile
/// file gives an error, never a read outside it.
public struct SafeTensors: Sendable {
    public struct Tensor: Sendable, Equatable {
        public let dtype: String
        public let shape: [Int]
        let range: Range<Int>
    }

    public enum ReadError: Error, Equatable, CustomStringConvertible {
        case tooShort
        case badHeader(String)
        case missing(String)
        case unexpected(String)

        public var description: String {
            switch self {
            case .tooShort: "the file is too short to be a safetensors file"
            case .badHeader(let why): "the safetensors header is invalid: \(why)"
            case .missing(let name): "the weights have no tensor \(name)"
            case .unexpected(let why): "the weights are not as expected: \(why)"
            }
        }
    }

    public let tensors: [String: Tensor]
    private let data: Data
    private let dataStart: Int

    /// The header may not exceed this: the real ones are a few kilobytes.
    static let maxHeaderBytes = 16 << 20

    public init(contentsOf url: URL) throws {
        try self.init(data: try Data(contentsOf: url, options: .alwaysMapped))
    }

    public init(data: Data) throws {
        guard data.count >= 8 else { throw ReadError.tooShort }
        let length = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard length <= UInt64(Self.maxHeaderBytes), Int(length) <= data.count - 8 else { throw ReadError.badHeader("its length is out of range") }
        let start = data.startIndex + 8
        let header = data[start..<start + Int(length)]
        guard let object = try? JSONSerialization.jsonObject(with: header) as? [String: Any] else {
            throw ReadError.badHeader("it is not a JSON object")
        }
        let available = data.count - 8 - Int(length)
        var tensors: [String: Tensor] = [:]
        for (name, value) in object where name != "__metadata__" {
            guard let entry = value as? [String: Any], let dtype = entry["dtype"] as? String,
                let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int], offsets.count == 2
            else { throw ReadError.badHeader("tensor \(name) lacks dtype, shape or offsets") }
            let (begin, end) = (offsets[0], offsets[1])
            guard begin >= 0, begin <= end, end <= available else { throw ReadError.badHeader("tensor \(name) lies outside the file") }
            guard shape.allSatisfy({ $0 >= 0 && $0 <= 1 << 31 }) else { throw ReadError.badHeader("tensor \(name) has an invalid shape") }
            let (count, overflow) = shape.reduce((1, false)) { partial, dimension in
                let product = partial.0.multipliedReportingOverflow(by: dimension)
                return (product.partialValue, partial.1 || product.overflow)
            }
            if dtype == "F32" {
                let bytes = count.multipliedReportingOverflow(by: 4)
                guard !overflow, !bytes.overflow, bytes.partialValue == end - begin else {
                    throw ReadError.badHeader("tensor \(name): its shape does not match its bytes")
                }
            }
            tensors[name] = Tensor(dtype: dtype, shape: shape, range: begin..<end)
        }
        self.tensors = tensors
        self.data = data
        self.dataStart = 8 + Int(length)
    }

    /// A float tensor's values, row-major; its shape must be `shape` when one is given.
    public func floats(_ name: String, shape expected: [Int]? = nil) throws -> [Float] {
        guard let tensor = tensors[name] else { throw ReadError.missing(name) }
        guard tensor.dtype == "F32" else { throw ReadError.unexpected("\(name) is \(tensor.dtype), not F32") }
        if let expected, expected != tensor.shape { throw ReadError.unexpected("\(name) has shape \(tensor.shape), not \(expected)") }
        let count = tensor.range.count / 4
        var values = [Float](repeating: 0, count: count)
        let start = data.startIndex + dataStart + tensor.range.lowerBound
        values.withUnsafeMutableBytes { target in
            data.copyBytes(to: target.bindMemory(to: UInt8.self), from: start..<start + count * 4)
        }
        // The format is little-endian, as every machine this runs on.
        return values
    }
}
