import AsyncHTTPClient
import CareerCopilotCore
import JobSources
import Vapor

/// Everything the handlers, commands and background work of one process use, built once from
/// the configuration and handed to `configure`, which gives it to every controller, command
/// and background service. Every part is built once, here; tests give their own parts (a DNS
/// resolver that never answers, the HTTP client's policy) to `init`. Nothing here is global:
/// the servers a test run starts in one process share nothing.
public struct AppServices: Sendable {
    public let configuration: AppConfiguration
    /// Source runs and imports: the SSRF guard, politeness, the operator's keys.
    let fetcher: SourceFetcher
    /// How sure the deduplicator must be (`CC_DEDUP_TITLE_SIMILARITY`).
    let dedupPolicy: Deduplicator.Policy
    /// Totals of recent job lists, shared by this process's requests.
    let jobCounts = CountCache()
    /// bcrypt on threads of its own.
    let passwordHasher: PasswordHasher
    /// Whether the database takes writes, checked at start and by `/health`.
    let writeProbe = WriteProbe()
    /// Wakes this process's idle workers when a task is enqueued or a `NOTIFY` arrives.
    let taskSignal = TaskSignal()

    /// The background tasks this process runs.
    let taskHandlers: TaskHandlers
    /// Semantic search: the embedder and this process's copy of the vectors.
    let embeddings: Embeddings
    /// The time that requests arrive at and sessions are judged by.
    let time: any TimeSource

    /// `application`'s HTTP client serves source fetches: it follows no redirect by itself
    /// (the fetcher checks each hop) and gives up connecting after 10 s unless the caller
    /// chose otherwise before. `hostResolver`: DNS for fetches (tests give one that never answers).
    public init(configuration: AppConfiguration, application: Application) {
        self.init(configuration: configuration, application: application, hostResolver: HostResolver())
    }

    init(configuration: AppConfiguration, application: Application, hostResolver: HostResolver, time: any TimeSource = SystemTime()) {
        self.configuration = configuration
        self.time = time
        application.http.client.configuration.redirectConfiguration = .disallow
        if application.http.client.configuration.timeout.connect == nil {
            // Fetches carry their own deadline (SourceFetcher.timeout); this bounds connecting only.
            application.http.client.configuration.timeout.connect = .seconds(10)
        }
        fetcher = SourceFetcher(
            client: application.http.client.shared, allowPrivateNetwork: configuration.allowPrivateNetwork,
            credentials: configuration.sourceCredentials, resolver: hostResolver,
            timeout: .seconds(Int64(configuration.sourceTimeout)), requestInterval: .milliseconds(configuration.sourceRequestInterval)
        )
        dedupPolicy = Deduplicator.Policy(titleSimilarity: configuration.dedupTitleSimilarity)
        passwordHasher = PasswordHasher(cost: configuration.passwordHashCost, capacity: configuration.passwordHashCapacity)
        var handlers = TaskHandlers.standard(diagnostics: configuration.diagnosticTasks)
        handlers.register(DiscoveryRunHandler(fetcher: fetcher, counts: jobCounts, policy: dedupPolicy))
        handlers.register(DiscoveryDueHandler())
        handlers.register(MatchRefreshHandler(time: time))
        embeddings = Embeddings(configuration.embeddings, client: application.http.client.shared)
        handlers.register(EmbeddingRefreshHandler(embeddings: embeddings))
        taskHandlers = handlers
    }
}
