/// A static file served from memory under a name that carries a hash of its content
/// (`/assets/app.3f2a….css`), so browsers may cache it for a year: a new build with new
/// content has a new name.
public struct Asset: Sendable {
    public let path: String
    public let contentType: String
    public let body: String

    init(name: String, extension fileExtension: String, contentType: String, body: String) {
        self.path = SiteURL.asset("\(name).\(Asset.fingerprint(body)).\(fileExtension)").path
        self.contentType = contentType
        self.body = body
    }

    public static let stylesheet = Asset(name: "app", extension: "css", contentType: "text/css; charset=utf-8", body: Stylesheet.source)
    public static let script = Asset(name: "app", extension: "js", contentType: "text/javascript; charset=utf-8", body: Script.source)
    public static let icon = Asset(
        name: "icon", extension: "svg", contentType: "image/svg+xml",
        body: """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#3a4fd8"/>\
            <text x="16" y="21.5" font-family="system-ui, sans-serif" font-size="14" font-weight="700" fill="#fff" text-anchor="middle">CC</text></svg>
            """)
    public static let all = [stylesheet, script, icon]

    /// FNV-1a, 64 bits: a cache key, not a security measure.
    static func fingerprint(_ body: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
