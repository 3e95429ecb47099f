/// Checks made before the server starts, on the command line as given.
public enum LaunchGuard {
    /// The address `serve` will listen on, from `--hostname`/`-H` or `--bind`/`-b`.
    public static func hostname(in arguments: [String]) -> String? {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            for flag in ["--hostname", "-H", "--bind", "-b"] {
                if argument == flag, let value = iterator.next() {
                    return flag.contains("b") ? String(value.split(separator: ":").dropLast().joined(separator: ":")).nonEmpty ?? value : value
                }
                if argument.hasPrefix(flag + "=") {
                    let value = String(argument.dropFirst(flag.count + 1))
                    return flag.contains("b") ? String(value.split(separator: ":").dropLast().joined(separator: ":")).nonEmpty ?? value : value
                }
            }
        }
        return nil
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

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
