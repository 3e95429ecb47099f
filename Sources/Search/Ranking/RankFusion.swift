/// Reciprocal rank fusion: each list gives an item 1 / (k + rank), rank from 1; an item's
/// score is its sum over the lists it is in. It needs no calibration between keyword and
/// semantic scores (which are on unrelated scales), and k = 60 is the value of the paper
/// that introduced it (Cormack, Clarke and Büttcher, 2009).
public enum RankFusion {
    public static let k = 60.0

    /// The fused ranking, best first (ties by the id that is smaller).
    public static func fuse(_ rankings: [[Int]], k: Double = RankFusion.k) -> [(id: Int, score: Double)] {
        var scores: [Int: Double] = [:]
        for ranking in rankings {
            var seen = Set<Int>()
            for (index, id) in ranking.enumerated() where seen.insert(id).inserted {
                scores[id, default: 0] += 1 / (k + Double(index + 1))
            }
        }
        return scores.map { (id: $0.key, score: $0.value) }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
    }
}
