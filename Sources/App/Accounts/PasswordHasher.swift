import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import Vapor

/// bcrypt on threads of its own, with a bounded queue.
///
/// A bcrypt hash at cost 12 keeps a core busy for about a quarter of a second. Run on the
/// thread pool that SQLite calls use (or on Swift's cooperative pool), 80 sign-ins at once
/// starved every database call behind them: other users' requests waited 11 s and failed.
/// Here hashing has threads of its own, one per core (not Dispatch's workers, which on Linux
/// Swift's cooperative pool shares), and at most `capacity` hashes may wait or run at once;
/// past that a sign-in is refused at once with 503 and `Retry-After`, not queued for ever.
final class PasswordHasher: Sendable {
    let cost: Int
    let capacity: Int
    private let pool: NIOThreadPool
    /// Hashes waiting or running.
    private let inFlight = NIOLockedValueBox(0)
    /// A hash of a password nobody knows, made once: checked when an e-mail is unknown, so that
    /// a sign-in takes as long either way.
    private let decoy = NIOLockedValueBox<String?>(nil)

    init(cost: Int, threads: Int = System.coreCount, capacity: Int = 32) {
        self.cost = cost
        self.capacity = capacity
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
    }

    deinit {
        // The pool's threads keep it alive until they have stopped.
        pool.shutdownGracefully { _ in }
    }

    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await run { try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        try await run { try Bcrypt.verify(password, created: hash) }
    }

    /// Verifies against the decoy hash: the same work as a real check, always false.
    func verifyDecoy(_ password: String) async throws -> Bool {
        let hash: String
        if let existing = decoy.withLockedValue({ $0 }) {
            hash = existing
        } else {
            hash = try await self.hash(UUID().uuidString)
            decoy.withLockedValue { $0 = $0 ?? hash }
        }
        _ = try await verify(password, against: hash)
        return false
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let admitted = inFlight.withLockedValue { count -> Bool in
            guard count < capacity else { return false }
            count += 1
            return true
        }
        guard admitted else { throw Self.busy }
        defer { inFlight.withLockedValue { $0 -= 1 } }
        return try await pool.runIfActive(work)
    }

    static let busy = APIError(
        status: .serviceUnavailable,
        message: "The server is busy checking other passwords; try again in a moment",
        headers: ["Retry-After": "2"]
    )
}
