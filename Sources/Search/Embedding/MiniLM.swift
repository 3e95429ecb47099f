import Foundation

/// The encoder of sentence-transformers' all-MiniLM-L6-v2: BERT with 6 layers, 384
/// dimensions and 12 heads. `embed` runs one input of token ids through it and answers the
/// mean of its token vectors, L2-normalised: the sentence's 384-number embedding.
/// Weights are PyTorch's: a linear layer's matrix is (out × in), applied as x · Wᵀ + b.
public struct MiniLM: Sendable {
    public static let dimensions = 384
    static let heads = 12
    static let headSize = 32
    static let layerCount = 6
    static let intermediateSize = 1536
    public static let maxPositions = 512
    static let epsilon: Float = 1e-12

    struct Linear: Sendable {
        let weight: [Float]
        let bias: [Float]
        let inputs: Int
        let outputs: Int
    }

    struct Norm: Sendable {
        let weight: [Float]
        let bias: [Float]
    }

    struct Layer: Sendable {
        /// Query, key and value as one (1152 × 384) product: one matrix product, not three.
        let queryKeyValue: Linear
        let attentionOutput, intermediate, output: Linear
        let attentionNorm, outputNorm: Norm
    }

    let wordEmbeddings: [Float]
    let positionEmbeddings: [Float]
    let tokenTypeEmbeddings: [Float]
    let embeddingNorm: Norm
    let layers: [Layer]
    public let vocabularySize: Int

    public init(weights: SafeTensors) throws {
        let size = Self.dimensions
        func linear(_ name: String, _ outputs: Int, _ inputs: Int) throws -> Linear {
            Linear(
                weight: try weights.floats(name + ".weight", shape: [outputs, inputs]), bias: try weights.floats(name + ".bias", shape: [outputs]),
                inputs: inputs, outputs: outputs)
        }
        func norm(_ name: String) throws -> Norm {
            Norm(weight: try weights.floats(name + ".weight", shape: [size]), bias: try weights.floats(name + ".bias", shape: [size]))
        }
        guard let words = weights.tensors["embeddings.word_embeddings.weight"], words.shape.count == 2, words.shape[1] == size else {
            throw SafeTensors.ReadError.unexpected("no word embeddings of \(size) dimensions")
        }
        vocabularySize = words.shape[0]
        wordEmbeddings = try weights.floats("embeddings.word_embeddings.weight")
        positionEmbeddings = try weights.floats("embeddings.position_embeddings.weight", shape: [Self.maxPositions, size])
        tokenTypeEmbeddings = try weights.floats("embeddings.token_type_embeddings.weight", shape: [2, size])
        embeddingNorm = try norm("embeddings.LayerNorm")
        layers = try (0..<Self.layerCount).map { index in
            let prefix = "encoder.layer.\(index)."
            let parts = try ["query", "key", "value"].map { try linear(prefix + "attention.self." + $0, size, size) }
            return Layer(
                queryKeyValue: Linear(weight: parts.flatMap(\.weight), bias: parts.flatMap(\.bias), inputs: size, outputs: 3 * size),
                attentionOutput: try linear(prefix + "attention.output.dense", size, size),
                intermediate: try linear(prefix + "intermediate.dense", Self.intermediateSize, size),
                output: try linear(prefix + "output.dense", size, Self.intermediateSize),
                attentionNorm: try norm(prefix + "attention.output.LayerNorm"), outputNorm: try norm(prefix + "output.LayerNorm"))
        }
    }

    /// The embedding of one input (`[CLS] … [SEP]`, at most 512 ids; ids outside the
    /// vocabulary are read as `[UNK]`, id 100).
    public func embed(_ input: [Int32]) -> [Float] {
        let ids = input.prefix(Self.maxPositions).map { $0 >= 0 && Int($0) < vocabularySize ? Int($0) : 100 }
        let count = ids.count
        let size = Self.dimensions
        guard count > 0 else { return [Float](repeating: 0, count: size) }
        var hidden = [Float](repeating: 0, count: count * size)
        for (position, id) in ids.enumerated() {
            for d in 0..<size {
                hidden[position * size + d] = wordEmbeddings[id * size + d] + positionEmbeddings[position * size + d] + tokenTypeEmbeddings[d]
            }
        }
        Self.normalize(&hidden, rows: count, embeddingNorm)
        for layer in layers { hidden = Self.run(layer, hidden, count: count) }
        var pooled = [Float](repeating: 0, count: size)
        for position in 0..<count {
            for d in 0..<size { pooled[d] += hidden[position * size + d] }
        }
        return Self.unitLength(pooled)
    }

