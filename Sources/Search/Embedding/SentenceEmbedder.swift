import Foundation

/// Texts to embeddings with all-MiniLM-L6-v2, offline: the tokenizer and the encoder from a
/// model directory holding `vocab.txt` and `model.safetensors`. A text longer than one input
/// (256 tokens, as the model was trained) is read in chunks — at most `maxChunks` — whose
/// embeddings are averaged by their length and scaled to length 1 again.
public struct SentenceEmbedder: Sendable {
    public let tokenizer: WordPieceTokenizer
    public let model: MiniLM
    public static let maxTokens = 256
    public static let maxChunks = 4

    public init(tokenizer: WordPieceTokenizer, model: MiniLM) {
        self.tokenizer = tokenizer
        self.model = model
    }

    /// Loads the model from a directory (`vocab.txt`, `model.safetensors`).
    public init(directory: URL) throws {
        let vocabulary = try String(contentsOf: directory.appendingPathComponent("vocab.txt"), encoding: .utf8)
        tokenizer = try WordPieceTokenizer(vocabularyText: vocabulary)
        model = try MiniLM(weights: try SafeTensors(contentsOf: directory.appendingPathComponent("model.safetensors")))
    }

    public func embed(_ text: String) -> [Float] {
        let chunkSize = Self.maxTokens - 2
        let pieces = tokenizer.pieces(text, limit: chunkSize * Self.maxChunks)
        guard pieces.count > chunkSize else { return model.embed([tokenizer.classify] + pieces + [tokenizer.separator]) }
        var sum = [Float](repeating: 0, count: MiniLM.dimensions)
        var start = 0
        for _ in 0..<Self.maxChunks where start < pieces.count {
            let chunk = pieces[start..<min(start + chunkSize, pieces.count)]
            let vector = model.embed([tokenizer.classify] + chunk + [tokenizer.separator])
            let weight = Float(chunk.count)
            for index in sum.indices { sum[index] += vector[index] * weight }
            start += chunkSize
        }
        return MiniLM.unitLength(sum)
    }

    /// The cosine of two unit vectors: their dot product.
    public static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        a.withUnsafeBufferPointer { left in
            b.withUnsafeBufferPointer { right in
                guard let l = left.baseAddress, let r = right.baseAddress else { return 0 }
                return VectorIndex.dot(l, r, min(left.count, right.count))
            }
        }
    }
}
