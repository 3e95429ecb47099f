import CareerCopilotCore
import Fluent
import Vapor

/// `GET /api/v1/jobs/search`: a ranked search of the jobs the caller may see (decision 0023).
struct SearchController: RouteCollection {
    let services: AppServices

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("jobs").get("search", use: search)
        routes.grouped("jobs").get(":id", "similar", use: similar)
    }

    /// `GET /api/v1/jobs/{id}/similar`: open jobs most alike in meaning.
    func similar(request: Request) async throws -> Response {
        let id = try request.idParameter(resource: "Job")
        let user = try request.currentUser
        let reader = JobReader(database: request.db, viewer: user.id)
        _ = try await reader.record(id)
        let similar = try await JobSearch(database: request.db, viewer: user.id, embeddings: services.embeddings).similar(to: id) {
            try await BlocklistService(database: request.db, user: user).hiddenKeys()
        }
        var items = try await reader.dtos(similar.map(\.record))
        for index in items.indices { items[index].score = similar[index].score }
        return request.envelope(writing: JSONArray(items: items), message: "Similar jobs")
    }

    func search(request: Request) async throws -> Response {
        var query = try JobSearchRequest.parse(request.queryItems)
        let user = try request.currentUser
        query.filter.hiddenCompanies = try await BlocklistService(database: request.db, user: user).hiddenKeys()
        let outcome = try await JobSearch(database: request.db, viewer: user.id, embeddings: services.embeddings).search(query)
        var items = try await JobReader(database: request.db, viewer: user.id).dtos(outcome.jobs.map(\.record))
        for index in items.indices { items[index].score = outcome.jobs[index].score }
        let page = SearchPage(list: ListPage(items: items, request: query.page, total: outcome.total), mode: outcome.mode, notice: outcome.notice)
        return request.envelope(writing: page, message: "Jobs ranked")
    }
}

/// A page of ranked jobs: the list's fields, the mode that answered and, when semantic search
/// could not, why.
struct SearchPage: JSONWritable {
    let list: ListPage<JobDTO>
    let mode: SearchMode
    let notice: String?

    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.key("items"); json.array(list.items) { writer, item in item.write(to: &writer) }
            json.key("page"); json.value(list.page)
            json.key("page_size"); json.value(list.pageSize)
            json.key("total"); json.value(list.total)
            json.key("mode"); json.value(mode.rawValue)
            json.key("notice"); json.value(notice)
        }
    }
}
