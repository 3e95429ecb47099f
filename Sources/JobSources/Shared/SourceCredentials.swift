import Foundation

/// The operator's keys for the sources that need them, by environment variable (each source
/// names its own in `JobSource.keys`). A source whose keys are missing cannot be added, and
/// fails its run with a message that names the variables.
public struct SourceCredentials: Sendable, Equatable {
    private var values: [String: String]
    /// Hosts besides the services' own that the operator lets receive the keys (a mirror, a
    /// test server): `CC_SOURCE_KEY_HOSTS`. An admin in the app cannot add to it.
    public var extraKeyHosts: Set<String>

    public init(_ values: [String: String] = [:], extraKeyHosts: Set<String> = []) {
        self.values = values
        self.extraKeyHosts = Set(extraKeyHosts.map { $0.lowercased() })
    }

    /// A key by its environment variable.
    public subscript(variable: String) -> String? { values[variable] }

    /// Whether a keyed source's keys may be sent to `url`: only to its service's own host, or
    /// to a host the operator listed. Other sources carry no keys, so any host is fine.
    public func mayReceiveKeys(_ kind: SourceKind, url: String) -> Bool {
        guard kind.source.keys != nil else { return true }
        guard let host = URLComponents(string: url)?.host?.lowercased(), !host.isEmpty else { return false }
        return host == URLComponents(string: kind.source.defaultBaseURL)?.host || extraKeyHosts.contains(host)
    }

    /// Why a source of this kind cannot run with these credentials; nil when it can.
    public func missing(for kind: SourceKind) -> String? {
        guard let keys = kind.source.keys, keys.variables.contains(where: { values[$0] == nil }) else { return nil }
        return keys.missingMessage
    }

    /// Query parameters whose values are secrets: hidden wherever a URL is logged or stored.
    public static let secretParameters: Set<String> = ["app_key", "app_id", "api_key", "apikey", "key", "token", "access_token"]

    /// The URL with secret query values replaced by `***`, for logs and error messages.
    public static func redact(_ url: String) -> String {
        guard var components = URLComponents(string: url), let items = components.queryItems,
            items.contains(where: { secretParameters.contains($0.name.lowercased()) })
        else { return url }
        components.queryItems = items.map { secretParameters.contains($0.name.lowercased()) ? URLQueryItem(name: $0.name, value: "***") : $0 }
        return components.string ?? url
    }
}
