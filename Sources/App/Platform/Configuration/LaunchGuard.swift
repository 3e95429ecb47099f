import Foundation

/// Checks made before the server starts, on the command line as given.
public enum LaunchGuard {
    /// The address `serve` will listen on, from `--hostname`/`-H` or `--bind`/`-b` (`host:port`).
    public static func hostname(in arguments: [String]) -> String? {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            let (flag, inlineValue) = split(argument)
            guard let value = inlineValue ?? ((hostnameFlags.contains(flag) || bindFlags.contains(flag)) ? iterator.next() : nil) else { continue }
            if hostnameFlags.contains(flag) { return value }
            if bindFlags.contains(flag) { return host(ofBinding: value) }
        }
        return nil
    }

    static let hostnameFlags: Set<String> = ["--hostname", "-H"]
    static let bindFlags: Set<String> = ["--bind", "-b"]

    /// `--flag=value` → (`--flag`, `value`); anything else → (itself, nil).
    private static func split(_ argument: String) -> (String, String?) {
        guard let equals = argument.firstIndex(of: "="), argument.hasPrefix("-") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// The host of `host:port` (`[::1]:8000` → `[::1]`); the whole value when it has no port.
    private static func host(ofBinding value: String) -> String {
        guard let colon = value.lastIndex(of: ":"), !value.hasSuffix("]") else { return value }
        let host = String(value[..<colon])
        return host.isEmpty ? value : host
    }

    public static func isLoopback(_ hostname: String) -> Bool {
        let host = hostname.trimmingCharacters(in: ["[", "]"]).lowercased()
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Single-user mode has no sign-in: it must never be reachable from another machine.
    public static func problems(config: AppConfiguration, arguments: [String]) -> [String] {
        guard config.singleUser else { return [] }
        let host = hostname(in: arguments) ?? "127.0.0.1"
        guard isLoopback(host) else {
            return ["Single-user mode (CC_SINGLE_USER=1) has no sign-in, so it only listens on a loopback address (127.0.0.1, ::1, localhost), not on \(host)."]
        }
        return []
    }
}
