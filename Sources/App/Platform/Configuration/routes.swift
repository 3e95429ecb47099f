import Foundation
import Vapor

func routes(_ app: Application, _ services: AppServices) throws {
    let config = services.configuration
    try app.register(collection: HealthController(startedAt: Date(), writeProbe: services.writeProbe, embeddings: services.embeddings))
    try app.register(collection: MetricsController())

    let api = app.grouped("api", "v1")
    let openAPI = try APIJSON.encoder().encode(OpenAPIDocument.build(singleUser: config.singleUser))
    api.get("openapi.json") { _ in
        Response.json(openAPI, status: .ok)
    }

    let auth = AuthController(services: services)
    auth.bootPublic(api)

    let authenticated = api.grouped(CurrentUserMiddleware(services: services))
    auth.bootAuthenticated(authenticated)
    try authenticated.register(collection: UsersController(services: services))
    try authenticated.register(collection: JobsController(services: services))
    try authenticated.register(collection: SearchController(services: services))
    try authenticated.register(collection: ApplicationsController())
    try authenticated.register(collection: TasksController())
    try authenticated.register(collection: SourcesController(services: services))
    try authenticated.register(collection: ProfilesController(services: services))

    // Pages: the browser session (cookies, CSRF) on every one; sign-in required past /login.
    try app.register(collection: AssetsController())
    let pages = app.grouped(WebSessionMiddleware(services: services))
    try pages.register(collection: AuthPagesController(services: services))
    let signedIn = pages.grouped(RequireSignInMiddleware())
    try signedIn.register(collection: DashboardController(services: services))
    try signedIn.register(collection: JobPagesController(services: services))
    try signedIn.register(collection: ApplicationPagesController())
    try signedIn.register(collection: SettingsController(services: services))
    try signedIn.register(collection: ProfilePagesController(services: services))
    try signedIn.register(collection: RecommendationPagesController(services: services))
    try signedIn.register(collection: SourcePagesController(services: services))
}
