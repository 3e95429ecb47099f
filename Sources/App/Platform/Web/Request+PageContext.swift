import CareerCopilotCore
import CareerCopilotWeb
import Fluent
import Vapor

extension Request {
    /// The context every page is rendered with: the viewer (from the database), the form
    /// token, the pending message, the navigation section.
    func pageContext(_ section: PageContext.Section? = nil) async throws -> PageContext {
        let session = webSession
        var viewer: PageContext.Viewer?
        if let current = session.user, let name = current.name, let email = current.email {
            viewer = PageContext.Viewer(name: name, email: email, isAdmin: current.isAdmin)
        } else if let current = session.user, let user = try await User.find(current.id, on: db) {
            viewer = PageContext.Viewer(name: user.fullName ?? "", email: user.email, isAdmin: user.isAdmin)
        }
        return PageContext(
            viewer: viewer, singleUser: session.singleUser, csrfToken: session.csrfToken,
            flash: session.flash, section: section
        )
    }

    /// Where to go after signing in: a path of ours given in `next`, else the dashboard.
    static func safeNext(_ next: String?) -> String {
        WebURL.localPath(next) ?? "/"
    }
}
