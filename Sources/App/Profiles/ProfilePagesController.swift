import CareerCopilotCore
import CareerCopilotWeb
import Fluent
import Foundation
import Profiles
import Vapor

/// `/profile`: the profile form, resume import with a review before saving, and export.
struct ProfilePagesController: RouteCollection {
    let services: AppServices

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.profile, use: show)
        routes.post(SiteURL.profile, use: save)
        routes.upload(SiteURL.importResume, maxSize: ProfilesController.uploadLimit, use: importResume)
        routes.get(SiteURL.exportProfile, use: export)
    }

    func show(request: Request) async throws -> Response {
        let stored = try await service(request).read()
        return try await page(
            request, ProfilePage.Model(form: FormState(values: ProfileForm.values(of: stored.profile)), version: stored.version, updatedAt: stored.updatedAt))
    }

    func save(request: Request) async throws -> Response {
        let fields = try request.formFields()
        let (profile, issues) = ProfileForm.profile(from: fields)
        let base = fields["draft_document"].flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        do {
            guard issues.isEmpty else { throw DomainError.validation(issues) }
            _ = try await service(request).save(profile, base: base, ifMatch: fields["version"].map(EditVersion.etag))
            return request.redirect(to: SiteURL.profile.path, flash: "Profile saved. Match scores are being updated.")
        } catch {
            let (issues, status) = try FormFailure.issues(of: error)
            let stored = try await service(request).read()
            var model = ProfilePage.Model(
                form: FormState(values: fields, issues: issues, fields: ProfileForm.fields(fields.keys)), version: fields["version"] ?? stored.version,
                updatedAt: stored.updatedAt)
            if let document = fields["draft_document"] {
                model.review = ProfilePage.Review(format: "your import", notes: [], unplaced: [], unsure: [], document: document)
            }
            return try await page(request, model, status: status)
        }
    }

    func importResume(request: Request) async throws -> Response {
        let stored = try await service(request).read()
        var model = ProfilePage.Model(form: FormState(values: ProfileForm.values(of: stored.profile)), version: stored.version, updatedAt: stored.updatedAt)
        do {
            let draft = try await ResumeUpload.draft(of: try ResumeUpload.read(request))
            var document: String?
            if draft.format == .jsonResume, let data = try? JSONEncoder().encode(draft.document) { document = String(decoding: data, as: UTF8.self) }
            model.form = FormState(values: ProfileForm.values(of: draft.profile))
            model.review = ProfilePage.Review(
                format: Self.formatNames[draft.format] ?? draft.format.rawValue, notes: draft.notes, unplaced: draft.unplaced,
                unsure: Set(draft.confidence.filter { $0.value < 0.7 }.map(\.key)), document: document)
            return try await page(request, model)
        } catch {
            let (issues, status) = try FormFailure.issues(of: error)
            model.importForm = FormState(issues: issues.map { "file " + $0 }, fields: ProfilePage.importFields)
            return try await page(request, model, status: status)
        }
    }

    func export(request: Request) async throws -> Response {
        try ProfileExport.response(try await service(request).read().document)
    }

    private func service(_ request: Request) throws -> ProfileService {
        ProfileService(database: request.db, user: try request.pageUser)
    }

    private func page(_ request: Request, _ model: ProfilePage.Model, status: HTTPResponseStatus = .ok) async throws -> Response {
        request.page(ProfilePage.render(model, context: try await request.pageContext(.profile)), status: status)
    }

    static let formatNames: [ResumeDraft.Format: String] = [
        .pdf: "PDF", .docx: "Word document", .text: "text", .markdown: "Markdown", .jsonResume: "JSON Resume", .linkedin: "LinkedIn export",
    ]
}
