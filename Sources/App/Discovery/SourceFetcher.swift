import AsyncHTTPClient
import CareerCopilotCore
import Foundation
import JobSources
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

/// Fetches source pages politely and safely: an honest User-Agent, timeouts, a size cap,
/// retries on 429 and 5xx honouring `Retry-After`, at most two requests at once per host,
/// conditional requests (`ETag` / `Last-Modified`), and — for any URL — the SSRF guard: only
/// http(s), and no private, loopback, link-local or metadata address, checked after DNS
/// resolution and again on every redirect (unless `CC_ALLOW_PRIVATE_NETWORK=1`, for tests and
/// intranets). The connection then goes to the very address that was checked, so a DNS answer
/// that changes between the check and the connection (rebinding) cannot reach a private one.
struct SourceFetcher: Sendable {
    let client: HTTPClient
    var allowPrivateNetwork = false
    /// Hosts allowed to resolve to private addresses while the guard is on (tests use it to
    /// prove the guard on every other host; the connection is still pinned).
    var trustedHosts: Set<String> = []
    /// Keys for the sources that need them.
    var credentials = SourceCredentials()
    /// DNS off the cooperative pool, with a deadline (the guard resolves every host itself).
    var resolver: HostResolver
    var maxAttempts = 3
    var timeout: TimeAmount = .seconds(25)
    var maxBytes = 10 * 1024 * 1024
    /// Longest wait for a `Retry-After`; a source asking for more fails this run.
    var maxRetryWait: TimeInterval = 30
    /// Least time between two requests to one host (`CC_SOURCE_REQUEST_INTERVAL_MS`).
    var requestInterval: Duration = .milliseconds(200)

    static let userAgent = "CareerCopilot/\(CareerCopilotVersion.current) (self-hosted job search)"

    enum FetchError: Error, CustomStringConvertible, Equatable {
        case forbiddenAddress(String), unresolvable(String), badURL(String), status(Int, String), tooLarge(Int), tooManyRedirects, rateLimited(String),
            timedOut(String)
        case unreachable(String, String)

        /// URLs appear with their secret parameters hidden: these messages are logged and stored.
        var description: String {
            switch self {
            case let .forbiddenAddress(host): "\(host) resolves to a private or local address (set CC_ALLOW_PRIVATE_NETWORK=1 to allow)"
            case let .unresolvable(host): "\(host) could not be resolved (DNS)"
            case let .badURL(url): "not an http(s) URL: \(SourceCredentials.redact(url).prefix(200))"
            case let .status(code, url): "HTTP \(code) from \(SourceCredentials.redact(url).prefix(200))"
            case let .tooLarge(limit): "the response is larger than \(limit / 1_048_576) MiB"
            case .tooManyRedirects: "more than 5 redirects"
            case let .rateLimited(url): "still rate limited by \(SourceCredentials.redact(url).prefix(200)) after retries"
            case let .timedOut(url): "no complete answer from \(SourceCredentials.redact(url).prefix(200)) within the time limit"
            case let .unreachable(url, reason): "\(SourceCredentials.redact(url).prefix(200)) could not be reached (\(reason))"
            }
        }
    }

    /// What a previous answer said about its content, to ask "has it changed?".
    struct Validators: Codable, Sendable, Equatable {
        var etag: String?
        var lastModified: String?

        var isEmpty: Bool { etag == nil && lastModified == nil }
    }

    struct Fetched: Sendable {
        var body: Data
        /// The URL that answered, after redirects.
        var url: String
        var validators: Validators
        /// 304: the content is what `validators` described.
        var notModified = false
    }

