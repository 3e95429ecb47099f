import CareerCopilotCore
import Foundation
import JobSources

extension OpenAPIDocument {
    static func enumSchema(_ values: [String], nullable: Bool = false) -> JSONValue {
        nullable
            ? ["type": ["string", "null"], "enum": .array(values.map { .string($0) } + [.null])]
            : ["type": "string", "enum": .array(values.map { .string($0) })]
    }

    static func nullable(_ type: String, _ extra: [String: JSONValue] = [:]) -> JSONValue {
        var schema = extra
        schema["type"] = [.string(type), "null"]
        return .object(schema)
    }

    enum Schemas {
        static let dateTime: JSONValue = ["type": "string", "format": "date-time"]
        /// A date-time as requests may send it (what `ISODate.parse` reads): never blank, and of
        /// the years 0002 to 9998, whose instants stay within 0001–9999 in any zone.
        static let dateTimeInput: JSONValue = [
            "type": "string", "format": "date-time",
            "pattern": "^[ \\t\\n\\r]*(000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9])-[0-9]{2}-[0-9]{2}",
        ]

        static var all: [String: JSONValue] {
            [
                "Job": job,
                "JobCreate": jobInput(creating: true),
                "JobUpdate": jobInput(creating: false),
                "Application": application,
                "ApplicationCreate": applicationInput(creating: true),
                "ApplicationUpdate": applicationInput(creating: false),
                "TimelineEntry": timelineEntry,
                "Deleted": ["type": "object", "required": ["id"], "properties": ["id": ["type": "integer"]]],
                "Error": error,
                "Register": body(AccountDraft.registrationFields, description: "A new account; the e-mail address is its sign-in name."),
                "Login": body(AccountDraft.signInFields, description: "Any wrong e-mail or password gets the same answer."),
                "Refresh": body([AccountDraft.Field.refreshToken], description: "The refresh token of the last pair."),
                "Logout": body([AccountDraft.Field.refreshToken.required(false)], description: "The refresh token's family is revoked too."),
                "TokenPair": [
                    "type": "object", "required": ["access_token", "refresh_token", "token_type", "expires_in"],
                    "properties": [
                        "access_token": ["type": "string"], "refresh_token": ["type": "string"],
                        "token_type": ["const": "bearer"], "expires_in": ["type": "integer"],
                    ],
                ],
                "User": [
                    "type": "object", "required": ["id", "email", "role"],
                    "properties": [
                        "id": ["type": "integer"], "email": ["type": "string"], "full_name": nullable("string"),
                        "time_zone": nullable("string", ["description": "IANA time zone the pages show times in"]),
                        "role": enumSchema(["admin", "user"]), "created_at": nullable("string", ["format": "date-time"]),
                    ],
                ],
                "PasswordConfirmation": body(AccountDraft.confirmationFields, description: "The account's password, to confirm."),
                "PasswordChange": body(AccountDraft.passwordChangeFields, description: "Every session ends."),
                "UserUpdate": body(AccountDraft.profileFields, description: "Only the fields sent change."),
                "Health": health,

                "HiddenCompany": [
                    "type": "object", "required": ["id", "company", "created_at"],
                    "properties": ["id": ["type": "integer"], "company": ["type": "string"], "created_at": dateTime],
                ],
                "Source": [
                    "type": "object", "required": ["id", "name", "type", "identifier", "schedule", "enabled", "created_at"],
                    "properties": [
                        "id": ["type": "integer"], "name": ["type": "string"], "type": enumSchema(SourceKind.allCases.map(\.rawValue)),
                        "identifier": ["type": "string"], "base_url": nullable("string"), "schedule": ["type": "string"], "enabled": ["type": "boolean"],
                        "last_run_at": nullable("string", ["format": "date-time"]), "last_status": nullable("string"), "last_error": nullable("string"),
                        "stats": ["description": "new, updated, unchanged, merged, closed, rejected of the last run"],
                        "created_at": dateTime,
                    ],
                ],
                "SourceCreate": body(SourceCatalogue.fields(creating: true), description: "A new source; `kind` is read as `type`."),
                "SourceUpdate": body(SourceCatalogue.fields(creating: false), description: "Only the fields sent change; the type stays."),
                "Task": [
                    "type": "object", "required": ["id", "kind", "queue", "status", "attempts", "max_attempts", "run_at", "created_at"],
                    "properties": [
                        "id": ["type": "integer"], "kind": ["type": "string"], "queue": ["type": "string"],
                        "status": enumSchema(TaskRecord.Status.allCases.map(\.rawValue)),
                        "attempts": ["type": "integer"], "max_attempts": ["type": "integer"], "run_at": dateTime,
                        "result": ["description": "What the task returned, when it succeeded"], "error": nullable("string"),
                        "created_at": dateTime, "started_at": nullable("string", ["format": "date-time"]),
                        "finished_at": nullable("string", ["format": "date-time"]),
                    ],
                ],
            ]
        }

