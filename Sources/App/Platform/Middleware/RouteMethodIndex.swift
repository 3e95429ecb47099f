import NIOConcurrencyHelpers
@preconcurrency import RoutingKit
import Vapor

/// Which methods each registered path answers, so that a wrong method gets 405 rather than
/// the router's 404. Built once after the routes are registered; read under a lock.
/// Every path is stored under a leading "/" component, because the trie cannot hold the
/// root's empty path itself.
final class RouteMethodIndex: @unchecked Sendable {
    private let router = NIOLockedValueBox<TrieRouter<[String]>?>(nil)

    func build(from routes: Routes) {
        var byPath: [String: (path: [PathComponent], methods: [String])] = [:]
        for route in routes.all {
            let key = route.path.string
            var entry = byPath[key] ?? (route.path, [])
            if !entry.methods.contains(route.method.rawValue) { entry.methods.append(route.method.rawValue) }
            byPath[key] = entry
        }
        let trie = TrieRouter<[String]>()
        for entry in byPath.values {
            trie.register(entry.methods.sorted(), at: [.constant("/")] + entry.path)
        }
        router.withLockedValue { $0 = trie }
    }

    func allowedMethods(for path: String) -> [String]? {
        router.withLockedValue { trie in
            var parameters = Parameters()
            let components = ["/"] + path.split(separator: "/").map(String.init)
            return trie?.route(path: components, parameters: &parameters)
        }
    }
}
