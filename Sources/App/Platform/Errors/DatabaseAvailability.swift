import FluentPostgresDriver
import FluentSQLiteDriver
import NIOCore
import NIOPosix

/// Errors that mean "the database cannot serve this now" rather than "this request is
/// wrong" or "our code is wrong": PostgreSQL down or restarting, the pool exhausted, a
/// SQLite file that is read-only, full or locked too long. The API answers them 503 with
/// `Retry-After`, as `/health` does, so clients back off and retry instead of reporting a bug.
enum DatabaseAvailability {
    enum Problem: Equatable {
        /// Not reachable now: retry later.
        case unreachable
        /// Reads work, writes cannot (read-only file or directory, disk full).
        case notWritable
    }

    static func problem(of error: any Error) -> Problem? {
        switch error {
        case is ConnectionPoolTimeoutError, is ConnectionPoolError, is NIOConnectionError:
            return .unreachable
        case let error as PSQLError:
            switch error.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed, .uncleanShutdown:
                return .unreachable
            case .server:
                // 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, 53300 too many connections.
                let state = error.serverInfo?[.sqlState] ?? ""
                return state.hasPrefix("57P") || state == "53300" ? .unreachable : nil
            default:
                return nil
            }
        case let error as SQLiteError:
            switch error.reason {
            case .readOnly, .readonlyInRecovery, .readonlyCantLock, .readonlyInRollback, .readonlyBackingMoved, .readonlyDirectory, .full, .permission:
                return .notWritable
            case .busy, .busyTimeout, .locked, .cantOpen, .ioError, .ioErrorFailedWrite, .ioErrorFailedSync, .ioErrorFailedRead:
                return .unreachable
            default:
                return nil
            }
        case let error as IOError where [ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT, EHOSTUNREACH].contains(error.errnoCode):
            return .unreachable
        case ChannelError.ioOnClosedChannel, ChannelError.connectTimeout, ChannelError.alreadyClosed:
            return .unreachable
        default:
            return nil
        }
    }
}
