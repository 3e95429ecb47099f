import Foundation

/// Exact nearest-neighbour search over unit vectors held in one contiguous array: every
/// query reads every vector once (dot products of 384 floats, vectorised by the compiler in
/// 8-wide SIMD), keeping the best `k` in a small heap. At 100,000 jobs that is 150 MB of
/// floats streamed per query; exact, so there is no recall to lose.
public struct VectorIndex: Sendable {
    public let dimensions: Int
    public private(set) var ids: [Int] = []
    private var vectors: [Float] = []
    private var positions: [Int: Int] = [:]

    public init(dimensions: Int) {
        self.dimensions = dimensions
    }

    public var count: Int { ids.count }

    /// Room for `count` vectors, allocated once.
    public mutating func reserveCapacity(_ count: Int) {
        ids.reserveCapacity(count)
        vectors.reserveCapacity(count * dimensions)
        positions.reserveCapacity(count)
    }

    /// A vector as stored: 32-bit floats, little-endian.
    public static func littleEndianBytes(_ vector: [Float]) -> Data {
        var data = Data(capacity: vector.count * 4)
        for value in vector { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    /// The floats of a stored vector; a damaged one (not a multiple of 4 bytes) reads as none.
    public static func floats(littleEndian data: Data) -> [Float] {
        guard data.count % 4 == 0 else { return [] }
        return data.withUnsafeBytes { raw in
            [Float](unsafeUninitializedCapacity: raw.count / 4) { buffer, count in
                for index in 0..<(raw.count / 4) {
                    buffer[index] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))
                }
                count = raw.count / 4
            }
        }
    }

    /// Adds or replaces the vector of `id` (it must have `dimensions` numbers).
    public mutating func set(_ id: Int, _ vector: [Float]) {
        precondition(vector.count == dimensions, "a vector of \(vector.count) numbers in an index of \(dimensions)")
        if let position = positions[id] {
            vectors.replaceSubrange(position * dimensions..<(position + 1) * dimensions, with: vector)
        } else {
            positions[id] = ids.count
            ids.append(id)
            vectors.append(contentsOf: vector)
        }
    }

    /// Removes `id`'s vector (the last one takes its place).
    public mutating func remove(_ id: Int) {
        guard let position = positions.removeValue(forKey: id) else { return }
        let last = ids.count - 1
        if position != last {
            let moved = ids[last]
            ids[position] = moved
            positions[moved] = position
            // In place: a slice of the array as the argument would copy all of it.
            for offset in 0..<dimensions { vectors[position * dimensions + offset] = vectors[last * dimensions + offset] }
        }
        ids.removeLast()
        vectors.removeLast(dimensions)
    }

    public func contains(_ id: Int) -> Bool { positions[id] != nil }

    /// The stored vector of `id`, if any.
    public func vector(of id: Int) -> [Float]? {
        positions[id].map { Array(vectors[$0 * dimensions..<($0 + 1) * dimensions]) }
    }

    /// The `k` ids most similar to `query` (highest dot product first; ties by id), among
    /// those `allowed` lets through.
    public func nearest(to query: [Float], k: Int, allowed: ((Int) -> Bool)? = nil) -> [(id: Int, score: Float)] {
        guard k > 0, query.count == dimensions, !ids.isEmpty else { return [] }
        var best = TopK(k)
        vectors.withUnsafeBufferPointer { all in
            query.withUnsafeBufferPointer { q in
                for position in 0..<ids.count {
                    if let allowed, !allowed(ids[position]) { continue }
                    let score = Self.dot(q.baseAddress!, all.baseAddress! + position * dimensions, dimensions)
                    best.offer(ids[position], score)
                }
            }
        }
        return best.sorted()
    }

    /// The sum of every stored number: one plain pass over the vectors, the floor a search is
    /// measured against (`bench-embed`).
    public func readOnce() -> Float {
        vectors.withUnsafeBufferPointer { buffer in
            var sums = SIMD8<Float>()
            var offset = 0
            while offset + 8 <= buffer.count {
                sums += UnsafeRawPointer(buffer.baseAddress! + offset).loadUnaligned(as: SIMD8<Float>.self)
                offset += 8
            }
            return sums.sum()
        }
    }

    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int) -> Float {
        var sums = SIMD8<Float>()
        var index = 0
        while index + 8 <= count {
            let left = UnsafeRawPointer(a + index).loadUnaligned(as: SIMD8<Float>.self)
            let right = UnsafeRawPointer(b + index).loadUnaligned(as: SIMD8<Float>.self)
            // Not addProduct: without an FMA target it became eight calls of libm's fmaf.
            sums += left * right
            index += 8
        }
        var sum = sums.sum()
        while index < count {
            sum += a[index] * b[index]
            index += 1
        }
        return sum
    }
}

/// The best `k` (id, score) pairs seen, in a min-heap: the worst kept is at the root.
struct TopK {
    let k: Int
    private var heap: [(id: Int, score: Float)] = []

    init(_ k: Int) {
        self.k = k
        heap.reserveCapacity(k)
    }

    /// Whether `a` ranks below `b`: a lower score, or the same score and a higher id.
    private static func below(_ a: (id: Int, score: Float), _ b: (id: Int, score: Float)) -> Bool {
        a.score < b.score || (a.score == b.score && a.id > b.id)
    }

    mutating func offer(_ id: Int, _ score: Float) {
        let entry = (id: id, score: score)
        if heap.count < k {
            heap.append(entry)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.below(heap[child], heap[parent]) else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        } else if Self.below(heap[0], entry) {
            heap[0] = entry
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < heap.count, Self.below(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count, Self.below(heap[right], heap[smallest]) { smallest = right }
                if smallest == parent { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
    }

    func sorted() -> [(id: Int, score: Float)] {
        heap.sorted { Self.below($1, $0) }
    }
}
