import Foundation
import Search
import Vapor

/// `career-copilot bench-embed [--model DIR] [--postings N]`: the offline sentence model's
/// speed: how long its weights take to load, and postings embedded per second at 128 and
/// 256 tokens, one at a time and two at once (both cores).
struct BenchEmbedCommand: AsyncCommand {
    let services: AppServices

    struct Signature: CommandSignature {
        @Option(name: "model", help: "The model directory (default: CC_DATA_DIR/models/all-MiniLM-L6-v2)")
        var model: String?
        @Option(name: "postings", help: "Postings to embed at each length (default 40)")
        var postings: Int?
    }

    var help: String { "Benchmarks the offline sentence model" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let directory = URL(fileURLWithPath: signature.model ?? (services.configuration.dataDirectory + "/models/all-MiniLM-L6-v2"))
        let loadStart = Date()
        let embedder = try SentenceEmbedder(directory: directory)
        context.console.print(
            String(format: "Weights loaded in %.2f s; matrix products by %@", Date().timeIntervalSince(loadStart), MatrixMultiply.implementation))
        let count = max(signature.postings ?? 40, 2)
        let words = "backend engineer payments platform kubernetes postgres reliability latency team customers design review".split(separator: " ")
        context.console.print("| tokens | postings | one at a time (postings/s) | two at once (postings/s) |")
        context.console.print("|---|---|---|---|")
        for tokens in [128, 256] {
            // Each word here is one vocabulary piece: `tokens - 2` words make an input of `tokens`.
            let inputs = (0..<count).map { index in
                [embedder.tokenizer.classify] + (0..<(tokens - 2)).map { embedder.tokenizer.vocabulary[String(words[($0 + index) % words.count])] ?? 100 }
                    + [embedder.tokenizer.separator]
            }
            let serialStart = Date()
            for input in inputs { _ = embedder.model.embed(input) }
            let serial = Double(count) / Date().timeIntervalSince(serialStart)
            let parallelStart = Date()
            await withTaskGroup(of: Void.self) { group in
                for half in [inputs.prefix(count / 2), inputs.suffix(from: count / 2)] {
                    group.addTask { for input in half { _ = embedder.model.embed(Array(input)) } }
                }
            }
            let parallel = Double(count) / Date().timeIntervalSince(parallelStart)
            context.console.print(String(format: "| %d | %d | %.1f | %.1f |", tokens, count, serial, parallel))
        }
        Self.benchIndex(context, vectors: 100_000)
    }

    /// Exact search over `vectors` random unit vectors against the time to read them once.
    static func benchIndex(_ context: CommandContext, vectors count: Int) {
        var generator = SystemRandomNumberGenerator()
        var index = VectorIndex(dimensions: MiniLM.dimensions)
        for id in 0..<count {
            let vector = MiniLM.unitLength((0..<MiniLM.dimensions).map { _ in Float.random(in: -1...1, using: &generator) })
            index.set(id, vector)
        }
        let query = MiniLM.unitLength((0..<MiniLM.dimensions).map { _ in Float.random(in: -1...1, using: &generator) })
        var searches: [Double] = []
        var streams: [Double] = []
        var checksum: Float = 0
        for _ in 0..<30 {
            let start = Date()
            checksum += index.nearest(to: query, k: 10).first?.score ?? 0
            searches.append(Date().timeIntervalSince(start) * 1000)
            let streamStart = Date()
            checksum += index.readOnce()
            streams.append(Date().timeIntervalSince(streamStart) * 1000)
        }
        searches.sort()
        streams.sort()
        context.console.print("")
        context.console.print(
            String(
                format: "Exact search, %d vectors of %d (%.0f MB): p50 %.1f ms, p99 %.1f ms; reading them once: %.1f ms (checksum %.1f)", count,
                MiniLM.dimensions, Double(count * MiniLM.dimensions * 4) / 1e6, searches[15], searches[29], streams[15], checksum))
    }
}
