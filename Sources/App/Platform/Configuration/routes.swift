import Foundation
import Vapor

func routes(_ app: Application, _ config: AppConfiguration) throws {
    try app.register(collection: HealthController(startedAt: Date(), writeProbe: app.writeProbe))
    try app.register(collection: MetricsController())

    let api = app.grouped("api", "v1")
    let openAPI = try APIJSON.encoder().encode(OpenAPIDocument.build(singleUser: config.singleUser))
    api.get("openapi.json") { _ in
        Response.json(openAPI, status: .ok)
    }

    let auth = AuthController()
    auth.bootPublic(api)

    let authenticated = api.grouped(CurrentUserMiddleware(singleUser: config.singleUser))
    auth.bootAuthenticated(authenticated)
    try authenticated.register(collection: UsersController())
    try authenticated.register(collection: JobsController())
    try authenticated.register(collection: ApplicationsController())
    try authenticated.register(collection: TasksController())
    try authenticated.register(collection: SourcesController())

    // Pages: the browser session (cookies, CSRF) on every one; sign-in required past /login.
    try app.register(collection: AssetsController())
    let pages = app.grouped(WebSessionMiddleware(singleUser: config.singleUser))
    try pages.register(collection: AuthPagesController())
    let signedIn = pages.grouped(RequireSignInMiddleware())
    try signedIn.register(collection: DashboardController())
    try signedIn.register(collection: JobPagesController())
    try signedIn.register(collection: ApplicationPagesController())
    try signedIn.register(collection: SettingsController())
    try signedIn.register(collection: SourcePagesController())
}
