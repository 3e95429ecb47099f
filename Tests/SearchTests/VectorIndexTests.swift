import Testing

@testable import Search

@Suite("Vector index and rank fusion")
struct VectorIndexTests {
    /// A deterministic pseudo-random unit vector.
    static func vector(_ seed: Int, dimensions: Int = 20) -> [Float] {
        var state = UInt64(truncatingIfNeeded: seed &* 2_654_435_761 &+ 1)
        let values = (0..<dimensions).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: state >> 11) % 2001 - 1000) / 1000
        }
        return MiniLM.unitLength(values)
    }

    @Test func nearest_isTheExactTopK_ofABruteForceRanking() {
        var index = VectorIndex(dimensions: 20)
        for id in 1...500 { index.set(id, Self.vector(id)) }
        for seed in 1000..<1020 {
            let query = Self.vector(seed)
            let expected = (1...500).map { id in (id, zip(query, Self.vector(id)).reduce(Double(0)) { $0 + Double($1.0) * Double($1.1) }) }
                .sorted { $0.1 > $1.1 }.prefix(10).map(\.0)
            #expect(index.nearest(to: query, k: 10).map(\.id) == Array(expected))
        }
    }

    @Test func vectors_areReplacedAndRemoved_andFiltersApply() {
        var index = VectorIndex(dimensions: 20)
        for id in 1...5 { index.set(id, Self.vector(id)) }
        let query = Self.vector(3)
        #expect(index.nearest(to: query, k: 1).first?.id == 3)
        index.set(3, Self.vector(99))
        #expect(index.count == 5 && index.vector(of: 3) == Self.vector(99))
        index.remove(1)
        index.remove(42)
        #expect(index.count == 4 && !index.contains(1) && index.vector(of: 5) == Self.vector(5), "the last vector moved into the gap intact")
        #expect(index.nearest(to: Self.vector(5), k: 1).first?.id == 5)
        #expect(index.nearest(to: Self.vector(5), k: 3, allowed: { $0 != 5 }).allSatisfy { $0.id != 5 })
        #expect(index.nearest(to: [1, 2], k: 3).isEmpty, "a query of another size finds nothing")
        #expect(index.nearest(to: query, k: 0).isEmpty)
        #expect(SentenceEmbedder.cosine([], query) == 0, "an empty vector has no direction")
    }

    @Test func topK_keepsTheBest_tiesByTheSmallerId() {
        var top = TopK(3)
        for (id, score) in [(1, 0.5), (2, 0.9), (3, 0.5), (4, 0.1), (5, 0.9), (6, 0.7)] { top.offer(id, Float(score)) }
        #expect(top.sorted().map(\.id) == [2, 5, 6])
    }

    @Test func rankFusion_rewardsWhatBothListsRankHigh() {
        let fused = RankFusion.fuse([[1, 2, 3, 4], [3, 1, 5], [7, 7, 7]])
        #expect(fused.map(\.id) == [1, 3, 7, 2, 5, 4])
        #expect(abs(fused[0].score - (1 / 61.0 + 1 / 62.0)) < 1e-12)
        #expect(fused.first { $0.id == 7 }?.score == 1 / 61.0, "an id repeated in one list counts once")
        #expect(RankFusion.fuse([]).isEmpty)
    }
}
