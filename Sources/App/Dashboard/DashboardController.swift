import CareerCopilotCore
import CareerCopilotWeb
import Fluent
import Vapor

/// `/`: the dashboard.
struct DashboardController: RouteCollection {
    let services: AppServices

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.home, use: dashboard)
    }

    func dashboard(request: Request) async throws -> Response {
        let user = try request.pageUser
        let applications = ApplicationReader(database: request.db, user: user)
        let jobs = JobReader(database: request.db, viewer: user.id, counts: services.jobCounts)
        // Newest by id: the primary key's order is the order jobs were added, with no sort.
        var filter = JobFilter()
        filter.hiddenCompanies = try await BlocklistService(database: request.db, user: user).hiddenKeys()
        let recent = try await jobs.list(filter: filter, sort: Sorting(field: .id, descending: true), page: Paging(page: 1, pageSize: 5))
        var model = DashboardPage.Model(
            countsByStatus: try await applications.countsByStatus(),
            recentJobs: recent.jobs.map(\.summary),
            recentApplications: try await applications.recent(limit: 6),
            jobCount: recent.total,
            canLoadDemo: try await DemoDataService(database: request.db).canLoad(user)
        )
        model.recommendations = try await RecommendationPagesController.items(request, services: services, paging: Paging(page: 1, pageSize: 5))?.items
        return request.page(DashboardPage.render(model, context: try await request.pageContext(.dashboard)))
    }
}
