import Foundation

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

    /// Runs a command to its end; returns its exit status and everything it printed.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = binary
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
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0"]
        process.environment = ProcessInfo.processInfo.environment.merging(["CC_DATA_DIR": dataDirectory].merging(environment) { _, new in new }) { _, new in new }
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
            if let range = seen.range(of: #"Server started on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                let port = Int(seen[range].split(separator: ":").last!)!
                return ServerProcess(process: process, output: pipe, port: port)
            }
        }
        process.terminate()
        throw ServerProcessError.didNotStart(seen)
    }

    /// Kills the process at once (SIGKILL), as a crash or a power cut of the process would.
    func crash() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Sends SIGTERM and waits for the exit status.
    func terminate() -> Int32 {
        terminateAndReadOutput().status
    }

    /// Sends SIGTERM; returns the exit status and what the process printed after start-up.
    func terminateAndReadOutput() -> (status: Int32, output: String) {
        process.terminate()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

enum ServerProcessError: Error {
    case didNotStart(String)
}
