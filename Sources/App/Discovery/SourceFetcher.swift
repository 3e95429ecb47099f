import AsyncHTTPClient
import CareerCopilotCore
import Foundation
import Logging
import NIOCore
import NIOHTTP1
#if canImport(Glibc)
import Glibc
#endif

/// Fetches source pages politely and safely: an honest User-Agent, timeouts, a size cap,
/// retries on 429 and 5xx honouring `Retry-After`, at most two requests at once per host,
/// and — for any URL — the SSRF guard: only http(s), and no private, loopback, link-local or
/// metadata address, checked after DNS resolution and again on every redirect (unless
/// `CC_ALLOW_PRIVATE_NETWORK=1`, for tests and intranets).
struct SourceFetcher: Sendable {
    let client: HTTPClient
    var allowPrivateNetwork = false
    var maxAttempts = 3
    var timeout: TimeAmount = .seconds(25)
    var maxBytes = 10 * 1024 * 1024
    /// Longest wait for a `Retry-After`; a source asking for more fails this run.
    var maxRetryWait: TimeInterval = 30

    static let userAgent = "CareerCopilot/\(CareerCopilotVersion.current) (self-hosted job search)"

    enum FetchError: Error, CustomStringConvertible, Equatable {
        case forbiddenAddress(String), unresolvable(String), badURL(String), status(Int, String), tooLarge(Int), tooManyRedirects, rateLimited(String)

        var description: String {
            switch self {
            case let .forbiddenAddress(host): "\(host) resolves to a private or local address (set CC_ALLOW_PRIVATE_NETWORK=1 to allow)"
            case let .unresolvable(host): "\(host) could not be resolved (DNS)"
            case let .badURL(url): "not an http(s) URL: \(url.prefix(200))"
            case let .status(code, url): "HTTP \(code) from \(url.prefix(200))"
            case let .tooLarge(limit): "the response is larger than \(limit / 1_048_576) MiB"
            case .tooManyRedirects: "more than 5 redirects"
            case let .rateLimited(url): "still rate limited by \(url.prefix(200)) after retries"
            }
        }
    }

    func get(_ url: String, logger: Logger) async throws -> (body: Data, url: String) {
        var current = url
        for _ in 0...5 {
            guard let components = URLComponents(string: current), let scheme = components.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
            else { throw FetchError.badURL(current) }
            if !allowPrivateNetwork { try Self.checkPublic(host) }
            let target = current
            let response = try await HostLimiter.shared.run(host) { try await self.attempt(target, logger: logger) }
            if (300..<400).contains(response.status), let location = response.location {
                guard let next = URL(string: location, relativeTo: URL(string: current))?.absoluteString else { throw FetchError.badURL(location) }
                current = next
                continue
            }
            return (response.body, current)
        }
        throw FetchError.tooManyRedirects
    }

    private struct Answer: Sendable {
        let status: Int
        let location: String?
        let body: Data
    }

    /// One URL, with retries on 429 and 5xx.
    private func attempt(_ url: String, logger: Logger) async throws -> Answer {
        var attempt = 1
        while true {
            var request = HTTPClientRequest(url: url)
            request.headers.add(name: "User-Agent", value: Self.userAgent)
            request.headers.add(name: "Accept", value: "application/json, text/html;q=0.9, */*;q=0.5")
            let response = try await client.execute(request, timeout: timeout)
            let status = Int(response.status.code)
            if status == 429 || status >= 500 {
                let wait = Self.retryAfter(response.headers.first(name: "Retry-After")) ?? RetryPolicy(base: 1, cap: 8).delay(afterAttempt: attempt)
                guard attempt < maxAttempts, wait <= maxRetryWait else {
                    throw status == 429 ? FetchError.rateLimited(url) : FetchError.status(status, url)
                }
                logger.info("Source answered \(status); retrying", metadata: ["url": .string(url), "wait_s": .stringConvertible(wait)])
                try await Task.sleep(for: .milliseconds(Int64(wait * 1000)))
                attempt += 1
                continue
            }
            if (300..<400).contains(status) {
                return Answer(status: status, location: response.headers.first(name: "Location"), body: Data())
            }
            guard (200..<300).contains(status) else { throw FetchError.status(status, url) }
            if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > maxBytes { throw FetchError.tooLarge(maxBytes) }
            do {
                let buffer = try await response.body.collect(upTo: maxBytes)
                return Answer(status: status, location: nil, body: Data(buffer.readableBytesView))
            } catch is NIOTooManyBytesError {
                throw FetchError.tooLarge(maxBytes)
            }
        }
    }

    /// Seconds from a `Retry-After` header (delta seconds, or an HTTP date).
    static func retryAfter(_ value: String?) -> TimeInterval? {
        guard let value = value?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSinceNow) }
    }

    /// Throws unless every address the host resolves to is public.
    static func checkPublic(_ host: String) throws {
        let addresses = resolve(host)
        guard !addresses.isEmpty else { throw FetchError.unresolvable(host) }
        guard !addresses.contains(where: NetworkAddress.isPrivate) else { throw FetchError.forbiddenAddress(host) }
    }

    /// The host's addresses (an address literal is itself).
    static func resolve(_ host: String) -> [String] {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(bare, nil, &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            if info.pointee.ai_family == AF_INET, let address = info.pointee.ai_addr {
                address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                    var value = pointer.pointee.sin_addr
                    _ = inet_ntop(AF_INET, &value, &buffer, socklen_t(buffer.count))
                }
                addresses.append(String(cString: buffer))
            } else if info.pointee.ai_family == AF_INET6, let address = info.pointee.ai_addr {
                address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                    var value = pointer.pointee.sin6_addr
                    _ = inet_ntop(AF_INET6, &value, &buffer, socklen_t(buffer.count))
                }
                addresses.append(String(cString: buffer))
            }
            cursor = info.pointee.ai_next
        }
        return addresses
    }
}

/// At most `limit` requests at once to one host, however many sources share it.
actor HostLimiter {
    static let shared = HostLimiter(limit: 2)

    private let limit: Int
    private var active: [String: Int] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(limit: Int) {
        self.limit = limit
    }

    func run<T: Sendable>(_ host: String, _ body: @Sendable () async throws -> T) async throws -> T {
        await acquire(host)
        defer { release(host) }
        return try await body()
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
