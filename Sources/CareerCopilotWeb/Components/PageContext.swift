/// What every page knows besides its own model: who is looking, the form token, the message
/// left by the previous request, and where in the navigation the page sits.
public struct PageContext: Sendable {
    public struct Viewer: Sendable {
        public var name: String
        public var email: String
        public var isAdmin: Bool

        public init(name: String, email: String, isAdmin: Bool) {
            self.name = name
            self.email = email
            self.isAdmin = isAdmin
        }
    }

    public enum Section: String, Sendable {
        case dashboard, jobs, recommendations, applications, profile, sources, settings
    }

    public struct Flash: Sendable, Equatable {
        public var message: String
        public var isError: Bool

        public init(_ message: String, isError: Bool = false) {
            self.message = message
            self.isError = isError
        }
    }

    /// Nil on the sign-in pages.
    public var viewer: Viewer?
    /// Single-user mode: nobody signs in or out.
    public var singleUser: Bool
    /// The double-submit token every form carries (`csrf_token`).
    public var csrfToken: String
    public var flash: Flash?
    public var section: Section?

    public init(viewer: Viewer?, singleUser: Bool, csrfToken: String, flash: Flash? = nil, section: Section? = nil) {
        self.viewer = viewer
        self.singleUser = singleUser
        self.csrfToken = csrfToken
        self.flash = flash
        self.section = section
    }
}
