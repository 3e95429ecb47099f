import CareerCopilotCore
import Foundation
import NIOConcurrencyHelpers
import NIOFoundationCompat
import SQLKit
import Testing
import Vapor

@testable import App

/// Embeddings from a server speaking OpenAI's `POST /v1/embeddings` (OpenAI, Ollama, vLLM …):
/// a local server with that wire format checks what the product sends and answers with
/// vectors, errors and throttling; and recommendations blended with similarity.
@Suite("Embedding providers")
struct EmbeddingProvidersTests {
    /// A local `/v1/embeddings`: each input's vector counts its words in 64 buckets (by an
    /// FNV-1a hash: the same in every run), so that texts sharing words are alike. `plan` scripts answers before the vectors (429, 401 …).
    final class EmbeddingsServer: @unchecked Sendable {
        let app: Application
        let port: Int
        let requests = NIOLockedValueBox<[(headers: HTTPHeaders, body: JSONValue)]>([])
        let plan = NIOLockedValueBox<[(HTTPResponseStatus, String, HTTPHeaders)]>([])

        init() async throws {
            app = try await Application.make(.testing)
            app.middleware = Middlewares()
            let requests = requests
            let plan = plan
            app.post("v1", "embeddings") { request -> Response in
                let body = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: request.body.data ?? ByteBuffer()))
                requests.withLockedValue { $0.append((request.headers, body)) }
                if let (status, text, headers) = plan.withLockedValue({ $0.isEmpty ? nil : $0.removeFirst() }) {
                    return Response(status: status, headers: headers, body: .init(string: text))
                }
                let inputs = body["input"]?.arrayValue?.compactMap(\.stringValue) ?? []
                let data: [JSONValue] = inputs.enumerated().map { index, text in
                    var buckets = [Double](repeating: 0.01, count: 64)
                    for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
                        let hash = word.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }
                        buckets[Int(hash % 64)] += 1
                    }
                    return ["object": "embedding", "index": .number(Double(index)), "embedding": .array(buckets.map { .number($0) })]
                }
                let answer: JSONValue = [
                    "object": "list", "data": .array(data.reversed()), "model": body["model"] ?? "m",
                    "usage": ["prompt_tokens": 5, "total_tokens": 5],
                ]
                return Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(data: try JSONEncoder().encode(answer)))
            }
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            port = app.http.server.shared.localAddress?.port ?? 0
        }

        var baseURL: String { "http://127.0.0.1:\(port)/v1" }

        func stop() async throws {
            await app.server.shutdown()
            try await app.asyncShutdown()
        }
    }

    static let key = "sk-test-0123456789abcdef"

    @Test(arguments: TestDatabase.all)
    func anOpenAICompatibleServer_embedsJobs_andIsAskedInItsOwnFormat(database: TestDatabase) async throws {
        let embedder = try await EmbeddingsServer()
        defer { Task { try? await embedder.stop() } }
        let settings = AppConfiguration.RemoteEmbedder(baseURL: embedder.baseURL, apiKey: Self.key, model: "nomic-embed-text", dimensions: 64)
        try await withServer(database, adjust: { $0.embeddings = .remote(settings) }) { server in
            for (title, text) in [("Pastry Chef", "croissants tarts bakery"), ("Welder", "steel frames welding shop"), ("Nurse", "patients ward night shift")] {
                _ = try await server.post("/api/v1/jobs", ["title": .string(title), "company": "Acme", "description": .string(text)])
            }
            // One throttled answer first: the embedder waits as told and tries again.
            embedder.plan.withLockedValue { $0 = [(.tooManyRequests, #"{"error":{"message":"slow down"}}"#, ["Retry-After": "0"])] }
            try await server.runQueuedTasks(kind: EmbeddingRefreshHandler.kind)
            let sent = embedder.requests.withLockedValue { $0 }
            #expect(sent.count == 2, "one throttled, one answered")
            let last = try #require(sent.last)
            #expect(last.headers.first(name: .authorization) == "Bearer \(Self.key)")
            #expect(last.body["model"] == "nomic-embed-text")
            #expect(last.body["dimensions"] == 64)
            #expect(last.body["input"]?.arrayValue?.count == 3)
            #expect(try await TaskQueueTests.count(server, "SELECT count(*) AS count FROM job_embeddings WHERE model = 'remote:nomic-embed-text:64'") == 3)

            let found = try await server.get("/api/v1/jobs/search?q=croissants+bakery&mode=semantic").data
            #expect(found["items"]?.arrayValue?.first?["title"] == "Pastry Chef")
            #expect(found["mode"] == "semantic")
        }
    }

    @Test
    func errors_sayWhatWentWrong_andNeverShowTheKey() async throws {
        let embedder = try await EmbeddingsServer()
        defer { Task { try? await embedder.stop() } }
        let remote = RemoteTextEmbedder(
            settings: .init(baseURL: embedder.baseURL, apiKey: Self.key, model: "missing-model", dimensions: nil), client: HTTPClient.shared)
        let cases: [(HTTPResponseStatus, String, String)] = [
            (.unauthorized, #"{"error":{"message":"Incorrect API key provided: sk-test-0123…"}}"#, "refused the API key"),
            (.notFound, #"{"error":{"message":"model not found"}}"#, "does not know the model 'missing-model'"),
            (.ok, #"{"data":[{"index":0,"embedding":["x"]}]}"#, "something other than numbers"),
            (.ok, "<html>gateway</html>", "not an embeddings response"),
            (.ok, #"{"data":[{"index":5,"embedding":[1,2]}]}"#, "not a vector"),
        ]
        for (status, body, expected) in cases {
            embedder.plan.withLockedValue { $0 = [(status, body, ["Content-Type": "application/json"])] }
            let error = await #expect(throws: EmbeddingError.self) { _ = try await remote.embed(["a text"]) }
            #expect(error?.description.contains(expected) == true, "\(String(describing: error))")
            #expect(error?.description.contains(Self.key) == false)
        }
        // 500s are retried, then reported.
        embedder.plan.withLockedValue { $0 = Array(repeating: (.internalServerError, "oops", [:]), count: RemoteTextEmbedder.attempts) }
        let failure = await #expect(throws: EmbeddingError.self) { _ = try await remote.embed(["a text"]) }
        #expect(failure?.description.contains("HTTP 500") == true)
    }

    @Test(arguments: TestDatabase.all)
    func recommendations_blendTheMatchScoreWithSimilarity(database: TestDatabase) async throws {
        try #require(JobSearchTests.modelDirectory != nil, "set CC_TEST_MODEL_DIR (scripts/test does)")
        try await withServer(database, adjust: JobSearchTests.withModel) { server in
            #expect(try await server.put("/api/v1/profile", MatchingAPITests.profile).status == .ok)
            for (title, text) in [
                ("Backend Engineer", "Go services for payments on PostgreSQL and Kubernetes."),
                ("Platform Engineer", "Kubernetes, Docker and Terraform for our Go teams."),
                ("Backend Developer", "Payments ledger in Go, Kafka streams, PostgreSQL."),
                ("Pastry Chef", "Croissants and tarts; Go to the market at dawn."),
            ] {
                _ = try await MatchingAPITests.job(server, title, description: text)
            }
            try await server.runQueuedTasks(kind: EmbeddingRefreshHandler.kind)
            try await MatchingAPITests.refreshMatches(server)
            let items = try #require(try await server.get("/api/v1/jobs/recommendations").data["items"]?.arrayValue)
            #expect(items.count >= 3)
            let fits = items.map { item in
                Recommendations.fit(item["match"]?["score"]?.intValue ?? 0, item["similarity"]?.numberValue)
            }
            #expect(items.allSatisfy { ($0["similarity"]?.numberValue).map { (-1...1).contains($0) } == true }, "every job has its similarity")
            #expect(fits == fits.sorted(by: >), "ordered by the blend: \(fits)")
            #expect(items.first?["title"]?.stringValue?.hasPrefix("Backend") == true)
        }
    }

    @Test
    func aSearch_triesAFailingServerOnce_andAnswersWithKeywords() async throws {
        let embedder = try await EmbeddingsServer()
        defer { Task { try? await embedder.stop() } }
        let settings = AppConfiguration.RemoteEmbedder(baseURL: embedder.baseURL, apiKey: Self.key, model: "m", dimensions: nil)
        try await withServer(.sqlite, adjust: { $0.embeddings = .remote(settings) }) { server in
            _ = try await server.post("/api/v1/jobs", ["title": "Pastry Chef", "company": "Acme", "description": "croissants"])
            try await server.runQueuedTasks(kind: EmbeddingRefreshHandler.kind)
            let before = embedder.requests.withLockedValue { $0.count }
            embedder.plan.withLockedValue { $0 = Array(repeating: (.internalServerError, "down", [:]), count: 10) }
            let started = Date()
            let answer = try await server.get("/api/v1/jobs/search?q=croissants&mode=semantic").data
            #expect(Date().timeIntervalSince(started) < 5, "no retries with backoff inside a search")
            #expect(embedder.requests.withLockedValue { $0.count } == before + 1, "one try")
            #expect(answer["mode"] == "keyword")
            #expect(answer["notice"]?.stringValue?.contains("HTTP 500") == true)
            #expect(answer["items"]?.arrayValue?.count == 1)
        }
    }
}
