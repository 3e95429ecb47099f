import Foundation

/// What time it is, for the rules that compare times a client cannot control (a refresh
/// token's reuse grace, a password change's cut-off). Tests give one they move forward
/// instead of sleeping through the interval.
protocol TimeSource: Sendable {
    var now: Date { get }
}

/// The machine's clock.
struct SystemTime: TimeSource {
    var now: Date { Date() }
}
