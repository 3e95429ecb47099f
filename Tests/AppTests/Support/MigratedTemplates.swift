import Fluent
import Foundation
import SQLKit
import Vapor

@testable import App

/// Every migration, run once per test process into a template that each test server copies:
/// a SQLite file copied into the server's data directory, a PostgreSQL database cloned with
/// `CREATE DATABASE … TEMPLATE`. A server then starts on a migrated database in milliseconds
/// instead of running every migration again (`MigrationTests` still runs them from nothing).
///
/// PostgreSQL servers keep their tables in the schema `cc` of their database, so every test
/// also runs under `CC_DATABASE_SCHEMA`.
actor MigratedTemplates {
    static let shared = MigratedTemplates()
    static let postgresSchema = "cc"

    private var sqlite: Task<String, any Error>?
    private var postgres: Task<PostgresTemplate, any Error>?

    /// A migrated SQLite database at `directory` (created if needed).
    func copySQLite(into directory: String) async throws {
        if sqlite == nil { sqlite = Task { try await Self.makeSQLite() } }
        let template = try await sqlite!.value
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: template, toPath: directory + "/" + AppConfiguration.sqliteFileName)
    }

    /// A new database of this name, migrated; `drop` removes it again.
    func clonePostgres(named name: String) async throws {
        let template = try await postgresTemplate()
        try await template.admin.db.sql.raw("CREATE DATABASE \(ident: name) TEMPLATE \(ident: template.name)").run()
    }

    func dropPostgres(named name: String) async throws {
        let template = try await postgresTemplate()
        try await template.admin.db.sql.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run()
    }

    /// An empty database of this name (for a server that migrates itself).
    func createEmptyPostgres(named name: String) async throws {
        let template = try await postgresTemplate()
        try await template.admin.db.sql.raw("CREATE DATABASE \(ident: name)").run()
    }

    private func postgresTemplate() async throws -> PostgresTemplate {
        if postgres == nil { postgres = Task { try await Self.makePostgres() } }
        return try await postgres!.value
    }

    /// The address of a database on the tests' PostgreSQL server.
    static func postgresURL(database: String) throws -> String {
        guard let base = TestDatabase.postgresURL, var components = URLComponents(string: base) else { throw TestServerError.postgresUnavailable }
        components.path = "/" + database
        guard let url = components.string else { throw TestServerError.postgresUnavailable }
        return url
    }

    private static func makeSQLite() async throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cc-template-\(UUID().uuidString)").path
        var config = AppConfiguration(dataDirectory: directory, port: 0, logLevel: .error)
        config.passwordHashCost = 4
        // Afterwards everything in the one file: a copy of it is the whole database.
        try await migrate(config, after: { app in try await app.db.sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run() })
        return directory + "/" + AppConfiguration.sqliteFileName
    }

    private struct PostgresTemplate: Sendable {
        let name: String
        /// Connected to the server's own database, never to the template (a template with a
        /// session open cannot be copied).
        let admin: Application
    }

    private static func makePostgres() async throws -> PostgresTemplate {
        guard let base = TestDatabase.postgresURL else { throw TestServerError.postgresUnavailable }
        let admin = try await Application.make(.testing)
        var adminConfig = AppConfiguration(dataDirectory: FileManager.default.temporaryDirectory.path, port: 0, logLevel: .error)
        adminConfig.database = .postgres(url: base)
        adminConfig.databasePoolSize = 2
        try await configure(admin, AppServices(configuration: adminConfig, application: admin))
        let name = "cc_template_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await admin.db.sql.raw("CREATE DATABASE \(ident: name)").run()

        var config = AppConfiguration(dataDirectory: FileManager.default.temporaryDirectory.path, port: 0, logLevel: .error)
        config.database = .postgres(url: try postgresURL(database: name))
        config.databaseSchema = postgresSchema
        config.databasePoolSize = 2
        try await migrate(config, before: { app in try await app.db.sql.raw("CREATE SCHEMA \(ident: postgresSchema)").run() })
        return PostgresTemplate(name: String(name), admin: admin)
    }

    /// Runs every migration on the database `config` names, then closes every connection.
    private static func migrate(
        _ config: AppConfiguration, before: (Application) async throws -> Void = { _ in }, after: (Application) async throws -> Void = { _ in }
    ) async throws {
        let app = try await Application.make(.testing)
        do {
            try await configure(app, AppServices(configuration: config, application: app))
            try await before(app)
            try await app.autoMigrate()
            try await after(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
