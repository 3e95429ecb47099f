import Fluent
import Vapor

/// `career-copilot demo [--remove]`: loads (or removes) the demo dataset for user 1, the
/// owner of the install, so a newcomer sees the product working at once.
struct DemoCommand: AsyncCommand {
    let services: AppServices

    struct Signature: CommandSignature {
        @Flag(name: "remove", help: "Remove the demo jobs and every application to them")
        var remove: Bool
    }

    var help: String { "Loads a small demo dataset (jobs and applications marked \"Demo\"), or removes it" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let application = context.application
        try await application.autoMigrate()
        let service = DemoDataService(database: application.db, counts: services.jobCounts)
        let owner = CurrentUser(id: 1, isAdmin: true)
        if signature.remove {
            let removed = try await service.remove(by: owner)
            context.console.print("Removed \(removed) demo job(s) and their applications.")
        } else {
            let loaded = try await service.load(for: owner)
            context.console.print("Loaded \(loaded.jobs) demo job(s) and \(loaded.applications) application(s). Remove them with: career-copilot demo --remove")
        }
    }
}
