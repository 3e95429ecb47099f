import Logging

/// Installs the process's log handler: text for people, JSON for collectors.
public enum LoggingSetup {
    public static func bootstrap(_ config: AppConfiguration) {
        let level = config.logLevel
        switch config.logFormat {
        case .json:
            LoggingSystem.bootstrap { label in JSONLogHandler(label: label, logLevel: level) }
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }
}
