import Fluent
import Foundation
import NIOConcurrencyHelpers
import Search

/// This process's copy of one model's vectors, for exact search in memory (decision 0023).
///
/// The database is the record; this copy follows it. The worker that embeds puts its vectors
/// here as it stores them; other processes' vectors arrive with `refresh`, which reads the
/// rows stored since it last read (by `embedded_at`, from `lateCommitMargin` before that read
/// began: a row stamped before then whose transaction committed after it is read again) and
/// reloads everything when the counts disagree — a job was deleted. Results are
/// always checked against the jobs table, so a vector of a deleted or hidden job can cost a
/// place in the candidates, never show a job.
final class SemanticIndex: @unchecked Sendable {
    /// How often a search may ask the database for new vectors.
    static let refreshInterval: TimeInterval = 1
    /// Longer than a batch's write takes (one statement): rows stamped this long before the
    /// last read began are read again. Processes on several machines need clocks this close.
    static let lateCommitMargin: TimeInterval = 30

    private let lock = ReadWriteLock()
    // Guarded by `lock`.
    private var index: VectorIndex?
    private var model: String?
    private var newest: Double = 0
    /// When the last read of rows began.
    private var lastRead: Date = .distantPast
    private var lastRefresh: Date = .distantPast
    /// One refresh at a time; the others use the copy as it is.
    private let refreshing = NIOLockedValueBox(false)
    /// Counts changes of the copy (guarded by `lock`): cached neighbours of another
    /// generation are stale.
    private var generation = 0
    /// Neighbours of jobs' own vectors, by job, for the generation they were found in: a job's
    /// page asks for them on every view, and they change only when vectors do.
    private let neighbourCache = NIOLockedValueBox<(generation: Int, entries: [Int: [(id: Int, score: Float)]])>((0, [:]))
    static let cachedNeighbours = 4_096

    /// Searches the copy; nil when it holds no vectors of `model` yet.
    func nearest(to query: [Float], model: String, k: Int, allowed: ((Int) -> Bool)? = nil) -> [(id: Int, score: Float)]? {
        lock.reading {
            guard self.model == model, let index else { return nil }
            return index.nearest(to: query, k: k, allowed: allowed)
        }
    }

    /// The `k` jobs nearest to `jobID`'s own vector (itself included); nil when this copy has
    /// no vector of it.
    func neighbours(of jobID: Int, model: String, k: Int) -> [(id: Int, score: Float)]? {
        let current = lock.reading { self.model == model ? generation : nil }
        guard let current else { return nil }
        if let cached = neighbourCache.withLockedValue({ $0.generation == current ? $0.entries[jobID] : nil }), cached.count >= k {
            return Array(cached.prefix(k))
        }
        let found = lock.reading { () -> (generation: Int, neighbours: [(id: Int, score: Float)])? in
            guard self.model == model, let index, let vector = index.vector(of: jobID) else { return nil }
            return (generation, index.nearest(to: vector, k: k))
        }
        guard let found else { return nil }
        neighbourCache.withLockedValue { cache in
            if cache.generation != found.generation || cache.entries.count >= Self.cachedNeighbours { cache = (found.generation, [:]) }
            cache.entries[jobID] = found.neighbours
        }
        return found.neighbours
    }

    /// The stored vector of a job, if this copy has it.
    func vector(of jobID: Int, model: String) -> [Float]? {
        lock.reading { self.model == model ? index?.vector(of: jobID) : nil }
    }

    var count: Int { lock.reading { index?.count ?? 0 } }

    /// Adds vectors this process has just stored.
    func apply(_ vectors: [(jobID: Int, vector: [Float])], model: String) {
        lock.writing {
            guard self.model == model else { return }
            for (id, vector) in vectors { Self.insert(id, vector, into: &index) }
            generation += 1
        }
    }

    /// Into the copy (under the write lock) or a new one: an empty index takes the dimensions
    /// of its first vector (a model configured without them); a vector of other dimensions is
    /// not this model's and is skipped.
    private static func insert(_ id: Int, _ vector: [Float], into index: inout VectorIndex?) {
        if index == nil || (index!.count == 0 && index!.dimensions != vector.count) { index = VectorIndex(dimensions: vector.count) }
        if vector.count == index!.dimensions { index!.set(id, vector) }
    }

    /// Brings the copy up to date with the database, at most once per `refreshInterval`
    /// (`force`: now). The first call for a model loads every vector.
    func refresh(model: String, on database: any Database, force: Bool = false) async throws {
        let due = lock.reading { force || self.model != model || Date().timeIntervalSince(lastRefresh) >= Self.refreshInterval }
        guard due else { return }
        let claimed = refreshing.withLockedValue { busy -> Bool in
            if busy { return false }
            busy = true
            return true
        }
        guard claimed else { return }
        defer { refreshing.withLockedValue { $0 = false } }
        let store = JobEmbeddings(database: database, model: model)
        let (count, newest) = try await store.summary()
        let (current, known, seen, read) = lock.reading { (self.model == model && index != nil, index?.count ?? 0, self.newest, lastRead) }
        if current, count == known, (newest ?? 0) <= seen {
            lock.writing { lastRefresh = Date() }
            return
        }
        if current {
            let started = Date()
            try await store.forEachChunk(since: read.timeIntervalSince1970 - Self.lateCommitMargin) { changed in
                lock.writing {
                    for row in changed { Self.insert(row.jobID, row.vector, into: &index) }
                    if !changed.isEmpty { generation += 1 }
                    self.newest = max(self.newest, changed.map(\.embeddedAt).max() ?? 0)
                }
            }
            let total = lock.writing { () -> Int in
                lastRead = started
                lastRefresh = Date()
                return index?.count ?? 0
            }
            if total == count { return }
        }
        // First load, another model, or vectors deleted: read them all, then swap.
        let started = Date()
        var fresh: VectorIndex?
        var loadedNewest = 0.0
        try await store.forEachChunk { rows in
            if fresh == nil, let first = rows.first {
                fresh = VectorIndex(dimensions: first.vector.count)
                fresh?.reserveCapacity(count)
            }
            for row in rows { Self.insert(row.jobID, row.vector, into: &fresh) }
            loadedNewest = max(loadedNewest, rows.map(\.embeddedAt).max() ?? 0)
        }
        let loaded = fresh ?? VectorIndex(dimensions: MiniLM.dimensions)
        let newestLoaded = loadedNewest
        lock.writing {
            index = loaded
            generation += 1
            self.model = model
            self.newest = newestLoaded
            lastRead = started
            lastRefresh = Date()
        }
    }
}

/// Many readers or one writer (`pthread_rwlock`): searches read the index side by side; an
/// update waits for them.
final class ReadWriteLock: @unchecked Sendable {
    private let lock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)

    init() { pthread_rwlock_init(lock, nil) }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    func reading<T>(_ body: () throws -> T) rethrows -> T {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }

    func writing<T>(_ body: () throws -> T) rethrows -> T {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }
}
