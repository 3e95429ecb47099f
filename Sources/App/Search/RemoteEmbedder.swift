import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Search

/// Embeddings from a server speaking OpenAI's `POST /v1/embeddings` (OpenAI itself, Ollama,
/// llama.cpp, vLLM, LM Studio). The base URL is the operator's choice, so discovery's guard
/// against private addresses does not apply. The key goes in one header and nowhere else:
/// not in an error, not in a log.
struct RemoteTextEmbedder: TextEmbedder {
    let settings: AppConfiguration.RemoteEmbedder
    let client: HTTPClient
    /// Inputs per request (OpenAI takes up to 2,048; local servers are happier with fewer).
    static let batchSize = 64
    static let timeout: TimeAmount = .seconds(60)
    static let attempts = 4
    /// Background embedding waits and tries again; a search's own text gets one short try,
    /// and the search answers with keywords if it fails (`forQueries`).
    var timeout = Self.timeout
    var attempts = Self.attempts

    /// The same server for the text of a search: one try of at most 5 s.
    var forQueries: RemoteTextEmbedder {
        var quick = self
        quick.timeout = .seconds(5)
        quick.attempts = 1
        return quick
    }
    static let maxResponseBytes = 64 << 20

    var model: String {
        "remote:\(settings.model)" + (settings.dimensions.map { ":\($0)" } ?? "")
    }

    func embed(_ texts: [String]) async throws -> [[Float]] {
        var vectors: [[Float]] = []
        var start = 0
        while start < texts.count {
            let batch = Array(texts[start..<min(start + Self.batchSize, texts.count)])
            vectors += try await request(batch)
            start += Self.batchSize
        }
        return vectors
    }

    private func request(_ texts: [String]) async throws -> [[Float]] {
        var body: [String: Any] = ["model": settings.model, "input": texts.map { $0.isEmpty ? " " : $0 }, "encoding_format": "float"]
        if let dimensions = settings.dimensions { body["dimensions"] = dimensions }
        let payload = try JSONSerialization.data(withJSONObject: body)
        var attempt = 0
        while true {
            attempt += 1
            var request = HTTPClientRequest(url: settings.baseURL + "/embeddings")
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            if let key = settings.apiKey { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
            request.body = .bytes(ByteBuffer(bytes: payload))
            let response: HTTPClientResponse
            let bytes: ByteBuffer
            do {
                response = try await client.execute(request, timeout: timeout)
                bytes = try await response.body.collect(upTo: Self.maxResponseBytes)
            } catch {
                if attempt < attempts { try await Task.sleep(for: .seconds(Self.backoff(attempt))); continue }
                throw EmbeddingError("The embeddings server at \(settings.baseURL) could not be reached (\(type(of: error)))")
            }
            let status = response.status.code
            if status == 429 || status >= 500, attempt < attempts {
                let wait = response.headers.first(name: "Retry-After").flatMap(Double.init).map { min($0, 60) } ?? Self.backoff(attempt)
                try await Task.sleep(for: .seconds(wait))
                continue
            }
            guard status == 200 else { throw EmbeddingError(Self.explain(status: status, body: bytes, model: settings.model)) }
            return try Self.vectors(from: bytes, count: texts.count)
        }
    }

    static func backoff(_ attempt: Int) -> Double { 0.5 * pow(2, Double(attempt - 1)) }

    /// What went wrong, in the words of the server's `error.message` when it sent one (never the key).
    static func explain(status: UInt, body: ByteBuffer, model: String) -> String {
        let message = (try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])
            .flatMap { ($0["error"] as? [String: Any])?["message"] as? String ?? $0["error"] as? String }
            .map { String($0.prefix(300)) }
        let detail = message.map { ": \($0)" } ?? ""
        switch status {
        case 401, 403: return "The embeddings server refused the API key (HTTP \(status))\(detail)"
        case 404: return "The embeddings server does not know the model '\(model)' or the /embeddings path (HTTP 404)\(detail)"
        default: return "The embeddings server answered HTTP \(status)\(detail)"
        }
    }

    /// The vectors of `data[].embedding`, put in order by `index` and scaled to length 1.
    static func vectors(from body: ByteBuffer, count: Int) throws -> [[Float]] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any], let data = object["data"] as? [[String: Any]]
        else { throw EmbeddingError("The embeddings server's answer is not an embeddings response") }
        var vectors = [[Float]](repeating: [], count: count)
        for (position, item) in data.enumerated() {
            let index = (item["index"] as? Int) ?? position
            guard vectors.indices.contains(index), let numbers = item["embedding"] as? [Any] else {
                throw EmbeddingError("The embeddings server's answer has an entry that is not a vector")
            }
            let floats = numbers.compactMap { ($0 as? NSNumber)?.floatValue }
            guard floats.count == numbers.count, !floats.isEmpty, floats.allSatisfy(\.isFinite) else {
                throw EmbeddingError("The embeddings server's answer has a vector with something other than numbers")
            }
            vectors[index] = MiniLM.unitLength(floats)
        }
        guard vectors.allSatisfy({ !$0.isEmpty }), Set(vectors.map(\.count)).count == 1 else {
            throw EmbeddingError("The embeddings server returned \(data.count) vectors of mixed sizes for \(count) texts")
        }
        return vectors
    }
}

struct EmbeddingError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
