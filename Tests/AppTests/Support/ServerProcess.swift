import Foundation
import NIOConcurrencyHelpers

/// The built `career-copilot` binary, run as a user runs it.
struct ServerProcess {
    let process: Process
    let output: Pipe
    let port: Int

    /// The binary: `CC_BINARY`, or the debug build beside the sources.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["CC_BINARY"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/career-copilot")
    }

    /// Runs a command (the binary, unless `executable` says another) to its end; returns its
    /// exit status and everything it printed.
    static func run(_ arguments: [String], executable: URL = binary, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Starts `serve` on a free port and waits until it says where it listens.
    static func serve(dataDirectory: String, environment: [String: String] = [:]) throws -> ServerProcess {
        let (process, pipe, seen) = try launch(["serve", "--port", "0"], environment: ["CC_DATA_DIR": dataDirectory].merging(environment) { _, new in new }) {
            $0.range(of: #"Server started on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) != nil
        }
        let range = seen.range(of: #"Server started on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression)!
        return ServerProcess(process: process, output: pipe, port: Int(seen[range].split(separator: ":").last!)!)
    }

    /// Starts `career-copilot worker` on the database of a test server and waits until it runs.
    static func worker(on server: TestServer, arguments: [String] = [], environment: [String: String] = [:]) throws -> ServerProcess {
        var variables = ["CC_DATA_DIR": server.location.dataDirectory, "CC_DIAGNOSTIC_TASKS": "1", "LOG_LEVEL": "error"]
        if let url = try server.location.postgresURL {
            variables["DATABASE_URL"] = url
            variables["CC_DATABASE_SCHEMA"] = MigratedTemplates.postgresSchema
        }
        let (process, pipe, _) = try launch(["worker"] + arguments, environment: variables.merging(environment) { _, new in new }) {
            $0.contains("running (Ctrl-C or SIGTERM stops it)")
        }
        return ServerProcess(process: process, output: pipe, port: 0)
    }

    /// Starts the binary and reads its output until `ready` says it has started (30 s at most).
    private static func launch(
        _ arguments: [String], environment: [String: String], ready: (String) -> Bool
    ) throws -> (process: Process, pipe: Pipe, output: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        // bcrypt's cheapest cost unless the test says otherwise: tests prove rules, not the hash.
        process.environment = ProcessInfo.processInfo.environment.merging(["CC_PASSWORD_HASH_COST": "4"].merging(environment) { _, new in new }) { _, new in new
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if ready(seen) {
                // From now on the output is read as it comes: a process whose output nobody
                // reads blocks on its next write once the pipe's 64 KiB are full (a worker
                // logging under load stalled its tasks until the test stopped it). A thread
                // of its own reads it to the end: Foundation's `readabilityHandler`, unset while
                // its dispatch source fires, crashed the test process (signal 11 in libdispatch).
                let collected = Collected()
                let handle = pipe.fileHandleForReading
                Thread.detachNewThread {
                    var chunk = handle.availableData
                    while !chunk.isEmpty {
                        collected.append(chunk)
                        chunk = handle.availableData
                    }
                    collected.close()
                }
                collectors.withLockedValue { $0[process.processIdentifier] = collected }
                return (process, pipe, seen)
            }
        }
        process.terminate()
        throw ServerProcessError.didNotStart(seen)
    }

    /// Kills the process at once (SIGKILL), as a crash or a power cut of the process would.
    func crash() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        collectors.withLockedValue { $0.removeValue(forKey: process.processIdentifier) }?.waitUntilClosed()
    }

    /// Sends SIGTERM and waits for the exit status.
    func terminate() -> Int32 {
        terminateAndReadOutput().status
    }

    /// Sends SIGTERM; returns the exit status and what the process printed after start-up.
    func terminateAndReadOutput() -> (status: Int32, output: String) {
        process.terminate()
        process.waitUntilExit()
        let collected = collectors.withLockedValue { $0.removeValue(forKey: process.processIdentifier) }
        collected?.waitUntilClosed()
        return (process.terminationStatus, String(decoding: collected?.data ?? Data(), as: UTF8.self))
    }
}

/// What a running process printed after start-up, by process id.
private let collectors = NIOLockedValueBox<[Int32: Collected]>([:])

private final class Collected: Sendable {
    private let box = NIOLockedValueBox(Data())
    private let closed = DispatchSemaphore(value: 0)
    func append(_ data: Data) { box.withLockedValue { $0.append(data) } }
    var data: Data { box.withLockedValue { $0 } }
    /// The output reached its end (the process and any child holding the pipe are gone).
    func close() { closed.signal() }
    /// Waits for the end of the output, 10 s at most (a grandchild may keep the pipe open).
    func waitUntilClosed() { _ = closed.wait(timeout: .now() + 10) }
}

enum ServerProcessError: Error {
    case didNotStart(String)
}
