import ConsoleKit
import Fluent
import Vapor

/// `career-copilot migrate [--revert] [--all]`: applies pending migrations, or reverts the
/// last batch (or all of them). Never asks for confirmation, so it runs in scripts and CI.
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "revert", help: "Revert the last batch of migrations instead of applying")
        var revert: Bool

        @Flag(name: "all", help: "With --revert: revert every migration")
        var all: Bool

        init() {}
    }

    var help: String { "Apply pending database migrations (or revert them with --revert)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let migrator = context.application.migrator
        try await migrator.setupIfNeeded().get()
        if signature.revert {
            let pending = try await migrator.previewRevertLastBatch().get()
            if signature.all {
                try await migrator.revertAllBatches().get()
            } else {
                try await migrator.revertLastBatch().get()
            }
            context.console.print(signature.all ? "Reverted every migration." : "Reverted \(pending.count) migration(s).")
        } else {
            let pending = try await migrator.previewPrepareBatch().get()
            try await migrator.prepareBatch().get()
            context.console.print(
                pending.isEmpty ? "No new migrations." : "Applied \(pending.count) migration(s): \(pending.map(\.0.name).joined(separator: ", "))")
        }
    }
}
