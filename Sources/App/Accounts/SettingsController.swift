import CareerCopilotCore
import CareerCopilotWeb
import Fluent
import FluentKit
import Vapor

/// `/settings`: profile, password, demo data.
struct SettingsController: RouteCollection {
    let services: AppServices

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.settings, use: show)
        routes.post(SiteURL.account, use: saveProfile)
        routes.post(SiteURL.password, use: changePassword)
        routes.post(SiteURL.demo, use: loadDemo)
        routes.post(SiteURL.removeDemo, use: removeDemo)
        routes.post(SiteURL.blocklist, use: hideCompany)
        routes.post(SiteURL.unhideCompany, use: unhideCompany)
    }

    func hideCompany(request: Request) async throws -> Response {
        let fields = try request.formFields()
        do {
            let entry = try await BlocklistService(database: request.db, user: try request.pageUser).add(.object(["company": .string(fields["company"] ?? "")]))
            // From a job's page, back to the list it came from; undoing is in Settings.
            return request.redirect(
                to: WebURL.localPath(fields["return_to"]) ?? SiteURL.settings.path,
                flash: "Jobs from \(entry.company) are hidden from your lists. Show them again in Settings."
            )
        } catch {
            let (issues, status) = try FormFailure.issues(of: error)
            return try await page(request, hide: FormState(values: fields, issues: issues, fields: SettingsPage.hideFields), status: status)
        }
    }

    func unhideCompany(request: Request) async throws -> Response {
        let id = try request.pageID(resource: "Hidden company")
        try await BlocklistService(database: request.db, user: try request.pageUser).remove(id)
        return request.redirect(to: SiteURL.settings.path, flash: "That company's jobs are shown again.")
    }

    func show(request: Request) async throws -> Response {
        try await page(request)
    }

    func saveProfile(request: Request) async throws -> Response {
        let fields = try request.formFields()
        do {
            let zone = (fields["time_zone"] ?? "").isEmpty ? JSONValue.null : .string(fields["time_zone"] ?? "")
            let draft = try AccountDraft.profile(.object(["full_name": .string(fields["full_name"] ?? ""), "time_zone": zone]))
            let user = try await account(request)
            if let name = draft.fullName.value { user.fullName = name }
            user.timeZone = draft.timeZone.applied(to: user.timeZone)
            try await user.save(on: request.db)
            let response = request.redirect(to: SiteURL.settings.path, flash: "Profile saved.")
            SessionCookies.setTimeZone(user.timeZone, on: response, for: request)
            return response
        } catch {
            let (issues, status) = try FormFailure.issues(of: error)
            return try await page(request, profile: FormState(values: fields, issues: issues, fields: SettingsPage.profileFields), status: status)
        }
    }

    func changePassword(request: Request) async throws -> Response {
        let fields = try request.formFields()
        do {
            let user = try await account(request)
            let body = JSONValue.object(SettingsPage.passwordFields.names.reduce(into: [:]) { $0[$1] = .string(fields[$1] ?? "") })
            let (current, new) = try AccountDraft.passwordChange(body, email: user.email)
            try await AuthService(request: request, services: services).changePassword(of: try user.requireID(), current: current, new: new)
            // Every session has ended, this one too: sign in again with the new password.
            let response = request.redirect(to: SiteURL.login.path, flash: "Password changed. Sign in again with the new one.")
            SessionCookies.clear(on: response)
            return response
        } catch {
            let (issues, status) = try FormFailure.issues(of: error)
            return try await page(request, password: FormState(issues: issues, fields: SettingsPage.passwordFields), status: status)
        }
    }

    func loadDemo(request: Request) async throws -> Response {
        let user = try request.pageUser
        let result = try await DemoDataService(database: request.db, counts: services.jobCounts).load(for: user)
        return request.redirect(to: "/", flash: "Demo data loaded: \(result.jobs) jobs and \(result.applications) applications, marked “Demo”.")
    }

    func removeDemo(request: Request) async throws -> Response {
        let user = try request.pageUser
        if let ask = try await request.confirmation(
            "Remove the demo data?", detail: "The demo jobs go, and every application to one of them.", button: "Remove demo data",
            cancel: SiteURL.settings.path)
        {
            return ask
        }
        let removed = try await DemoDataService(database: request.db, counts: services.jobCounts).remove(by: user)
        return request.redirect(to: SiteURL.settings.path, flash: "Demo data removed (\(removed) jobs).")
    }

    private func account(_ request: Request) async throws -> User {
        guard let user = try await User.find(try request.pageUser.id, on: request.db) else {
            throw DomainError.unauthorized("This account no longer exists")
        }
        return user
    }

    private func page(_ request: Request, profile: FormState? = nil, password: FormState? = nil, hide: FormState? = nil, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let current = try request.pageUser
        let user = try await account(request)
        var model = SettingsPage.Model(
            email: user.email, isAdmin: user.isAdmin, memberSince: user.createdAt,
            profile: profile
                ?? FormState(values: [
                    "full_name": user.fullName ?? "",
                    "time_zone": user.timeZone ?? request.cookies[SessionCookies.timeZone]?.string.removingPercentEncoding ?? "",
                ]),
            password: password ?? FormState(),
            demoJobs: current.isAdmin ? try await DemoDataService(database: request.db).jobCount() : nil
        )
        model.hiddenCompanies = try await BlocklistService(database: request.db, user: current).entries().map { ($0.id, $0.company) }
        model.hideForm = hide ?? FormState()
        return request.page(SettingsPage.render(model, context: try await request.pageContext(.settings)), status: status)
    }
}
