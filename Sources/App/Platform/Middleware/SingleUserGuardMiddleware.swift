import CareerCopilotCore
import Vapor

/// A single-user server has no sign-in: whoever reaches it is the owner. It listens on
/// loopback only, but a web page in the owner's browser can still reach it — by DNS
/// rebinding (its own name pointed at 127.0.0.1, so `Host` is the page's name) or by a
/// cross-site form. So every request must name a loopback host (or one in
/// `CC_ALLOWED_HOSTS`) in `Host`, and an unsafe request that says where it comes from
/// (`Origin`, else `Sec-Fetch-Site`) must come from such a host too.
struct SingleUserGuardMiddleware: AsyncMiddleware {
    let allowedHosts: Set<String>

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let host = request.headers.first(name: .host) {
            guard let name = HostHeader.hostName(host), isAllowed(name) else {
                throw DomainError.forbidden("This single-user server answers only to localhost; add a host name to CC_ALLOWED_HOSTS to reach it by that name")
            }
        }
        if ![.GET, .HEAD, .OPTIONS].contains(request.method) {
            // Our pages send no referrer (`Referrer-Policy: no-referrer`), so the browser sends
            // their own forms with `Origin: null`; then `Sec-Fetch-Site` tells where they came from.
            let origin = request.headers.first(name: .origin).flatMap { $0 == "null" ? nil : $0 }
            let site = request.headers.first(name: "Sec-Fetch-Site")?.lowercased()
            let crossSite =
                if let origin {
                    HostHeader.originHost(origin).map { !isAllowed($0) } ?? true
                } else {
                    site == "cross-site" || site == "same-site"
                }
            if crossSite {
                throw DomainError.forbidden("Cross-site request refused: this single-user server only takes changes from its own pages")
            }
        }
        return try await next.respond(to: request)
    }

    private func isAllowed(_ host: String) -> Bool {
        HostHeader.isLoopback(host) || allowedHosts.contains(host)
    }
}
