import CareerCopilotCore
import Foundation
import Testing

@testable import Profiles

/// Every resume fixture (`Fixtures/resumes`, made by `scripts/fixtures/make-resume-fixtures`:
/// text, Markdown, PDFs from groff in one and two columns, Word documents, JSON Resume, a
/// LinkedIn export, and hostile files) read through the importer, and what it read compared
/// with what `expected.json` says the document holds.
@Suite("Resume fixtures")
struct ResumeFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/resumes")

    struct Fixture: Decodable, Sendable, CustomStringConvertible {
        struct Role: Decodable, Sendable {
            let name: String?
            let position: String?
            let start: String?
            let end: String?
        }

        struct School: Decodable, Sendable {
            let institution: String?
        }

        let file: String
        let check: String?
        let name: String?
        let email: String?
        let phone: String?
        let work: [Role]?
        let education: [School]?
        let skills: [String]?
        let languages: [String]?
        let certificates: [String]?
        let expectError: String?

        enum CodingKeys: String, CodingKey {
            case file, check, name, email, phone, work, education, skills, languages, certificates
            case expectError = "expect_error"
        }

        var description: String { file }
    }

    static let fixtures: [Fixture] = {
        struct Manifest: Decodable { let fixtures: [Fixture] }
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("expected.json")),
            let manifest = try? JSONDecoder().decode(Manifest.self, from: data)
        else { return [] }
        return manifest.fixtures
    }()

    static func read(_ fixture: Fixture) async throws(ResumeImportError) -> ResumeDraft {
        let data = (try? Data(contentsOf: folder.appendingPathComponent(fixture.file))) ?? Data()
        return try await ResumeImporter().read(data, filename: fixture.file)
    }

    @Test func theManifestIsRead() {
        #expect(Self.fixtures.count >= 25)
    }

    @Test(arguments: fixtures.filter { $0.expectError == nil })
    func aResume_isReadAsItIsWritten(fixture: Fixture) async throws {
        let draft = try await Self.read(fixture)
        let profile = draft.profile
        #expect(profile.basics.name == fixture.name, "name")
        #expect(profile.basics.email == fixture.email, "e-mail")
        #expect(profile.basics.phone.map(Self.digits) == fixture.phone.map(Self.digits), "phone")
        guard fixture.check != "basics-only" else { return }
        let expectedRoles = fixture.work ?? []
        #expect(profile.work.count == expectedRoles.count, "roles: \(profile.work.map { "\($0.position ?? "?") at \($0.name ?? "?")" })")
        for (index, role) in expectedRoles.enumerated() where index < profile.work.count {
            let read = profile.work[index]
            #expect(read.position == role.position, "work[\(index)].position")
            #expect(read.name == role.name, "work[\(index)].name")
            #expect(Self.sameDate(read.startDate, role.start), "work[\(index)].startDate: \(read.startDate ?? "nil")")
            #expect(Self.sameDate(read.endDate, role.end), "work[\(index)].endDate: \(read.endDate ?? "nil")")
        }
        let schools = (fixture.education ?? []).compactMap(\.institution)
        #expect(profile.education.compactMap(\.institution) == schools, "education")
        // A JSON Resume skill is a group whose keywords are the skills; a resume read from text
        // gives one skill per entry, without keywords.
        let skills = Set(profile.skills.flatMap { [$0.name] + $0.keywords }.map { $0.lowercased() })
        let missing = (fixture.skills ?? []).filter { !skills.contains($0.lowercased()) }
        #expect(missing.isEmpty, "skills not read: \(missing)")
        let languages = Set(profile.languages.map(\.language))
        #expect((fixture.languages ?? []).allSatisfy(languages.contains), "languages: \(profile.languages.map(\.language))")
        let certificates = profile.certificates.map(\.name)
        #expect((fixture.certificates ?? []).allSatisfy(certificates.contains), "certificates: \(certificates)")
        #expect(ProfileSchema.check(draft.document) == [], "the draft can be saved as it is")
    }

    @Test(arguments: fixtures.filter { $0.expectError != nil })
    func aBadFile_isRefusedWithTheRightReason(fixture: Fixture) async {
        do {
            let draft = try await Self.read(fixture)
            Issue.record("read, not refused: \(draft.profile.basics)")
        } catch {
            let kind: String =
                switch error {
                case .empty: "empty"
                case .tooLarge: "too_large"
                case .wrongType: "wrong_type"
                case .corrupt: "corrupt"
                case .scan: "scan"
                case .encrypted: "encrypted"
                case .zipBomb: "zip_bomb"
                case .pdftotextMissing: "pdftotext_missing"
                case .timedOut: "timed_out"
                }
            #expect(kind == fixture.expectError, "\(error.message)")
        }
    }

    static func digits(_ text: String) -> String { text.filter(\.isNumber) }

    /// A date read to the precision the expectation gives: "2021-09-01" is right for an
    /// expected "2021-09" (JSON Resume files may carry the day), "2021-10" is not.
    static func sameDate(_ read: String?, _ expected: String?) -> Bool {
        guard let read, let expected else { return read == nil && expected == nil }
        return read == expected || read.hasPrefix(expected + "-")
    }
}