    func get(_ url: String, headers: [(name: String, value: String)] = [], validators: Validators? = nil, logger: Logger) async throws -> Fetched {
        var current = url
        var origin: String?
        for _ in 0...5 {
            guard let components = URLComponents(string: current), let scheme = components.scheme?.lowercased(),
                scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
            else { throw FetchError.badURL(current) }
            let target = current
            // Requests are counted per host and port: two boards on one host share its limits.
            let authority = (components.port.map { "\(host):\($0)" } ?? host).lowercased()
            if origin == nil { origin = authority }
            // A source's own headers (keys, a contact e-mail) and validators are for its host: a
            // redirect elsewhere gets neither.
            let sameHost = authority == origin
            let headers = sameHost ? headers : []
            let validators = sameHost ? validators : nil
            let interval = requestInterval
            let answer: Answer
            if allowPrivateNetwork {
                // Resolved here first all the same: a name that does not resolve fails now,
                // clearly and within the resolver's deadline, not at the connect timeout.
                _ = try await checkedAddress(host, trusted: true)
                answer = try await HostLimiter.shared.run(authority, interval: interval) {
                    try await self.attempt(target, client: self.client, headers: headers, validators: validators, logger: logger)
                }
            } else {
                let address = try await checkedAddress(host, trusted: trustedHosts.contains(host.lowercased()))
                answer = try await HostLimiter.shared.run(authority, interval: interval) {
                    try await self.pinned(to: address, host: host) { client in
                        try await self.attempt(target, client: client, headers: headers, validators: validators, logger: logger)
                    }
                }
            }
            if answer.status == 304 {
                // "Not modified" means something only as the answer to a question we asked.
                guard let validators, !validators.isEmpty else { throw FetchError.status(304, current) }
                return Fetched(body: Data(), url: current, validators: validators, notModified: true)
            }
            if (300..<400).contains(answer.status) {
                guard let location = answer.location, let next = URL(string: location, relativeTo: URL(string: current))?.absoluteString else {
                    throw FetchError.badURL(answer.location ?? "")
                }
                current = next
                continue
            }
            return Fetched(body: answer.body, url: current, validators: answer.validators)
        }
        throw FetchError.tooManyRedirects
    }

