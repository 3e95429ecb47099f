import App
import Fluent
import Foundation
import Logging
import Vapor

/// `career-copilot [serve|migrate|…]`. `serve` (the default) applies pending migrations first,
/// so one command starts the whole product on a fresh machine.
@main
enum Entrypoint {
    static func main() async {
        let config: AppConfiguration
        do {
            config = try AppConfiguration.load(from: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(2)
        }
        LoggingSetup.bootstrap(config)
        let logger = Logger(label: "career-copilot")

        let arguments = CommandLine.arguments
        // The command is the first argument unless that is a flag (then it is `serve`'s).
        let command = arguments.dropFirst().first.flatMap { $0.hasPrefix("-") ? nil : $0 } ?? "serve"
        let wantsHelp = arguments.contains("--help") || arguments.contains("-h")
        if command == "serve", !wantsHelp {
            let problems = LaunchGuard.problems(config: config, arguments: arguments)
            if !problems.isEmpty {
                FileHandle.standardError.write(Data(("Refusing to start:\n" + problems.map { "  - \($0)" }.joined(separator: "\n") + "\n").utf8))
                exit(2)
            }
        }

        do {
            let environment = try Environment.detect()
            let app = try await Application.make(environment)
            do {
                let services = AppServices(configuration: config, application: app)
                try await configure(app, services)
                if command == "serve", !wantsHelp {
                    logger.info("Starting Career Copilot \(CareerCopilotVersion.current) on \(config.redactedDatabaseDescription)")
                    try await app.autoMigrate()
                    // The HTTP server and the background work as one group: SIGTERM or
                    // Ctrl-C stops the server first, then lets running tasks finish.
                    try await runServer(app, services, logger: logger)
                } else {
                    try await app.execute()
                }
            } catch {
                logger.critical("Career Copilot stopped: \(String(describing: error))")
                try? await app.asyncShutdown()
                exit(1)
            }
            try await app.asyncShutdown()
        } catch {
            logger.critical("Career Copilot could not start: \(String(describing: error))")
            exit(1)
        }
    }
}
