import CareerCopilotCore
import Vapor

/// A single-user server has no sign-in: whoever reaches it is the owner. It listens on
/// loopback only, but a web page in the owner's browser can still reach it — by DNS
/// rebinding (its own name pointed at 127.0.0.1, so `Host` is the page's name) or by a
/// cross-site form. So every request must name a loopback host (or one in
/// `CC_ALLOWED_HOSTS`) in `Host`, and an unsafe request that says where it comes from
/// (`Origin`) must come from such a host too.
struct SingleUserGuardMiddleware: AsyncMiddleware {
    let allowedHosts: Set<String>

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let host = request.headers.first(name: .host) {
            guard let name = HostHeader.hostName(host), isAllowed(name) else {
                throw DomainError.forbidden("This single-user server answers only to localhost; add a host name to CC_ALLOWED_HOSTS to reach it by that name")
            }
        }
        if ![.GET, .HEAD, .OPTIONS].contains(request.method) {
            if let origin = request.headers.first(name: .origin) {
                guard let name = HostHeader.originHost(origin), isAllowed(name) else {
                    throw DomainError.forbidden("Cross-site request refused: this single-user server only takes changes from its own pages")
                }
            } else if request.headers.first(name: "Sec-Fetch-Site") == "cross-site" {
                throw DomainError.forbidden("Cross-site request refused: this single-user server only takes changes from its own pages")
            }
        }
        return try await next.respond(to: request)
    }

    private func isAllowed(_ host: String) -> Bool {
        HostHeader.isLoopback(host) || allowedHosts.contains(host)
    }
}
