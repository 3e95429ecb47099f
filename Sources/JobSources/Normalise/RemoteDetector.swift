import CareerCopilotCore
import Foundation

/// Where the work happens, read from the words of a location, title or flag: "Remote (EU)",
/// "Hybrid - Berlin", "On-site", "WFH", "remote-friendly". Nil when the text does not say.
public enum RemoteDetector {
    public static func detect(_ texts: String?...) -> RemoteType? {
        let text = texts.compactMap { $0?.lowercased() }.joined(separator: " | ")
        guard !text.isEmpty else { return nil }
        let words = Set(text.split { !$0.isLetter && $0 != "-" }.map(String.init))
        if words.contains("hybrid") || text.contains("partly remote") || text.contains("partially remote") { return .hybrid }
        if text.contains("not remote") || text.contains("no remote") || words.contains("on-site") || words.contains("onsite") || text.contains("on site")
            || text.contains("in-office") || text.contains("in office")
        {
            return .onsite
        }
        if words.contains("remote") || words.contains("remote-first") || words.contains("remote-friendly") || words.contains("wfh")
            || words.contains("telecommute") || words.contains("distributed") || text.contains("work from home") || text.contains("anywhere")
        {
            return .remote
        }
        return nil
    }

    /// A source's own flag values: Lever `workplaceType`, Ashby `workplaceType`, JSON-LD
    /// `jobLocationType` (`TELECOMMUTE`).
    public static func fromFlag(_ value: String?) -> RemoteType? {
        switch value?.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "remote", "telecommute", "fully-remote": .remote
        case "hybrid": .hybrid
        case "on-site", "onsite", "in-office", "office": .onsite
        default: nil
        }
    }
}
