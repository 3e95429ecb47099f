import CareerCopilotCore
import CareerCopilotWeb
import Fluent
import FluentKit
import Vapor

/// `/applications`: the board and each application, with status moves and notes.
struct ApplicationPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.applications, use: board)
        routes.post(SiteURL.moveApplication, use: move)
        routes.get(SiteURL.application, use: show)
        routes.post(SiteURL.applicationStatus, use: changeStatus)
        routes.post(SiteURL.applicationNotes, use: saveNotes)
        routes.post(SiteURL.deleteApplication, use: delete)
    }

    func board(request: Request) async throws -> Response {
        let user = try request.pageUser
        var reader = QueryReader(items: request.queryItems.filter { !$0.value.isEmpty })
        var focus = reader.enumerationList("status", ApplicationStatus.self)?.first
        // An address the board cannot use (an old bookmark, a hand edit) shows the whole board.
        var context = try await request.pageContext(.applications)
        if (try? reader.validate()) == nil {
            focus = nil
            context.flash = .init("That address asked for a column the board does not have, so here is the whole board.", isError: true)
        }
        let applications = ApplicationReader(database: request.db, user: user)
        let counts = try await applications.countsByStatus()
        let cards = try await applications.cards(perStatus: focus == nil ? BoardPage.cardsPerColumn : BoardPage.cardsInFocus, only: focus)
        let statuses = focus.map { [$0] } ?? ApplicationStatus.allCases
        let columns = statuses.map { status in
            BoardPage.Column(status: status, cards: cards.filter { $0.status == status }, total: counts[status] ?? 0)
        }
        return request.page(BoardPage.render(.init(columns: columns, focus: focus), context: context))
    }

    /// The board's form: `move` names the card, `status_<id>` its new status. Sent by a card's
    /// Move button (no JS) or by drag and drop (JS, `Accept: application/json`).
    func move(request: Request) async throws -> Response {
        let fields = try request.formFields()
        guard let id = fields["move"].flatMap(Int.init), let chosen = fields["status_\(id)"] else {
            throw DomainError.badRequest("Choose a card to move")
        }
        // The board's menus send labels ("Interviewing"); values are lowercase.
        let status = chosen.lowercased()
        let application = try await update(request, id: id, ["status": .string(status)])
        // Exactly JSON: a browser's form post accepts `*/*`, which Vapor's `==` would match.
        if request.headers.accept.contains(where: { $0.mediaType.type == "application" && $0.mediaType.subType == "json" }) {
            struct Moved: Encodable { let id: Int; let status: String }
            return try request.envelope(Moved(id: id, status: status), message: "Application moved")
        }
        // Back to the card itself: the board scrolls to it, and the keyboard carries on from it.
        let title = try await application.$job.get(on: request.db).title
        return request.redirect(to: SiteURL.applications.path(fragment: "card-\(id)"), flash: "Moved “\(title)” to \(Self.label(application.status)).")
    }

    func show(request: Request) async throws -> Response {
        try await page(request, notes: nil)
    }

    func changeStatus(request: Request) async throws -> Response {
        let id = try request.pageID(resource: "Application")
        let fields = try request.formFields()
        let before = try await ApplicationService(database: request.db, user: try request.pageUser).find(id).status
        let application = try await update(request, id: id, ["status": .string(fields["status"] ?? "")])
        // Choosing the status it already has changes nothing: say so rather than "updated".
        guard application.status != before else {
            return request.redirect(to: SiteURL.application(id).path, flash: "The status was already \(Self.label(application.status)); nothing changed.")
        }
        return request.redirect(to: SiteURL.application(id).path, flash: "Status changed to \(Self.label(application.status)).")
    }

    func saveNotes(request: Request) async throws -> Response {
        let id = try request.pageID(resource: "Application")
        let fields = try request.formFields()
        let notes = (fields["notes"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            let draft = try ApplicationDraft.read(.object(["notes": notes.isEmpty ? .null : .string(notes)]), creating: false)
            _ = try await ApplicationService(database: request.db, user: try request.pageUser).update(id, with: draft, notesVersion: fields["notes_version"])
            return request.redirect(to: SiteURL.application(id).path, flash: "Notes saved.")
        } catch DomainError.conflict(EditVersion.conflictMessage) {
            // Saved meanwhile from another tab: both versions shown, the person's text kept.
            let saved = try await ApplicationService(database: request.db, user: try request.pageUser).find(id).notes
            let state = FormState(values: ["notes": fields["notes"] ?? "", "notes_version": EditVersion.notes(saved)])
            return try await page(request, notes: state, savedNotes: saved ?? "", status: .conflict)
        } catch {
            let (issues, status) = try FormFailure.issues(of: error)
            return try await page(
                request, notes: FormState(values: ["notes": fields["notes"] ?? ""], issues: issues, fields: ApplicationPage.notesFields), status: status)
        }
    }

    func delete(request: Request) async throws -> Response {
        let id = try request.pageID(resource: "Application")
        let service = ApplicationService(database: request.db, user: try request.pageUser)
        let title = try await service.find(id).job.title
        if let ask = try await request.confirmation(
            "Stop tracking “\(title)”?", detail: "Its notes and timeline are deleted. The job stays.", button: "Stop tracking",
            cancel: SiteURL.application(id).path)
        {
            return ask
        }
        try await service.delete(id)
        return request.redirect(to: SiteURL.applications.path, flash: "You no longer track that job.")
    }

    /// "Interviewing", as the status menu shows it.
    static func label(_ status: ApplicationStatus) -> String {
        status.rawValue.prefix(1).uppercased() + status.rawValue.dropFirst()
    }

    private func update(_ request: Request, id: Int, _ body: [String: JSONValue]) async throws -> JobApplication {
        let draft = try ApplicationDraft.read(.object(body), creating: false)
        return try await ApplicationService(database: request.db, user: try request.pageUser).update(id, with: draft)
    }

    private func page(_ request: Request, notes: FormState?, savedNotes: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let id = try request.pageID(resource: "Application")
        let service = ApplicationService(database: request.db, user: try request.pageUser)
        let application = try await service.find(id)
        let job = application.job
        let timeline = try await service.timeline(of: id).map { ApplicationPage.TimelineEntry(from: $0.fromStatus, to: $0.toStatus, at: $0.changedAt) }
        let summary = ApplicationSummary(
            id: id, status: application.status, jobID: application.$job.id,
            jobTitle: job.title, company: job.company, location: job.location, isDemo: job.source == DemoDataset.source,
            updatedAt: application.updatedAt
        )
        let model = ApplicationPage.Model(
            summary: summary, appliedAt: application.appliedAt, createdAt: application.createdAt, timeline: timeline,
            notes: notes ?? FormState(values: ["notes": application.notes ?? "", "notes_version": EditVersion.notes(application.notes)]),
            savedNotes: savedNotes
        )
        return request.page(ApplicationPage.render(model, context: try await request.pageContext(.applications)), status: status)
    }
}
