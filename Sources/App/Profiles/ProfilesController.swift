import CareerCopilotCore
import Fluent
import Foundation
import Profiles
import Vapor

/// `/api/v1/profile`: the current user's profile (JSON Resume plus preferences), resume import
/// (a draft, nothing saved) and export.
struct ProfilesController: RouteCollection {
    let services: AppServices

    /// The largest upload: the importer's limit and room for the multipart framing.
    static let uploadLimit: ByteCount = "6mb"

    func boot(routes: any RoutesBuilder) throws {
        let profile = routes.grouped("profile")
        profile.get(use: show)
        profile.put(use: replace)
        profile.on(.POST, "import", body: .collect(maxSize: Self.uploadLimit), use: importResume)
        profile.get("export", use: export)
    }

    func show(request: Request) async throws -> Response {
        let stored = try await ProfileService(database: request.db, user: try request.currentUser).read()
        return try versioned(try request.envelope(stored.document, message: "Profile retrieved successfully"), stored)
    }

    func replace(request: Request) async throws -> Response {
        let body = try request.jsonBody()
        let stored = try await ProfileService(database: request.db, user: try request.currentUser).replace(with: body, ifMatch: request.ifMatch)
        return try versioned(try request.envelope(stored.document, message: "Profile saved"), stored)
    }

    /// `POST /api/v1/profile/import`, multipart field `file`: the draft read from it, for the
    /// person to review and then `PUT`. Nothing is saved.
    func importResume(request: Request) async throws -> Response {
        let upload = try ResumeUpload.read(request)
        let draft = try await ResumeUpload.draft(of: upload)
        return try request.envelope(ResumeDraftDTO(draft), message: "Resume read; review it, then save it with PUT /api/v1/profile")
    }

    /// `GET /api/v1/profile/export?format=json-resume`: the profile as a JSON Resume file.
    func export(request: Request) async throws -> Response {
        // `format=` with nothing chosen is the default, as an absent one.
        let format = request.queryItems.last { $0.name == "format" && !$0.value.isEmpty }?.value ?? "json-resume"
        guard format == "json-resume" else { throw DomainError.badRequest("format must be json-resume") }
        let stored = try await ProfileService(database: request.db, user: try request.currentUser).read()
        return try ProfileExport.response(stored.document)
    }

    private func versioned(_ response: Response, _ stored: ProfileService.Stored) throws -> Response {
        response.headers.replaceOrAdd(name: .eTag, value: EditVersion.etag(stored.version))
        return response
    }
}

/// The profile as a JSON Resume file to download: the stored document with JSON Resume's
/// `$schema`, the hidden companies left out (they are a setting, not a resume).
enum ProfileExport {
    static func response(_ document: JSONValue) throws -> Response {
        var exported = ProfileService.withBlocklist(document, nil)
        if case var .object(members) = exported, members["$schema"] == nil {
            members["$schema"] = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
            exported = .object(members)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let response = Response(status: .ok, body: .init(data: try encoder.encode(exported)))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"resume.json\"")
        return response
    }
}

/// An uploaded resume: the multipart field `file` (its bytes and name).
struct ResumeUpload {
    let data: Data
    let filename: String?

    private struct Form: Content {
        var file: File?
    }

    static func read(_ request: Request) throws -> ResumeUpload {
        guard let type = request.headers.contentType, type.type == "multipart", type.subType == "form-data" else {
            throw Abort(.unsupportedMediaType, reason: "Send the resume as multipart/form-data, in the field file")
        }
        let form: Form
        do {
            form = try request.content.decode(Form.self)
        } catch {
            throw DomainError.badRequest("The upload could not be read as multipart/form-data")
        }
        guard let file = form.file else { throw DomainError.validation(["file is required: the resume to read"]) }
        return ResumeUpload(data: Data(file.data.readableBytesView), filename: file.filename)
    }

    static func draft(of upload: ResumeUpload) async throws -> ResumeDraft {
        do {
            return try await ResumeImporter().read(upload.data, filename: upload.filename)
        } catch {
            throw DomainError.validation([error.message])
        }
    }
}

/// A draft as the API answers it.
struct ResumeDraftDTO: Encodable {
    let format: String
    let profile: JSONValue
    let confidence: [String: Double]
    let unplaced: [String]
    let notes: [String]

    init(_ draft: ResumeDraft) {
        format = draft.format.rawValue
        profile = draft.document
        confidence = draft.confidence
        unplaced = draft.unplaced
        notes = draft.notes
    }
}