        static var job: JSONValue {
            [
                "type": "object",
                "required": ["id", "title", "company", "source", "description", "description_text", "scraped_at", "is_active", "skills", "sources"],
                "properties": [
                    "id": ["type": "integer"],
                    "title": ["type": "string"],
                    "company": ["type": "string"],
                    "location": nullable("string"),
                    "source": ["type": "string"],
                    "external_id": nullable("string"),
                    "url": nullable("string", ["format": "uri"]),
                    "description": ["type": "string", "description": "Sanitised HTML"],
                    "description_text": ["type": "string"],
                    "remote": enumSchema(RemoteType.allCases.map(\.rawValue), nullable: true),
                    "employment_type": enumSchema(EmploymentType.allCases.map(\.rawValue), nullable: true),
                    "salary_min": nullable("number"),
                    "salary_max": nullable("number"),
                    "salary_currency": nullable("string"),
                    "salary_period": enumSchema(SalaryPeriod.allCases.map(\.rawValue), nullable: true),
                    "posted_at": nullable("string", ["format": "date-time"]),
                    "scraped_at": dateTime,
                    "is_active": ["type": "boolean"],
                    "is_private": [
                        "type": "boolean", "description": "Only its creator sees it (a job added or imported by hand); false: the shared catalogue",
                    ],
                    "inactive_since": nullable("string", ["format": "date-time"]),
                    "skills": ["type": "array", "items": ["type": "string"]],
                    "sources": [
                        "type": "array", "description": "where the job is listed; merge_reason says why a source joined it",
                        "items": [
                            "type": "object", "required": ["source", "external_id", "first_seen_at", "last_seen_at"],
                            "properties": [
                                "source": ["type": "string"], "source_name": nullable("string"), "external_id": ["type": "string"], "url": nullable("string"),
                                "merge_reason": nullable("string"), "first_seen_at": dateTime, "last_seen_at": dateTime,
                                "missing_since": nullable("string", ["format": "date-time"]),
                            ],
                        ],
                    ],
                    "created_by": nullable("integer"),
                    "created_at": dateTime,
                    "updated_at": dateTime,
                ],
            ]
        }

