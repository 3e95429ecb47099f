/// Where an application stands in the user's pipeline.
///
/// The order of `pipeline` is the order of the funnel: an application that reached
/// `interviewing` is counted as having passed `applied` and `screening` too.
public enum ApplicationStatus: String, CaseIterable, Codable, Sendable {
    case saved, applied, screening, interviewing, offer, accepted, rejected, withdrawn

    /// Stages of progress, in order. `rejected` and `withdrawn` end a pipeline at any stage.
    public static let pipeline: [ApplicationStatus] = [.saved, .applied, .screening, .interviewing, .offer, .accepted]

    public var isClosed: Bool {
        switch self {
        case .accepted, .rejected, .withdrawn: true
        default: false
        }
    }
}
