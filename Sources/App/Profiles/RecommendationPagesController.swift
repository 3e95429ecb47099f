import CareerCopilotCore
import CareerCopilotWeb
import Fluent
import Foundation
import Matching
import Vapor

/// `/recommendations`: the best matches for the viewer's profile.
struct RecommendationPagesController: RouteCollection {
    let services: AppServices

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.recommendations, use: show)
    }

    func show(request: Request) async throws -> Response {
        let showApplied = request.queryItems.contains { $0.name == "applied" && $0.value == "show" }
        let found = try await Self.items(request, services: services, paging: Paging(page: 1, pageSize: 50), showApplied: showApplied)
        let model = RecommendationsPage.Model(items: found?.items, total: found?.total ?? 0, showApplied: showApplied)
        return request.page(RecommendationsPage.render(model, context: try await request.pageContext(.recommendations)))
    }

    /// The viewer's recommendations as pages show them; nil when they have no profile.
    static func items(_ request: Request, services: AppServices, paging: Paging, showApplied: Bool = false) async throws
        -> (items: [RecommendationsPage.Item], total: Int)?
    {
        let user = try request.pageUser
        guard
            let (jobs, total) = try await Recommendations(database: request.db, user: user, now: services.time.now, embeddings: services.embeddings).page(
                paging, showApplied: showApplied)
        else { return nil }
        let items = jobs.compactMap { dto in
            dto.match.map { match in
                var summary = dto.job.summary
                summary.matchScore = match.score
                return RecommendationsPage.Item(job: summary, match: match, applied: dto.applied?.reason)
            }
        }
        return (items, total)
    }
}
