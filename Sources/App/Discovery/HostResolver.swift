import Dispatch
import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
    import Glibc
#endif

/// DNS lookups off Swift's cooperative pool, with a deadline.
///
/// `getaddrinfo` blocks its thread until the resolver gives up, which for a name server that
/// never answers takes tens of seconds. Called from async code it blocked one of the two
/// cooperative threads each: four such imports froze `/health` for 20 s. Here a lookup runs on
/// a thread of its own and the caller waits at most `timeout`; a lookup past its
/// deadline is abandoned (getaddrinfo cannot be cancelled) and its thread freed when the
/// system resolver gives up. At most `capacity` lookups are in flight, so hanging names
/// cannot pile up threads without end: past that, a lookup fails at once.
final class HostResolver: Sendable {
    typealias Lookup = @Sendable (String) -> [String]

    enum Failure: Error, Equatable {
        case timedOut, busy
    }

    let timeout: Duration
    let capacity: Int
    private let lookup: Lookup
    /// Only the deadlines run here (a timer, never blocked).
    private let queue = DispatchQueue(label: "career-copilot.dns-deadlines")
    private let inFlight = NIOLockedValueBox(0)

    init(timeout: Duration = .seconds(5), capacity: Int = 32, lookup: @escaping Lookup = HostResolver.systemLookup) {
        self.timeout = timeout
        self.capacity = capacity
        self.lookup = lookup
    }

    /// The host's addresses (an address literal is itself); empty when the name does not resolve.
    func resolve(_ host: String) async throws -> [String] {
        let admitted = inFlight.withLockedValue { count -> Bool in
            guard count < capacity else { return false }
            count += 1
            return true
        }
        guard admitted else { throw Failure.busy }
        let answer = NIOLockedValueBox<CheckedContinuation<[String]?, Never>?>(nil)
        // Whichever comes first — the answer or the deadline — resumes the caller; the other
        // finds the continuation gone.
        @Sendable func finish(_ value: [String]?) {
            let continuation = answer.withLockedValue { stored -> CheckedContinuation<[String]?, Never>? in
                defer { stored = nil }
                return stored
            }
            continuation?.resume(returning: value)
        }
        let lookup = self.lookup
        let inFlight = self.inFlight
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<[String]?, Never>) in
            answer.withLockedValue { $0 = continuation }
            // A thread of its own: Dispatch's worker threads on Linux are shared with Swift's
            // cooperative pool, and a blocked one there still stalls other requests.
            let thread = Thread {
                let addresses = lookup(host)
                inFlight.withLockedValue { $0 -= 1 }
                finish(addresses)
            }
            thread.stackSize = 256 * 1024
            thread.start()
            let nanoseconds = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
            queue.asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds))) { finish(nil) }
        }
        guard let result else { throw Failure.timedOut }
        return result
    }

    /// The system resolver (`getaddrinfo`): every IPv4 and IPv6 address of the name.
    static let systemLookup: Lookup = { host in
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(bare, nil, &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            var buffer = [UInt8](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            let family = info.pointee.ai_family
            if let address = info.pointee.ai_addr, family == AF_INET || family == AF_INET6 {
                buffer.withUnsafeMutableBytes { raw in
                    let text = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
                    if family == AF_INET {
                        address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                            var value = pointer.pointee.sin_addr
                            _ = inet_ntop(AF_INET, &value, text, socklen_t(raw.count))
                        }
                    } else {
                        address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                            var value = pointer.pointee.sin6_addr
                            _ = inet_ntop(AF_INET6, &value, text, socklen_t(raw.count))
                        }
                    }
                }
                addresses.append(String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self))
            }
            cursor = info.pointee.ai_next
        }
        return addresses
    }
}