    /// Runs `body` with a client whose connections to `host` go to `address` only (TLS still
    /// verifies the certificate for `host`): one short-lived client per request, shut down after.
    private func pinned<T: Sendable>(to address: String, host: String, _ body: @Sendable (HTTPClient) async throws -> T) async throws -> T {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(10))
        configuration.dnsOverride = [host: address]
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        do {
            let result = try await body(client)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private struct Answer: Sendable {
        let status: Int
        let location: String?
        let body: Data
        var validators = Validators()
    }

    /// One URL, with retries on 429 and 5xx.
    private func attempt(_ url: String, client: HTTPClient, headers: [(name: String, value: String)], validators: Validators?, logger: Logger) async throws
        -> Answer
    {
        var attempt = 1
        while true {
            var request = HTTPClientRequest(url: url)
            request.headers.add(name: "User-Agent", value: Self.userAgent)
            request.headers.add(name: "Accept", value: "application/json, application/rss+xml, application/atom+xml, text/html;q=0.9, */*;q=0.5")
            for header in headers { request.headers.replaceOrAdd(name: header.name, value: header.value) }
            if let etag = validators?.etag { request.headers.add(name: "If-None-Match", value: etag) }
            if let lastModified = validators?.lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
            let deadline = NIODeadline.now() + timeout
            let response: HTTPClientResponse
            do {
                response = try await client.execute(request, deadline: deadline)
            } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
                throw FetchError.timedOut(url)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                // Refused, reset, TLS failures …: the source could not be reached, which is about
                // the source, not a fault of ours.
                throw FetchError.unreachable(url, Self.plainReason(error))
            }
            let status = Int(response.status.code)
            if status == 429 || status >= 500 {
                let wait = Self.retryAfter(response.headers.first(name: "Retry-After")) ?? RetryPolicy(base: 1, cap: 8).delay(afterAttempt: attempt)
                guard attempt < maxAttempts, wait <= maxRetryWait else {
                    throw status == 429 ? FetchError.rateLimited(url) : FetchError.status(status, url)
                }
                logger.info(
                    "Source answered \(status); retrying", metadata: ["url": .string(SourceCredentials.redact(url)), "wait_s": .stringConvertible(wait)])
                try await Task.sleep(for: .milliseconds(Int64(wait * 1000)))
                attempt += 1
                continue
            }
            if status == 304 || (300..<400).contains(status) {
                return Answer(status: status, location: response.headers.first(name: "Location"), body: Data())
            }
            guard (200..<300).contains(status) else { throw FetchError.status(status, url) }
            if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > maxBytes { throw FetchError.tooLarge(maxBytes) }
            do {
                // The client's deadline ends with the head; the body gets the rest of the time,
                // so a server that trickles bytes is cut off too.
                let limit = maxBytes
                let buffer = try await Self.before(deadline, url: url) { try await response.body.collect(upTo: limit) }
                let validators = Validators(etag: response.headers.first(name: "ETag"), lastModified: response.headers.first(name: "Last-Modified"))
                return Answer(status: status, location: nil, body: Data(buffer.readableBytesView), validators: validators)
            } catch is NIOTooManyBytesError {
                throw FetchError.tooLarge(maxBytes)
            } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
                throw FetchError.timedOut(url)
            }
        }
    }

    /// `work`, or `FetchError.timedOut` once the deadline passes (the work is cancelled).
    static func before<T: Sendable>(_ deadline: NIODeadline, url: String, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                let nanoseconds = max(0, (deadline - .now()).nanoseconds)
                try await Task.sleep(nanoseconds: UInt64(nanoseconds))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let result = first else { throw FetchError.timedOut(url) }
            return result
        }
    }

    /// What went wrong with a connection, in words a person reads on the sources page.
    static func plainReason(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("refused") || error is NIOConnectionError { return "the connection was refused" }
        if text.localizedCaseInsensitiveContains("tls") || text.localizedCaseInsensitiveContains("ssl") || text.contains("handshake") {
            return "the secure connection failed"
        }
        if let error = error as? HTTPClientError, error == .remoteConnectionClosed { return "the server closed the connection" }
        return "the connection failed"
    }

    /// Seconds from a `Retry-After` header (delta seconds, or an HTTP date).
    static func retryAfter(_ value: String?) -> TimeInterval? {
        guard let value = value?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value.prefix(32)) { return seconds.isFinite ? max(0, seconds) : nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSinceNow) }
    }

    /// The address to connect to: every address the host resolves to must be public (unless
    /// the host is trusted); the first IPv4 one is used, else the first.
    func checkedAddress(_ host: String, trusted: Bool = false) async throws -> String {
        let addresses: [String]
        do {
            addresses = try await resolver.resolve(host)
        } catch HostResolver.Failure.timedOut {
            throw FetchError.unresolvable("\(host) (no DNS answer within \(resolver.timeout))")
        } catch {
            throw FetchError.unresolvable("\(host) (too many DNS lookups at once; try again)")
        }
        guard !addresses.isEmpty else { throw FetchError.unresolvable(host) }
        guard trusted || !addresses.contains(where: NetworkAddress.isPrivate) else { throw FetchError.forbiddenAddress(host) }
        return addresses.first { !$0.contains(":") } ?? addresses[0]
    }
}

/// At most `limit` requests at once to one host, however many sources share it, and their
/// starts at least `interval` apart.
actor HostLimiter {
    static let shared = HostLimiter(limit: 2)

    private let limit: Int
    private var active: [String: Int] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]
    /// When the next request to each host may start.
    private var nextStart: [String: ContinuousClock.Instant] = [:]

    init(limit: Int) {
        self.limit = limit
    }

    func run<T: Sendable>(_ host: String, interval: Duration = .zero, _ body: @Sendable () async throws -> T) async throws -> T {
        await acquire(host)
        defer { release(host) }
        let start = reserveStart(host, interval: interval)
        if start > .now { try await Task.sleep(until: start, clock: .continuous) }
        return try await body()
    }

    /// The start time of this request, and the earliest of the next one.
    private func reserveStart(_ host: String, interval: Duration) -> ContinuousClock.Instant {
        let now = ContinuousClock.now
        let start = max(now, nextStart[host] ?? now)
        nextStart[host] = start + interval
        if nextStart.count > 10_000 { nextStart = nextStart.filter { $0.value > now } }
        return start
    }

    private func acquire(_ host: String) async {
        if active[host, default: 0] < limit {
            active[host, default: 0] += 1
            return
        }
        await withCheckedContinuation { waiting[host, default: []].append($0) }
    }

    private func release(_ host: String) {
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue
            next.resume()
        } else {
            active[host, default: 1] -= 1
        }
    }
}
