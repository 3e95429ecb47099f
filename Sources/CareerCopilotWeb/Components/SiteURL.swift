/// Every address of the web UI, written once: pages build their links and form actions from
/// it, the app registers its routes and redirects with it, and tests request it. A case gives
/// both the address (`/jobs/7/edit`) and the route's pattern (`jobs/:id/edit`).
public enum SiteURL: Sendable, Equatable {
    case home
    case jobs, newJob, importJob
    case job(Int), editJob(Int), deleteJob(Int), trackJob(Int)
    case applications, moveApplication
    case application(Int), applicationStatus(Int), applicationNotes(Int), deleteApplication(Int)
    case sources
    case runSource(Int), editSource(Int), deleteSource(Int)
    case profile, importResume, exportProfile, recommendations
    case settings, account, password, demo, removeDemo, blocklist
    case unhideCompany(Int)
    case login, signup, logout
    case asset(String)

    /// The address: `/jobs/7/edit`.
    public var path: String {
        "/" + segments { String($0) }.joined(separator: "/")
    }

    /// The address with a query (empty values left out): `/jobs?q=swift&page=2`.
    public func path(query: [(String, String)]) -> String {
        path + QueryString.build(query)
    }

    /// The address of a part of the page: `/applications#card-7`.
    public func path(fragment: String) -> String {
        path + "#" + fragment
    }

    /// The route's path components, the id as the parameter `:id`: `["jobs", ":id", "edit"]`.
    public var pattern: [String] {
        segments { _ in ":" + Self.idParameter }
    }

    /// The pattern of a case that takes an id: `SiteURL.pattern(of: SiteURL.editJob)`.
    public static func pattern(of address: (Int) -> SiteURL) -> [String] {
        address(0).pattern
    }

    /// The route parameter that holds the id.
    public static let idParameter = "id"

    private func segments(_ id: (Int) -> String) -> [String] {
        switch self {
        case .home: []
        case .jobs: ["jobs"]
        case .newJob: ["jobs", "new"]
        case .importJob: ["jobs", "import"]
        case let .job(value): ["jobs", id(value)]
        case let .editJob(value): ["jobs", id(value), "edit"]
        case let .deleteJob(value): ["jobs", id(value), "delete"]
        case let .trackJob(value): ["jobs", id(value), "track"]
        case .applications: ["applications"]
        case .moveApplication: ["applications", "move"]
        case let .application(value): ["applications", id(value)]
        case let .applicationStatus(value): ["applications", id(value), "status"]
        case let .applicationNotes(value): ["applications", id(value), "notes"]
        case let .deleteApplication(value): ["applications", id(value), "delete"]
        case .sources: ["sources"]
        case let .runSource(value): ["sources", id(value), "run"]
        case let .editSource(value): ["sources", id(value), "edit"]
        case let .deleteSource(value): ["sources", id(value), "delete"]
        case .profile: ["profile"]
        case .importResume: ["profile", "import"]
        case .exportProfile: ["profile", "export"]
        case .recommendations: ["recommendations"]
        case .settings: ["settings"]
        case .account: ["settings", "profile"]
        case .password: ["settings", "password"]
        case .demo: ["settings", "demo"]
        case .removeDemo: ["settings", "demo", "remove"]
        case .blocklist: ["settings", "blocklist"]
        case let .unhideCompany(value): ["settings", "blocklist", id(value), "delete"]
        case .login: ["login"]
        case .signup: ["signup"]
        case .logout: ["logout"]
        case let .asset(name): ["assets", name]
        }
    }
}
