/// A registered job source by name: what configured sources store in their `kind` column and
/// what postings carry as their `source`. Two kinds are equal when their names are.
public struct SourceKind: RawRepresentable, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    public let source: any JobSource

    public init(_ source: any JobSource) {
        self.source = source
    }

    /// The registered kind of this name; nil for any other name.
    public init?(rawValue: String) {
        guard let kind = Self.byName[rawValue] else { return nil }
        self = kind
    }

    public var rawValue: String { source.name }
    public var description: String { rawValue }

    public static func == (lhs: SourceKind, rhs: SourceKind) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    private static let byName = Dictionary(allCases.map { ($0.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
}
