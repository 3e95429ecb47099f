import Foundation
import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// The text of a PDF, from poppler's `pdftotext` run as a subprocess: no PDF library is in
/// the package mirror, and poppler reads the PDFs real tools write (decision 0020). `-raw`
/// keeps the order the text was written in: the default mode reads a two-column resume
/// across both columns, a sidebar's contact block before the name. The file goes through a
/// private temporary file; the process is stopped when it exceeds the time limit, and its
/// output is capped.
struct PDFText {
    var timeLimit: Duration

    func text(of data: Data) async throws(ResumeImportError) -> String {
        guard let executable = Self.pdftotext() else { throw .pdftotextMissing }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("career-copilot-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .corrupt("the server could not write a temporary file")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("resume.pdf")
        guard (try? data.write(to: file)) != nil else { throw .corrupt("the server could not write a temporary file") }

        let outcome: Outcome
        do {
            outcome = try await withThrowingTaskGroup(of: Outcome.self) { group in
                group.addTask {
                    let result = try await run(
                        .path(FilePath(executable)),
                        arguments: ["-raw", "-enc", "UTF-8", "-nopgbrk", file.path, "-"],
                        output: .string(limit: 8 * 1_048_576),
                        error: .string(limit: 64 * 1_024))
                    let code: Int32 = if case let .exited(code) = result.terminationStatus { code } else { -1 }
                    return .finished(code: code, output: result.standardOutput, error: result.standardError)
                }
                group.addTask {
                    try await Task.sleep(for: timeLimit)
                    return .timedOut
                }
                let first = try await group.next() ?? .timedOut
                group.cancelAll()
                return first
            }
        } catch {
            throw .corrupt("pdftotext could not read it")
        }
        switch outcome {
        case .timedOut:
            throw .timedOut(seconds: Int(timeLimit.components.seconds))
        case let .finished(code, output, error):
            // pdftotext's exit codes: 1 cannot open (damaged), 3 permissions; a password
            // problem is named on standard error even with -q on some versions.
            if code == 0 {
                guard output.contains(where: { $0.isLetter }) else { throw .scan }
                return output
            }
            if code == 3 || error.localizedCaseInsensitiveContains("password") || error.localizedCaseInsensitiveContains("encrypt") {
                throw .encrypted
            }
            throw .corrupt("not a readable PDF")
        }
    }

    private enum Outcome: Sendable {
        case finished(code: Int32, output: String, error: String)
        case timedOut
    }

    /// Where `pdftotext` is on the PATH (and the usual places, for a service with a bare PATH).
    static func pdftotext() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return directories.map { $0 + "/pdftotext" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
