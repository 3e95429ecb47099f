import CareerCopilotCore
import Foundation

/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`.
/// A test checks that it names exactly the routes the server registers.
enum OpenAPIDocument {
    /// `singleUser`: requests without a token act as user 1, so a token is optional.
    static func build(singleUser: Bool) -> JSONValue {
        [
            "openapi": "3.1.0",
            "info": [
                "title": "Career Copilot API",
                "version": .string(CareerCopilotVersion.current),
                "description": "Self-hosted AI copilot for a job search. Every response uses the success or error envelope.",
            ],
            "servers": [["url": "/"]],
            "paths": .object(paths.merging(profilePaths) { first, _ in first }.merging(searchPaths) { first, _ in first }),
            // Bearer tokens from /auth/login; optional in single-user mode.
            "security": singleUser ? [[:], ["bearerAuth": []]] : [["bearerAuth": []]],
            "components": [
                "securitySchemes": ["bearerAuth": ["type": "http", "scheme": "bearer", "bearerFormat": "JWT"]],
                "schemas": .object(Schemas.all.merging(Schemas.profileSchemas) { first, _ in first }.merging(Schemas.searchSchemas) { first, _ in first }),
                "responses": .object(Responses.all),
                "parameters": .object(Parameters.all),
            ],
        ]
    }

    static var paths: [String: JSONValue] {
        [
            "/health": [
                "get": operation(
                    "Health of the service and its database", tag: "operations", envelope: false,
                    responses: [
                        "200": ["description": "Healthy or degraded", "content": json(ref("Health"))],
                        "503": ["description": "Unhealthy", "content": json(ref("Health"))],
                    ])
            ],
            "/metrics": [
                "get": operation(
                    "Prometheus metrics", tag: "operations", envelope: false,
                    responses: [
                        "200": ["description": "Prometheus text format", "content": ["text/plain": ["schema": ["type": "string"]]]]
                    ])
            ],
            "/api/v1/openapi.json": [
                "get": operation(
                    "This document", tag: "operations", envelope: false,
                    responses: [
                        "200": ["description": "OpenAPI document", "content": json(["type": "object"])]
                    ])
            ],
            "/api/v1/auth/register": [
                "post": operation(
                    "Create an account (the first one is an admin)", tag: "auth", isPublic: true, body: ref("Register"),
                    responses: [
                        "201": success(ref("User")), "409": errorRef("Conflict"), "422": errorRef("ValidationError"), "429": errorRef("RateLimited"),
                    ])
            ],
            "/api/v1/auth/login": [
                "post": operation(
                    "Sign in", tag: "auth", isPublic: true, body: ref("Login"),
                    responses: [
                        "200": success(ref("TokenPair")), "401": errorRef("Unauthorized"), "422": errorRef("ValidationError"), "429": errorRef("RateLimited"),
                    ])
            ],
            "/api/v1/auth/refresh": [
                "post": operation(
                    "Spend a refresh token for a new pair (a spent one revokes its family)", tag: "auth", isPublic: true, body: ref("Refresh"),
                    responses: [
                        "200": success(ref("TokenPair")), "401": errorRef("Unauthorized"), "422": errorRef("ValidationError"),
                    ])
            ],
            "/api/v1/auth/logout": [
                "post": operation(
                    "Revoke this access token and, when given, the refresh token's family", tag: "auth", body: ref("Logout"), bodyRequired: false,
                    responses: [
                        "200": success(["type": "object", "properties": ["signed_out": ["type": "boolean"]]]), "401": errorRef("Unauthorized"),
                        "422": errorRef("ValidationError"),
                    ])
            ],
            "/api/v1/users": [
                "get": operation(
                    "List accounts (admins only)", tag: "users", parameters: [paramRef("page"), paramRef("page_size")],
                    responses: [
                        "200": success(list(ref("User"))), "400": errorRef("BadRequest"), "401": errorRef("Unauthorized"), "403": errorRef("Forbidden"),
                    ])
            ],
            "/api/v1/users/me": [
                "get": operation("The current account", tag: "users", responses: ["200": success(ref("User")), "401": errorRef("Unauthorized")]),
                "put": operation(
                    "Change the current account's name", tag: "users", body: ref("UserUpdate"),
                    responses: [
                        "200": success(ref("User")), "401": errorRef("Unauthorized"), "422": errorRef("ValidationError"),
                    ]),
                "delete": operation(
                    "Delete the account and all its private data (password to confirm)", tag: "users", body: ref("PasswordConfirmation"),
                    responses: [
                        "200": success(ref("Deleted")), "401": errorRef("Unauthorized"), "403": errorRef("Forbidden"), "422": errorRef("ValidationError"),
                    ]),
            ],
            "/api/v1/users/me/password": [
                "put": operation(
                    "Change the password; every session ends", tag: "users", body: ref("PasswordChange"),
                    responses: [
                        "200": success(["type": "object", "properties": ["sessions_ended": ["type": "boolean"]]]),
                        "401": errorRef("Unauthorized"), "403": errorRef("Forbidden"), "422": errorRef("ValidationError"),
                    ])
            ],
            "/api/v1/jobs": [
                "get": operation(
                    "List jobs", tag: "jobs", parameters: jobListParameters,
                    responses: [
                        "200": success(list(ref("Job"))), "400": errorRef("BadRequest"),
                    ]),
                "post": operation(
                    "Create a job", tag: "jobs", body: ref("JobCreate"),
                    responses: [
                        "201": success(ref("Job"), links: itemLinks("/api/v1/jobs/{id}", ["get", "put", "delete"])), "409": errorRef("Conflict"),
                        "422": errorRef("ValidationError"),
                    ]),
            ],
            "/api/v1/jobs/{id}": [
                "parameters": [paramRef("id")],
                "get": operation("Get a job", tag: "jobs", responses: ["200": success(ref("Job")), "404": errorRef("NotFound")]),
                "put": operation(
                    "Change a job (only the fields sent; null clears). With If-Match (the ETag of a GET), only if it is unchanged since", tag: "jobs",
                    parameters: [ifMatch], body: ref("JobUpdate"),
                    responses: [
                        "200": success(ref("Job")), "403": errorRef("Forbidden"), "404": errorRef("NotFound"),
                        "409": errorRef("Conflict"), "422": errorRef("ValidationError"),
                    ]),
                "delete": operation(
                    "Delete a job nobody tracks", tag: "jobs",
                    responses: [
                        "200": success(ref("Deleted")), "403": errorRef("Forbidden"), "404": errorRef("NotFound"), "409": errorRef("Conflict"),
                    ]),
            ],
            "/api/v1/applications": [
                "get": operation(
                    "List your applications", tag: "applications", parameters: applicationListParameters,
                    responses: [
                        "200": success(list(ref("Application"))), "400": errorRef("BadRequest"),
                    ]),
                "post": operation(
                    "Track a job", tag: "applications", body: ref("ApplicationCreate"),
                    responses: [
                        "201": success(ref("Application"), links: itemLinks("/api/v1/applications/{id}", ["get", "put", "delete"])),
                        "409": errorRef("Conflict"),
                        "422": errorRef("ValidationError"),
                    ]),
            ],
            "/api/v1/applications/{id}": [
                "parameters": [paramRef("id")],
                "get": operation(
                    "Get an application with its timeline", tag: "applications",
                    responses: [
                        "200": success(ref("Application")), "404": errorRef("NotFound"),
                    ]),
                "put": operation(
                    "Change an application's status or notes. With If-Match (the ETag of a GET), only if it is unchanged since", tag: "applications",
                    parameters: [ifMatch], body: ref("ApplicationUpdate"),
                    responses: [
                        "200": success(ref("Application")), "404": errorRef("NotFound"), "409": errorRef("Conflict"), "422": errorRef("ValidationError"),
                    ]),
                "delete": operation(
                    "Delete an application", tag: "applications",
                    responses: [
                        "200": success(ref("Deleted")), "404": errorRef("NotFound"),
                    ]),
            ],
            "/api/v1/applications/{id}/timeline": [
                "parameters": [paramRef("id")],
                "get": operation(
                    "Every status change of an application", tag: "applications",
                    responses: [
                        "200": success(["type": "array", "items": ref("TimelineEntry")]), "404": errorRef("NotFound"),
                    ]),
            ],
            "/api/v1/jobs/import": [
                "post": operation(
                    "Import the job behind a URL (a known board's API, else the page's schema.org JobPosting)", tag: "jobs",
                    body: [
                        "type": "object", "required": ["url"], "properties": ["url": ["type": "string", "minLength": 1, "maxLength": 2048, "format": "uri"]],
                    ],
                    responses: [
                        "201": success(ref("Job")), "200": success(ref("Job")), "401": errorRef("Unauthorized"), "422": errorRef("ValidationError"),
                    ])
            ],
            "/api/v1/users/me/blocklist": [
                "get": operation(
                    "The companies you hide from your job lists", tag: "users",
                    responses: [
                        "200": success(["type": "array", "items": ref("HiddenCompany")]), "401": errorRef("Unauthorized"),
                    ]),
                "post": operation(
                    "Hide a company's jobs from your lists and searches", tag: "users",
                    body: Schemas.body([BlocklistService.companyField], description: "Matched ignoring case and spacing."),
                    responses: [
                        "201": success(ref("HiddenCompany"), links: itemLinks("/api/v1/users/me/blocklist/{id}", ["delete"])), "401": errorRef("Unauthorized"),
                        "409": errorRef("Conflict"), "422": errorRef("ValidationError"),
                    ]),
            ],
            "/api/v1/users/me/blocklist/{id}": [
                "parameters": [paramRef("id")],
                "delete": operation(
                    "Show a hidden company's jobs again", tag: "users",
                    responses: [
                        "200": success(ref("Deleted")), "401": errorRef("Unauthorized"), "404": errorRef("NotFound"),
                    ]),
            ],
            "/api/v1/sources": [
                "get": operation(
                    "Every job source with its last run (admins only)", tag: "sources",
                    responses: [
                        "200": success(list(ref("Source"))), "401": errorRef("Unauthorized"), "403": errorRef("Forbidden"),
                    ]),
                "post": operation(
                    "Add a job source (admins only)", tag: "sources", body: ref("SourceCreate"),
                    responses: [
                        "201": success(ref("Source"), links: itemLinks("/api/v1/sources/{id}", ["get", "put", "delete"])), "401": errorRef("Unauthorized"),
                        "403": errorRef("Forbidden"), "409": errorRef("Conflict"),
                        "422": errorRef("ValidationError"),
                    ]),
            ],
            "/api/v1/sources/{id}": [
                "parameters": [paramRef("id")],
                "get": operation(
                    "A job source and its last run (admins only)", tag: "sources",
                    responses: [
                        "200": success(ref("Source")), "401": errorRef("Unauthorized"), "403": errorRef("Forbidden"), "404": errorRef("NotFound"),
                    ]),
                "put": operation(
                    "Change a job source: only the fields sent (admins only)", tag: "sources", body: ref("SourceUpdate"),
                    responses: [
                        "200": success(ref("Source")), "401": errorRef("Unauthorized"), "403": errorRef("Forbidden"), "404": errorRef("NotFound"),
                        "409": errorRef("Conflict"), "422": errorRef("ValidationError"),
                    ]),
                "delete": operation(
                    "Remove a job source; its jobs stay (admins only)", tag: "sources",
                    responses: [
                        "200": success(ref("Deleted")), "401": errorRef("Unauthorized"), "403": errorRef("Forbidden"), "404": errorRef("NotFound"),
                    ]),
            ],
            "/api/v1/sources/{id}/run": [
                "parameters": [paramRef("id")],
                "post": operation(
                    "Run a source now: 202 with its task (admins only)", tag: "sources", bodyRequired: false,
                    responses: [
                        "202": success(ref("Task")), "401": errorRef("Unauthorized"), "403": errorRef("Forbidden"), "404": errorRef("NotFound"),
                        "409": errorRef("Conflict"),
                    ]),
            ],
            "/api/v1/tasks": [
                "get": operation(
                    "Tasks in one status, newest first: the failed ones are the dead-letter view (admins only)", tag: "tasks",
                    parameters: [
                        queryParameter(
                            "status", enumSchema(TaskRecord.Status.allCases.map(\.rawValue)), "queued, running, succeeded, failed or cancelled", required: true),
                        paramRef("page"), paramRef("page_size"),
                    ],
                    responses: [
                        "200": success(list(ref("Task"))), "400": errorRef("BadRequest"), "401": errorRef("Unauthorized"), "403": errorRef("Forbidden"),
                    ])
            ],
            "/api/v1/tasks/{id}": [
                "parameters": [paramRef("id")],
                "get": operation(
                    "A background task: status, attempts, result or error (its user's, or any for admins)", tag: "tasks",
                    responses: [
                        "200": success(ref("Task")), "401": errorRef("Unauthorized"), "404": errorRef("NotFound"),
                    ]),
            ],
            "/api/v1/tasks/{id}/retry": [
                "parameters": [paramRef("id")],
                "post": operation(
                    "Queue a failed task again with all its attempts (admins only)", tag: "tasks", bodyRequired: false,
                    responses: [
                        "200": success(ref("Task")), "401": errorRef("Unauthorized"), "403": errorRef("Forbidden"), "404": errorRef("NotFound"),
                        "409": errorRef("Conflict"),
                    ]),
            ],
        ]
    }

    // MARK: Building blocks

    static func ref(_ schema: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(schema)")] }
    static func paramRef(_ name: String) -> JSONValue { ["$ref": .string("#/components/parameters/\(name)")] }
    static func errorRef(_ name: String) -> JSONValue { ["$ref": .string("#/components/responses/\(name)")] }
    static func json(_ schema: JSONValue) -> JSONValue { ["application/json": ["schema": schema]] }

    static func list(_ item: JSONValue) -> JSONValue {
        [
            "type": "object",
            "required": ["items", "page", "page_size", "total"],
            "properties": [
                "items": ["type": "array", "items": item],
                "page": ["type": "integer", "minimum": 1],
                "page_size": ["type": "integer", "minimum": 1, "maximum": 100],
                "total": ["type": "integer", "minimum": 0],
            ],
        ]
    }

    /// Links from a created item to the operations on it (OpenAPI `links`): clients, and
    /// Schemathesis's stateful phase, follow create → read → update → delete by them.
    static func itemLinks(_ path: String, _ methods: [String]) -> JSONValue {
        let pointer = path.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        var links: [String: JSONValue] = [:]
        for method in methods {
            links[method.capitalized + "Created"] = [
                "operationRef": .string("#/paths/\(pointer)/\(method)"), "parameters": ["id": "$response.body#/data/id"],
            ]
        }
        return .object(links)
    }

    static func success(_ data: JSONValue, links: JSONValue? = nil) -> JSONValue {
        var response: [String: JSONValue] = [
            "description": "Success",
            "headers": ["X-Request-ID": ["schema": ["type": "string"]]],
            "content": json([
                "type": "object",
                "required": ["success", "data", "message", "timestamp"],
                "properties": [
                    "success": ["const": true],
                    "data": data,
                    "message": ["type": "string"],
                    "timestamp": ["type": "string", "format": "date-time"],
                ],
            ]),
        ]
        if let links { response["links"] = links }
        return .object(response)
    }

    static func operation(
        _ summary: String, tag: String, envelope: Bool = true, isPublic: Bool = false, parameters: [JSONValue] = [],
        body: JSONValue? = nil, bodyRequired: Bool = true, responses: [String: JSONValue]
    ) -> JSONValue {
        var responses = responses
        if envelope {
            if !isPublic { responses["401"] = responses["401"] ?? errorRef("Unauthorized") }
            responses["405"] = errorRef("MethodNotAllowed")
            responses["500"] = errorRef("InternalError")
            if body != nil {
                responses["400"] = responses["400"] ?? errorRef("BadRequest")
                responses["413"] = errorRef("PayloadTooLarge")
                responses["415"] = errorRef("UnsupportedMediaType")
            }
        }
        var result: [String: JSONValue] = [
            "summary": .string(summary),
            "tags": [.string(tag)],
            "responses": .object(responses),
        ]
        if !parameters.isEmpty { result["parameters"] = .array(parameters) }
        if isPublic || !envelope { result["security"] = [] }
        if let body { result["requestBody"] = ["required": .bool(bodyRequired), "content": json(body)] }
        return .object(result)
    }

    /// An optional query parameter. Empty values count as absent (as HTML forms send them).
    /// `If-Match`: a save made from an old copy is refused with 409 (decision 0015).
    static let ifMatch: JSONValue = [
        "name": "If-Match", "in": "header", "required": false, "schema": ["type": "string"],
        "description": "The ETag of the GET this change is based on (or *). A record changed since answers 409 and stays as it is",
    ]

    static func queryParameter(_ name: String, _ schema: JSONValue, _ description: String, required: Bool = false) -> JSONValue {
        [
            "name": .string(name), "in": "query", "required": .bool(required), "allowEmptyValue": .bool(!required), "schema": schema,
            "description": .string(description),
        ]
    }

    /// One or more values of a list, comma-separated: `a,b`.
    static func enumListSchema(_ values: [String]) -> JSONValue {
        let alternatives = "(" + values.joined(separator: "|") + ")"
        return ["type": "string", "maxLength": 200, "pattern": .string("^ *(\(alternatives) *(, *\(alternatives) *)*)?$")]
    }

    static func sortParameter(_ fields: [String]) -> JSONValue {
        queryParameter(
            "sort", ["type": "string", "enum": .array(fields.flatMap { [.string($0), .string("-" + $0)] })],
            "A field to sort by; prefix - for descending"
        )
    }

    static var jobListParameters: [JSONValue] {
        [
            queryParameter(
                "q", ["type": "string", "maxLength": 200, "pattern": .string(Schemas.plainText)],
                "Keywords, matched as word prefixes in title, company, location and description"),
            queryParameter("company", ["type": "string", "maxLength": 200, "pattern": .string(Schemas.plainText)], "Company name prefix, case-insensitive"),
            queryParameter("location", ["type": "string", "maxLength": 200, "pattern": .string(Schemas.plainText)], "Words of the location, as word prefixes"),
            queryParameter("remote", enumListSchema(RemoteType.allCases.map(\.rawValue)), "One or more of onsite, hybrid, remote, comma-separated"),
            queryParameter("source", ["type": "string", "maxLength": 50, "pattern": .string(Schemas.plainText)], "Source name, exact"),
            queryParameter("is_active", ["type": "boolean"], "Only active (true) or inactive (false) jobs"),
            queryParameter("posted_after", Schemas.dateTimeInput, "Posted at or after this date or time"),
            queryParameter("salary_min", ["type": "number", "minimum": 0], "Jobs whose pay (maximum, else minimum) reaches this amount"),
            queryParameter("skill", ["type": "string", "maxLength": 100, "pattern": .string(Schemas.plainText)], "A skill the job asks for"),
            queryParameter("match_min", ["type": "integer", "minimum": 0, "maximum": 100], "Jobs whose stored match score for your profile is at least this"),
            sortParameter(JobFilter.SortField.allCases.map(\.rawValue)),
            paramRef("page"), paramRef("page_size"),
        ]
    }

    static var applicationListParameters: [JSONValue] {
        [
            queryParameter("status", enumListSchema(ApplicationStatus.allCases.map(\.rawValue)), "One or more statuses, comma-separated"),
            queryParameter("job_id", ["type": "integer", "minimum": 1, "maximum": 2_147_483_647], "Applications to this job"),
            sortParameter(ApplicationFilter.SortField.allCases.map(\.rawValue)),
            paramRef("page"), paramRef("page_size"),
        ]
    }
}
