import CareerCopilotCore
import Fluent
import Vapor

/// `/api/v1/users`: the current account, and the list of accounts for admins.
struct UsersController: RouteCollection {
    let services: AppServices

    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users")
        users.get(use: list)
        users.get("me", use: me)
        users.put("me", use: updateMe)
        users.delete("me", use: deleteMe)
        users.put("me", "password", use: changePassword)
        users.get("me", "blocklist", use: blocklist)
        users.post("me", "blocklist", use: hideCompany)
        users.delete("me", "blocklist", ":id", use: unhideCompany)
    }

    func blocklist(request: Request) async throws -> Response {
        let entries = try await BlocklistService(database: request.db, user: try request.currentUser).entries()
        return try request.envelope(entries, message: "Hidden companies retrieved successfully")
    }

    func hideCompany(request: Request) async throws -> Response {
        let entry = try await BlocklistService(database: request.db, user: try request.currentUser).add(try request.jsonBody())
        return try request.envelope(entry, message: "Company hidden from your job lists", status: .created)
    }

    func unhideCompany(request: Request) async throws -> Response {
        let id = try request.idParameter(resource: "Hidden company")
        try await BlocklistService(database: request.db, user: try request.currentUser).remove(id)
        return try request.envelope(["id": id], message: "Company shown again")
    }

    func changePassword(request: Request) async throws -> Response {
        let user = try await user(request)
        let (current, new) = try AccountDraft.passwordChange(try request.jsonBody(), email: user.email)
        try await AuthService(request: request, services: services).changePassword(of: try user.requireID(), current: current, new: new)
        return try request.envelope(["sessions_ended": true], message: "Password changed; every session has ended, sign in again")
    }

    func deleteMe(request: Request) async throws -> Response {
        let password = try AccountDraft.confirmation(try request.jsonBody())
        let id = try request.currentUser.id
        try await AuthService(request: request, services: services).deleteAccount(id, password: password)
        return try request.envelope(["id": id], message: "Account and its data deleted")
    }

    func me(request: Request) async throws -> Response {
        try request.envelope(try UserDTO(try await user(request)), message: "User retrieved successfully")
    }

    func updateMe(request: Request) async throws -> Response {
        let draft = try AccountDraft.profile(try request.jsonBody())
        let user = try await user(request)
        if let fullName = draft.fullName.value { user.fullName = fullName }
        user.timeZone = draft.timeZone.applied(to: user.timeZone)
        try await user.save(on: request.db)
        return try request.envelope(try UserDTO(user), message: "User updated successfully")
    }

    func list(request: Request) async throws -> Response {
        guard try request.currentUser.isAdmin else { throw DomainError.forbidden("Only an admin may list users") }
        var reader = QueryReader(items: request.queryItems)
        let page = reader.page()
        try reader.validate()
        let query = User.query(on: request.db)
        let total = try await query.countRows()
        let users = try await query.sort(\.$id).range(page.offset..<(page.offset + page.pageSize)).all()
        return try request.envelope(ListPage(items: try users.map(UserDTO.init), request: page, total: total), message: "Users retrieved successfully")
    }

    private func user(_ request: Request) async throws -> User {
        guard let user = try await User.find(try request.currentUser.id, on: request.db) else {
            throw DomainError.unauthorized("This account no longer exists")
        }
        return user
    }
}