    /// A vector scaled to length 1 (a zero vector stays zero).
    public static func unitLength(_ vector: [Float]) -> [Float] {
        let length = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return length > 0 ? vector.map { $0 / length } : vector
    }

    private static func run(_ layer: Layer, _ input: [Float], count: Int) -> [Float] {
        let size = dimensions
        // Each row: the token's query, then its key, then its value.
        let queryKeyValue = apply(layer.queryKeyValue, input, rows: count)
        let stride = 3 * size
        var context = [Float](repeating: 0, count: count * size)
        var scores = [Float](repeating: 0, count: count * count)
        let scale = 1 / Float(headSize).squareRoot()
        queryKeyValue.withUnsafeBufferPointer { qkv in
            scores.withUnsafeMutableBufferPointer { s in
                context.withUnsafeMutableBufferPointer { c in
                    let q = qkv.baseAddress!
                    let k = q + size
                    let v = q + 2 * size
                    for head in 0..<heads {
                        let offset = head * headSize
                        MatrixMultiply.multiply(
                            m: count, n: count, k: headSize, alpha: scale, q + offset, lda: stride, k + offset, ldb: stride, transposeB: true,
                            s.baseAddress!, ldc: count)
                        for row in 0..<count { softmax(s.baseAddress! + row * count, count) }
                        MatrixMultiply.multiply(
                            m: count, n: headSize, k: count, s.baseAddress!, lda: count, v + offset, ldb: stride, transposeB: false,
                            c.baseAddress! + offset, ldc: size)
                    }
                }
            }
        }
        var attended = apply(layer.attentionOutput, context, rows: count)
        for index in attended.indices { attended[index] += input[index] }
        normalize(&attended, rows: count, layer.attentionNorm)
        var intermediate = apply(layer.intermediate, attended, rows: count)
        intermediate.withUnsafeMutableBufferPointer { FastMath.gelu($0.baseAddress!, $0.count) }
        var output = apply(layer.output, intermediate, rows: count)
        for index in output.indices { output[index] += attended[index] }
        normalize(&output, rows: count, layer.outputNorm)
        return output
    }

    /// x · Wᵀ + b for each of `rows` rows of x.
    private static func apply(_ linear: Linear, _ input: [Float], rows: Int) -> [Float] {
        var result = [Float](repeating: 0, count: rows * linear.outputs)
        input.withUnsafeBufferPointer { x in
            linear.weight.withUnsafeBufferPointer { w in
                result.withUnsafeMutableBufferPointer { y in
                    MatrixMultiply.multiply(
                        m: rows, n: linear.outputs, k: linear.inputs, x.baseAddress!, lda: linear.inputs, w.baseAddress!, ldb: linear.inputs,
                        transposeB: true, y.baseAddress!, ldc: linear.outputs)
                }
            }
        }
        for row in 0..<rows {
            for column in 0..<linear.outputs { result[row * linear.outputs + column] += linear.bias[column] }
        }
        return result
    }

    private static func softmax(_ row: UnsafeMutablePointer<Float>, _ count: Int) {
        var largest = -Float.infinity
        for index in 0..<count { largest = max(largest, row[index]) }
        for index in 0..<count { row[index] -= largest }
        FastMath.exp(row, count)
        var sum: Float = 0
        for index in 0..<count { sum += row[index] }
        for index in 0..<count { row[index] /= sum }
    }

    private static func normalize(_ values: inout [Float], rows: Int, _ norm: Norm) {
        let size = dimensions
        for row in 0..<rows {
            let start = row * size
            var mean: Float = 0
            for d in 0..<size { mean += values[start + d] }
            mean /= Float(size)
            var variance: Float = 0
            for d in 0..<size {
                let centred = values[start + d] - mean
                variance += centred * centred
            }
            let scale = 1 / (variance / Float(size) + epsilon).squareRoot()
            for d in 0..<size { values[start + d] = (values[start + d] - mean) * scale * norm.weight[d] + norm.bias[d] }
        }
    }
}
