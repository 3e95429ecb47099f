/// One field of a request body as the client sent it: left out, set to `null`, or set to a
/// value. Updates change only the fields that are present; `null` clears an optional field.
public enum Patch<Value: Sendable>: Sendable {
    case absent
    case null
    case value(Value)

    /// The value, or nil when absent or null.
    public var value: Value? {
        if case let .value(value) = self { return value }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public var isPresent: Bool {
        if case .absent = self { return false }
        return true
    }

    /// Applies the patch to an optional stored value.
    public func applied(to current: Value?) -> Value? {
        switch self {
        case .absent: current
        case .null: nil
        case let .value(value): value
        }
    }

    public func map<T>(_ transform: (Value) -> T) -> Patch<T> {
        switch self {
        case .absent: .absent
        case .null: .null
        case let .value(value): .value(transform(value))
        }
    }
}
