import CareerCopilotCore
import Fluent

/// The domain's events and who reacts to them (the seed's Observer pattern). `publish` turns
/// an event into tasks through every subscriber and enqueues them on the given database —
/// pass the transaction of the change that raised the event, and the tasks commit or roll
/// back with it (the outbox pattern).
struct EventBus: Sendable {
    typealias Subscriber = @Sendable (DomainEvent) -> [TaskRequest]

    private(set) var subscribers: [Subscriber] = []

    mutating func subscribe(_ subscriber: @escaping Subscriber) {
        subscribers.append(subscriber)
    }

    func publish(_ event: DomainEvent, on database: any Database) async throws {
        let queue = TaskQueue(database: database)
        for subscriber in subscribers {
            for request in subscriber(event) {
                try await queue.enqueue(request)
            }
        }
    }

    /// The product's reactions: an application created or moved notifies its user and
    /// refreshes their statistics (one refresh queued at a time per user).
    static let standard: EventBus = {
        var bus = EventBus()
        bus.subscribe { event in
            switch event {
            case let .applicationCreated(applicationID, userID, _):
                return [
                    TaskRequest(kind: NotificationHandler.kind, payload: ["application_id": .number(Double(applicationID))], userID: userID),
                    statsRefresh(userID),
                ]
            case let .applicationStatusChanged(applicationID, userID, changeID, _, to):
                return [
                    TaskRequest(
                        kind: NotificationHandler.kind,
                        payload: ["application_id": .number(Double(applicationID)), "change_id": .number(Double(changeID)), "to": .string(to.rawValue)],
                        userID: userID
                    ),
                    statsRefresh(userID),
                ]
            case .jobDiscovered, .documentGenerated:
                return []
            }
        }
        return bus
    }()

    private static func statsRefresh(_ userID: Int) -> TaskRequest {
        TaskRequest(kind: UserStatsHandler.kind, payload: ["user_id": .number(Double(userID))], uniqueKey: "user_stats:\(userID)", userID: userID)
    }
}
