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
    }
}
