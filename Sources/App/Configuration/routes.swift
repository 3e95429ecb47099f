import Foundation
import Vapor

func routes(_ app: Application, _ config: AppConfiguration) throws {
    try app.register(collection: HealthController(startedAt: Date()))
    try app.register(collection: MetricsController())

    let api = app.grouped("api", "v1")
    api.get("openapi.json") { _ in
        Response.json(try APIJSON.encoder().encode(OpenAPIDocument.build()), status: .ok)
    }

    let authenticated = api.grouped(CurrentUserMiddleware(singleUser: config.singleUser))
    try authenticated.register(collection: JobsController())
    try authenticated.register(collection: ApplicationsController())
}
