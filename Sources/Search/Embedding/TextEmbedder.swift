import Dispatch
import Foundation

/// Texts to unit vectors. Every vector stored says which `model` made it: vectors of two
/// models are never compared, and a change of model re-embeds (decision 0023).
public protocol TextEmbedder: Sendable {
    /// The model and its version, as stored beside each vector ("all-MiniLM-L6-v2",
    /// "openai:text-embedding-3-small:512").
    var model: String { get }
    /// One unit vector per text, in order.
    func embed(_ texts: [String]) async throws -> [[Float]]
}

/// The offline embedder: all-MiniLM-L6-v2 in this process. The work is CPU-bound for
/// seconds, so it runs on threads of its own (Dispatch), never on Swift's cooperative pool,
/// where it would hold up every request of the process; texts are spread over `threads`.
public struct LocalEmbedder: TextEmbedder {
    public static let modelName = "all-MiniLM-L6-v2"
    public let sentences: SentenceEmbedder
    public let threads: Int
    public var model: String { Self.modelName }

    public init(_ sentences: SentenceEmbedder, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.sentences = sentences
        self.threads = max(1, threads)
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        let results = Results(count: texts.count)
        let sentences = sentences
        let lanes = min(threads, texts.count)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global(qos: .utility).async {
                // Lane `l` takes texts l, l + lanes, …: long and short texts spread evenly.
                DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                    for index in stride(from: lane, to: texts.count, by: lanes) {
                        results.store(sentences.embed(texts[index]), at: index)
                    }
                }
                done.resume()
            }
        }
        return results.vectors
    }

    /// Written by one lane per index, read after every lane has finished. Raw memory, not an
    /// array property: two lanes writing into one array would be two overlapping accesses.
    private final class Results: @unchecked Sendable {
        let slots: UnsafeMutableBufferPointer<[Float]>
        init(count: Int) { slots = .allocate(capacity: count); slots.initialize(repeating: []) }
        deinit { slots.deinitialize(); slots.deallocate() }
        func store(_ vector: [Float], at index: Int) { slots[index] = vector }
        var vectors: [[Float]] { Array(slots) }
    }
}

/// What is embedded of a job, and of a profile: the words that say what the work is, most
/// telling first (the encoder reads at most `SentenceEmbedder.maxChunks` inputs).
public enum EmbeddingText {
    /// Enough characters for four inputs of 256 tokens; the rest is never read.
    public static let maxCharacters = 6_000

    public static func job(title: String, company: String, location: String?, description: String) -> String {
        var text = title
        if !company.isEmpty { text += " at \(company)" }
        if let location, !location.isEmpty { text += " (\(location))" }
        text += ". " + description.prefix(maxCharacters)
        return String(text.prefix(maxCharacters))
    }

    /// A profile as the work it seeks and has done: wanted titles, past titles, skills.
    public static func profile(targetTitles: [String], pastTitles: [String], skills: [String]) -> String {
        var parts: [String] = []
        if !targetTitles.isEmpty { parts.append("Looking for work as " + targetTitles.joined(separator: ", ")) }
        if !pastTitles.isEmpty { parts.append("Worked as " + pastTitles.joined(separator: ", ")) }
        if !skills.isEmpty { parts.append("Skills: " + skills.joined(separator: ", ")) }
        return String(parts.joined(separator: ". ").prefix(maxCharacters))
    }
}
