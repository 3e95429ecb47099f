import CareerCopilotCore
import Matching
import Profiles

/// The profile, matching and recommendation routes, and their schemas. The profile's schema
/// comes from `ProfileSchema`, the shapes that check a `PUT /api/v1/profile`.
extension OpenAPIDocument {
    static var profilePaths: [String: JSONValue] {
        [
            "/api/v1/profile": [
                "get": operation("Your profile (JSON Resume and preferences)", tag: "profile", responses: ["200": success(ref("Profile"))]),
                "put": operation(
                    "Replace your profile; fields it does not name are kept as sent. With If-Match, only if unchanged since", tag: "profile",
                    parameters: [ifMatch], body: ref("Profile"),
                    responses: ["200": success(ref("Profile")), "409": errorRef("Conflict"), "422": errorRef("ValidationError")]),
            ],
            "/api/v1/profile/import": [
                "post": withBody(
                    operation(
                        "Read a resume file (PDF, DOCX, text, Markdown, JSON Resume, LinkedIn export ZIP) into a draft; nothing is saved",
                        tag: "profile", body: ["type": "object"],
                        responses: ["200": success(ref("ResumeDraft")), "422": errorRef("ValidationError")]),
                    content: [
                        "multipart/form-data": [
                            "schema": [
                                "type": "object", "required": ["file"],
                                "properties": ["file": ["type": "string", "format": "binary", "description": "The resume, at most 5 MB"]],
                            ]
                        ]
                    ])
            ],
            "/api/v1/profile/export": [
                "get": operation(
                    "Your profile as a JSON Resume file", tag: "profile", envelope: false,
                    parameters: [queryParameter("format", enumSchema(["json-resume"]), "The file's format")],
                    responses: [
                        "200": ["description": "The JSON Resume document, as an attachment", "content": json(["type": "object"])],
                        "400": errorRef("BadRequest"), "401": errorRef("Unauthorized"),
                    ])
            ],
            "/api/v1/jobs/{id}/match": [
                "parameters": [paramRef("id")],
                "get": operation(
                    "How well the job fits your profile, and why", tag: "jobs",
                    responses: ["200": success(ref("Match")), "404": errorRef("NotFound"), "409": errorRef("Conflict")]),
            ],
            "/api/v1/jobs/recommendations": [
                "get": operation(
                    "The open jobs that fit your profile best (the best 200), best first", tag: "jobs",
                    parameters: [
                        queryParameter("applied", enumSchema(["hide", "show"]), "Jobs you track (also reposts of them): left out (hide) or marked (show)"),
                        paramRef("page"), paramRef("page_size"),
                    ],
                    responses: ["200": success(list(ref("RecommendedJob"))), "400": errorRef("BadRequest"), "409": errorRef("Conflict")])
            ],
        ]
    }

    /// An operation whose request body is not JSON.
    static func withBody(_ operation: JSONValue, content: JSONValue) -> JSONValue {
        guard case var .object(members) = operation else { return operation }
        members["requestBody"] = ["required": true, "content": content]
        return .object(members)
    }
}

extension OpenAPIDocument.Schemas {
    private static func ref(_ schema: String) -> JSONValue { OpenAPIDocument.ref(schema) }
    private static func enumSchema(_ values: [String]) -> JSONValue { OpenAPIDocument.enumSchema(values) }

