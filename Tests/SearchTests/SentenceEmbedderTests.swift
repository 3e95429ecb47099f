import Foundation
import Testing

@testable import Search

@Suite("Offline sentence embeddings")
struct SentenceEmbedderTests {
    static let embedder: SentenceEmbedder? = TestModel.directory.flatMap { try? SentenceEmbedder(directory: $0) }

    /// The published example of all-MiniLM-L6-v2 (its model card), to four decimals.
    @Test func reproducesThePublishedSimilarities() throws {
        _ = try TestModel.require()
        let embedder = try #require(Self.embedder)
        let vectors = ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."].map(embedder.embed)
        #expect(vectors.allSatisfy { $0.count == 384 && abs($0.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4 })
        let similarities = [(0, 1, 0.6660), (0, 2, 0.1046), (1, 2, 0.1411)].map { pair in
            (Double(SentenceEmbedder.cosine(vectors[pair.0], vectors[pair.1])), pair.2)
        }
        for (found, published) in similarities { #expect(abs(found - published) < 0.00051, "\(found) ≠ \(published)") }
    }

    @Test func theBLASAndTheSwiftProduct_agree() {
        let (m, n, k) = (5, 7, 33)
        let a = (0..<(m * k)).map { Float(($0 * 37) % 11) - 5 }
        let b = (0..<(n * k)).map { Float(($0 * 17) % 13) / 7 - 1 }
        for transposeB in [true, false] {
            var blas = [Float](repeating: 1, count: m * n)
            var plain = blas
            let ldb = transposeB ? k : n
            let right = transposeB ? b : Array(b.prefix(k * n))
            MatrixMultiply.multiply(m: m, n: n, k: k, alpha: 0.5, a, lda: k, right, ldb: ldb, transposeB: transposeB, beta: 2, &blas, ldc: n)
            MatrixMultiply.multiply(
                m: m, n: n, k: k, alpha: 0.5, a, lda: k, right, ldb: ldb, transposeB: transposeB, beta: 2, &plain, ldc: n, forceSwift: true)
            #expect(zip(blas, plain).allSatisfy { abs($0 - $1) < 1e-3 }, "transposeB \(transposeB)")
        }
    }

    @Test func longPostings_areReadInChunks_andEmptyTextIsAVectorToo() throws {
        _ = try TestModel.require()
        let embedder = try #require(Self.embedder)
        let posting = String(repeating: "We build payment systems in Go on PostgreSQL and Kubernetes for merchants. ", count: 60)
        let long = embedder.embed(posting)
        // The chunks' embeddings, averaged by their length: what `embed` must give.
        let pieces = embedder.tokenizer.pieces(posting, limit: 254 * SentenceEmbedder.maxChunks)
        #expect(pieces.count == 254 * SentenceEmbedder.maxChunks, "long enough for every chunk")
        var sum = [Float](repeating: 0, count: 384)
        for start in stride(from: 0, to: pieces.count, by: 254) {
            let vector = embedder.model.embed([embedder.tokenizer.classify] + pieces[start..<start + 254] + [embedder.tokenizer.separator])
            for index in sum.indices { sum[index] += vector[index] * 254 }
        }
        #expect(SentenceEmbedder.cosine(long, MiniLM.unitLength(sum)) > 0.9999)
        let related = embedder.embed("Backend engineer building payment systems in Go")
        let unrelated = embedder.embed("Pastry chef for a French bakery")
        #expect(SentenceEmbedder.cosine(long, related) > SentenceEmbedder.cosine(long, unrelated) + 0.2)
        #expect(embedder.embed("").count == 384)
    }
}
