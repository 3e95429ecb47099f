import Foundation

/// Checks on URLs that users and sources give us.
public enum WebURL {
    /// True for an absolute `http` or `https` URL with a host, no credentials and no whitespace.
    public static func isAbsoluteHTTP(_ string: String) -> Bool {
        guard !string.contains(where: { $0.isWhitespace }),
              let components = URLComponents(string: string),
              let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              components.user == nil, components.password == nil
        else { return false }
        return true
    }
}
