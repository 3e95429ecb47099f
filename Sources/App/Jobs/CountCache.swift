import CareerCopilotCore
import Foundation
import NIOConcurrencyHelpers

/// Recently counted totals of job lists, so that paging through a list does not count the
/// whole catalogue on every page.
///
/// A write in this process clears it at once; a write in another process (a worker, a second
/// server) shows in totals within `lifetime`. Items themselves are always read fresh.
final class CountCache: Sendable {
    private struct Entry {
        let count: Int
        let expires: Date
    }

    let lifetime: TimeInterval
    let capacity: Int
    private let entries = NIOLockedValueBox<[JobFilter: Entry]>([:])

    init(lifetime: TimeInterval = 5, capacity: Int = 2_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The cached total for `filter`, or the one `count` computes (and is then kept).
    func count(for filter: JobFilter, orCompute count: () async throws -> Int) async throws -> Int {
        let now = Date()
        if let entry = entries.withLockedValue({ $0[filter] }), entry.expires > now {
            return entry.count
        }
        let value = try await count()
        entries.withLockedValue { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[filter] = Entry(count: value, expires: now.addingTimeInterval(lifetime))
        }
        return value
    }

    /// Forgets every total: the catalogue changed.
    func invalidate() {
        entries.withLockedValue { $0.removeAll(keepingCapacity: true) }
    }
}