        /// Text without control characters (tab, newline and carriage return are allowed).
        static let plainText = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]*$"
        /// The same, with at least one character that is not white space.
        static let nonBlankText = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]*[^\\s\\u0000-\\u001F][^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]*$"

        static func jobInput(creating: Bool) -> JSONValue {
            body(
                JobDraft.fields(creating: creating),
                description: creating
                    ? "A new job. Text is trimmed; a description is sanitised HTML or plain text."
                    : "Only the fields sent change; null clears an optional field."
            )
        }

        /// The schema of a request body from its draft's field rules: what the server accepts,
        /// said once.
        static func body(_ rules: [FieldRule], description: String) -> JSONValue {
            var properties: [String: JSONValue] = [:]
            for rule in rules { properties[rule.name] = property(rule) }
            var schema: [String: JSONValue] = ["type": "object", "description": .string(description), "properties": .object(properties)]
            let required = rules.filter(\.required).map { JSONValue.string($0.name) }
            if !required.isEmpty { schema["required"] = .array(required) }
            return .object(schema)
        }

        static func property(_ rule: FieldRule) -> JSONValue {
            let clearable = rule.clearable && !rule.required
            var schema: [String: JSONValue]
            switch rule.kind {
            case let .text(maxLength, _):
                // Blank text clears a clearable field and is refused by the others.
                schema = ["type": "string", "maxLength": .number(Double(maxLength)), "pattern": .string(clearable ? plainText : nonBlankText)]
            case .url:
                schema = ["type": "string", "maxLength": 2048, "pattern": .string(WebURL.linkPattern)]
            case let .choice(values):
                return enumSchema(values, nullable: clearable).adding(note: rule.note)
            case let .number(min, max):
                schema = ["type": "number", "minimum": .number(min), "maximum": .number(max)]
            case let .integer(min, max):
                schema = ["type": "integer", "minimum": .number(Double(min)), "maximum": .number(Double(max))]
            case .flag:
                schema = ["type": "boolean"]
            case .date:
                guard case let .object(dateTime) = dateTimeInput else { preconditionFailure("a schema is an object") }
                schema = dateTime
            case let .textList(maxCount, maxLength):
                schema = [
                    "type": "array", "maxItems": .number(Double(maxCount)),
                    "items": ["type": "string", "maxLength": .number(Double(maxLength)), "pattern": .string(plainText)],
                ]
            case let .secret(minLength, maxLength):
                schema = ["type": "string", "minLength": .number(Double(minLength)), "maxLength": .number(Double(maxLength))]
            }
            if let pattern = rule.format?.pattern { schema["pattern"] = .string(pattern) }
            if clearable { schema["type"] = [schema["type"] ?? "string", "null"] }
            return JSONValue.object(schema).adding(note: rule.note)
        }

        static var application: JSONValue {
            [
                "type": "object",
                "required": ["id", "job_id", "status"],
                "properties": [
                    "id": ["type": "integer"],
                    "job_id": ["type": "integer"],
                    "status": enumSchema(ApplicationStatus.allCases.map(\.rawValue)),
                    "notes": nullable("string"),
                    "applied_at": nullable("string", ["format": "date-time"]),
                    "created_at": dateTime,
                    "updated_at": dateTime,
                    "job": [
                        "type": "object",
                        "properties": [
                            "id": ["type": "integer"], "title": ["type": "string"], "company": ["type": "string"],
                            "location": nullable("string"), "is_active": ["type": "boolean"],
                        ],
                    ],
                    "timeline": ["type": "array", "items": ref("TimelineEntry"), "description": "Only on a single application"],
                ],
            ]
        }

        static func applicationInput(creating: Bool) -> JSONValue {
            body(ApplicationDraft.fields(creating: creating), description: creating ? "Track a job." : "job_id cannot change; the fields sent change.")
        }

        static var timelineEntry: JSONValue {
            [
                "type": "object",
                "required": ["to_status", "changed_at"],
                "properties": [
                    "from_status": enumSchema(ApplicationStatus.allCases.map(\.rawValue), nullable: true),
                    "to_status": enumSchema(ApplicationStatus.allCases.map(\.rawValue)),
                    "changed_at": dateTime,
                ],
            ]
        }

        static var error: JSONValue {
            [
                "type": "object",
                "required": ["success", "error", "timestamp"],
                "properties": [
                    "success": ["const": false],
                    "error": [
                        "type": "object",
                        "required": ["code", "message", "details"],
                        "properties": [
                            "code": enumSchema([
                                "BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "METHOD_NOT_ALLOWED", "CONFLICT",
                                "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "VALIDATION_ERROR", "RATE_LIMITED",
                                "INTERNAL_ERROR", "SERVICE_UNAVAILABLE",
                            ]),
                            "message": ["type": "string"],
                            "details": ["type": "array", "items": ["type": "string"]],
                        ],
                    ],
                    "timestamp": dateTime,
                ],
            ]
        }

        static var health: JSONValue {
            let component: JSONValue = ["type": "object", "required": ["status"], "properties": ["status": ["type": "string"]]]
            return [
                "type": "object",
                "required": ["status", "database", "queue", "workers"],
                "properties": [
                    "status": enumSchema(["healthy", "degraded", "unhealthy"]),
                    "database": component, "queue": component, "workers": component,
                ],
            ]
        }
    }

    enum Responses {
        static var all: [String: JSONValue] {
            [
                ("BadRequest", "Malformed JSON or a bad query parameter"),
                ("Unauthorized", "No valid access token (or, outside single-user mode, none at all)"),
                ("Forbidden", "Not allowed for this user"),
                ("NotFound", "No such resource (or not yours)"),
                ("MethodNotAllowed", "The path exists with other methods (see Allow)"),
                ("Conflict", "Conflicts with existing data"),
                ("PayloadTooLarge", "Body over 1 MiB"),
                ("UnsupportedMediaType", "Body is not application/json"),
                ("ValidationError", "One line per problem in details"),
                ("InternalError", "Unexpected; quote the request id"),
                ("RateLimited", "Too many attempts; see Retry-After"),
            ].reduce(into: [:]) { result, item in
                result[item.0] = ["description": .string(item.1), "content": json(ref("Error"))]
            }
        }
    }

    enum Parameters {
        static var all: [String: JSONValue] {
            [
                "id": ["name": "id", "in": "path", "required": true, "schema": ["type": "integer", "minimum": 1]],
                "page": queryParameter("page", ["type": "integer", "minimum": 1, "maximum": 1_000_000, "default": 1], "Page number, from 1"),
                "page_size": queryParameter("page_size", ["type": "integer", "minimum": 1, "maximum": 100, "default": 20], "Items per page"),
            ]
        }
    }
}

extension JSONValue {
    /// The schema with a `description`, when there is one to give.
    fileprivate func adding(note: String?) -> JSONValue {
        guard let note, case var .object(schema) = self else { return self }
        schema["description"] = .string(note)
        return .object(schema)
    }
}
