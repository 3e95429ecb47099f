/// Something that happened in the domain, for whoever wants to react (the seed's Observer
/// pattern). Subscribers turn events into background tasks, enqueued in the same transaction
/// as the change that raised them.
public enum DomainEvent: Sendable, Equatable {
    case applicationCreated(applicationID: Int, userID: Int, jobID: Int)
    case applicationStatusChanged(applicationID: Int, userID: Int, changeID: Int, from: ApplicationStatus, to: ApplicationStatus)
    case jobDiscovered(jobID: Int)
    case documentGenerated(documentID: Int, userID: Int)

    /// A stable name, for logs and metrics.
    public var name: String {
        switch self {
        case .applicationCreated: "application.created"
        case .applicationStatusChanged: "application.status_changed"
        case .jobDiscovered: "job.discovered"
        case .documentGenerated: "document.generated"
        }
    }
}
