import Fluent

/// Every migration, in order. Append new ones at the end; never edit one that has shipped.
enum Migrations {
    static let all: [any Migration] = [
        CreateUsers(),
        CreateJobs(),
        CreateSkills(),
        CreateApplications(),
        CreateJobSearchIndex(),
        CreateDefaultUser(),
        CreateAuthTables(),
        AddSessionsRevokedAt(),
        CreateRateLimitEvents(),
        AddBoardIndex(),
        CreateTaskQueue(),
        CreateSources(),
        ExtendSources(),
        AddJobPrivacy(),
        AddUserTimeZone(),
        AddJobSourcesBySourceIndex(),
        CreateProfiles(),
        CreateJobEmbeddings(),
        CreateJobSearchVocabulary(),
    ]
}
