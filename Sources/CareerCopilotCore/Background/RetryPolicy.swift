import Foundation

/// How long a failed task waits before its next attempt: exponential backoff with full
/// jitter (`base · 2^(attempt-1)`, capped, times a random factor in [0.5, 1]), so that tasks
/// failing together do not retry together.
public struct RetryPolicy: Sendable {
    public var base: TimeInterval
    public var cap: TimeInterval

    public init(base: TimeInterval = 2, cap: TimeInterval = 3_600) {
        self.base = base
        self.cap = cap
    }

    /// The delay after `attempt` (1 for the first) failed; `random` is in [0, 1).
    public func delay(afterAttempt attempt: Int, random: Double = Double.random(in: 0..<1)) -> TimeInterval {
        let exponential = base * pow(2, Double(max(0, min(attempt - 1, 30))))
        return min(cap, exponential) * (0.5 + random / 2)
    }
}