    static var profileSchemas: [String: JSONValue] {
        [
            "Profile": shape(ProfileSchema.document).adding("type", "object").adding(
                "description", "JSON Resume (https://jsonresume.org/schema) plus preferences; members it does not name are kept as sent"),
            "ResumeDraft": [
                "type": "object", "required": ["format", "profile", "confidence", "unplaced", "notes"],
                "properties": [
                    "format": enumSchema(["pdf", "docx", "text", "markdown", "json-resume", "linkedin"]),
                    "profile": ref("Profile"),
                    "confidence": ["type": "object", "additionalProperties": ["type": "number", "minimum": 0, "maximum": 1]],
                    "unplaced": ["type": "array", "items": ["type": "string"]],
                    "notes": ["type": "array", "items": ["type": "string"]],
                ],
            ],
            "Match": match,
            "RecommendedJob": [
                "allOf": [
                    ref("Job"),
                    [
                        "type": "object", "required": ["match", "applied", "similarity"],
                        "properties": [
                            "match": ref("Match"),
                            "similarity": [
                                "type": ["number", "null"],
                                "description": "How alike in meaning posting and profile are (cosine); null before semantic search is ready",
                            ],
                            "applied": [
                                "type": ["object", "null"],
                                "properties": [
                                    "job_id": ["type": "integer"], "title": ["type": "string"], "company": ["type": "string"], "reason": ["type": "string"],
                                ],
                            ],
                        ],
                    ],
                ]
            ],
        ]
    }

    static let match: JSONValue = [
        "type": "object",
        "required": ["score", "passes", "filtered_by", "requirements", "matched_skills", "missing_skills", "fits", "keywords", "summary"],
        "properties": [
            "score": ["type": "integer", "minimum": 0, "maximum": 100],
            "passes": ["type": "boolean", "description": "False when one of your hard preferences rules the job out"],
            "filtered_by": ["type": "array", "items": enumSchema(PreferenceKind.allCases.map(\.rawValue))],
            "requirements": [
                "type": "array",
                "items": [
                    "type": "object", "required": ["skill", "required", "met", "evidence"],
                    "properties": [
                        "skill": ["type": "string"], "required": ["type": "boolean"], "met": ["type": "boolean"],
                        "evidence": ["type": "array", "items": ["type": "string"], "description": "Where your profile shows it"],
                    ],
                ],
            ],
            "matched_skills": ["type": "array", "items": ["type": "string"]],
            "missing_skills": ["type": "array", "items": ["type": "string"]],
            "skill_points": ["type": "integer"],
            "fits": [
                "type": "array",
                "items": [
                    "type": "object", "required": ["kind", "verdict", "hard", "detail", "points", "max_points"],
                    "properties": [
                        "kind": enumSchema(Match.FitKind.allCases.map(\.rawValue)), "verdict": enumSchema(Match.Verdict.allCases.map(\.rawValue)),
                        "hard": ["type": "boolean"], "detail": ["type": "string"], "points": ["type": "integer"], "max_points": ["type": "integer"],
                    ],
                ],
            ],
            "keywords": [
                "type": "object", "required": ["present", "missing"],
                "properties": ["present": ["type": "array", "items": ["type": "string"]], "missing": ["type": "array", "items": ["type": "string"]]],
            ],
            "summary": ["type": "string"],
        ],
    ]

    /// A profile shape as JSON Schema: what the check admits, objects open to other members.
    static func shape(_ shape: ProfileShape) -> JSONValue {
        switch shape {
        case let .text(maxLength):
            ["type": ["string", "null"], "maxLength": .number(Double(maxLength)), "pattern": .string(plainText)]
        case .date:
            ["type": ["string", "null"], "pattern": "^(19|20)[0-9]{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"]
        case let .number(min, max):
            ["type": ["number", "null"], "minimum": .number(min), "maximum": .number(max)]
        case let .choice(values):
            ["enum": .array(values.map(JSONValue.string) + [.null])]
        case let .object(members):
            [
                "type": ["object", "null"],
                "properties": .object(Dictionary(members.map { ($0.0, Self.shape($0.1)) }, uniquingKeysWith: { first, _ in first })),
            ]
        case let .list(item, maxCount):
            ["type": ["array", "null"], "maxItems": .number(Double(maxCount)), "items": Self.shape(item)]
        }
    }
}

extension JSONValue {
    /// This object with one more member.
    fileprivate func adding(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case var .object(members) = self else { return self }
        members[key] = value
        return .object(members)
    }
}
