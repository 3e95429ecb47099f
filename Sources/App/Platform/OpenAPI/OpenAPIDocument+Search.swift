import CareerCopilotCore

/// The ranked search and similar jobs (decision 0023).
extension OpenAPIDocument {
    static var searchPaths: [String: JSONValue] {
        [
            "/api/v1/jobs/search": [
                "get": operation(
                    "Jobs ranked by how well they answer the text: by meaning, by words, or both fused (hybrid, the default); every list filter applies; at most 200",
                    tag: "jobs",
                    parameters: [
                        queryParameter(
                            "q",
                            [
                                "type": "string", "minLength": 1, "maxLength": .number(Double(JobSearchRequest.maxLength)),
                                "pattern": .string(Schemas.nonBlankText),
                            ],
                            "What to search for, in your words; \"quoted words\" are a phrase", required: true),
                        queryParameter(
                            "mode", enumSchema(SearchMode.allCases.map(\.rawValue)),
                            "hybrid (default), semantic or keyword; until semantic search is ready every mode answers with keywords (see mode in the answer)"),
                    ] + Array(jobListParameters.dropFirst().filter { $0["name"]?.stringValue != "sort" }),
                    responses: ["200": success(ref("SearchPage")), "400": errorRef("BadRequest")])
            ],
            "/api/v1/jobs/{id}/similar": [
                "parameters": [paramRef("id")],
                "get": operation(
                    "Open jobs most alike in meaning to this one (none until it is embedded), each with score (cosine similarity)", tag: "jobs",
                    responses: ["200": success(["type": "array", "items": ref("RankedJob")]), "404": errorRef("NotFound")]),
            ],
        ]
    }
}

extension OpenAPIDocument.Schemas {
    static var searchSchemas: [String: JSONValue] {
        [
            "RankedJob": [
                "allOf": [
                    OpenAPIDocument.ref("Job"),
                    [
                        "type": "object", "required": ["score"],
                        "properties": ["score": ["type": "number", "description": "Higher is better; comparable within one answer"]],
                    ],
                ]
            ],
            "SearchPage": [
                "allOf": [
                    OpenAPIDocument.list(OpenAPIDocument.ref("RankedJob")),
                    [
                        "type": "object", "required": ["mode", "notice"],
                        "properties": [
                            "mode": OpenAPIDocument.enumSchema(SearchMode.allCases.map(\.rawValue)),
                            "notice": ["type": ["string", "null"], "description": "Why the answer is by words only, when it is"],
                        ],
                    ],
                ]
            ],
        ]
    }
}
