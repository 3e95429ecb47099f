// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "career-copilot",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "career-copilot", targets: ["career-copilot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/jwt.git", from: "5.2.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        // Tests only: property-based tests of every parser of outside input.
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // Domain values and rules. Plain Swift: no Vapor, no Fluent.
        .target(
            name: "CareerCopilotCore",
            swiftSettings: strict
        ),
        // Every job source the product reads: one folder each, one registry list. Plain Swift:
        // no Vapor, no database (docs/development.md, "Add a job source").
        .target(
            name: "JobSources",
            dependencies: ["CareerCopilotCore"],
            swiftSettings: strict
        ),
        // The user's profile: JSON Resume, and reading resumes (PDF through pdftotext, DOCX,
        // text, Markdown, LinkedIn exports) into a draft. Plain Swift: no Vapor, no database.
        .target(
            name: "Profiles",
            dependencies: [
                "CareerCopilotCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: strict
        ),
        // How well a job fits a profile, and why: requirements met or missing, title,
        // seniority, place, remote and salary fit, ATS keywords, reposts of applied jobs.
        // Deterministic plain Swift: no Vapor, no database.
        .target(
            name: "Matching",
            dependencies: ["CareerCopilotCore", "JobSources"],
            swiftSettings: strict
        ),
        // Search: the offline sentence model (all-MiniLM-L6-v2: WordPiece tokenizer, safetensors
        // weights, the BERT encoder), plain Swift. Optimised in debug builds too: the README's
        // run command makes a debug build, and the encoder's loops are 30x slower unoptimised.
        .target(
            name: "Search",
            swiftSettings: strict + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // Pages as pure functions of view models, the HTML they are built with, the design
        // system's CSS and the script. Plain Swift: no Vapor, no database.
        .target(
            name: "CareerCopilotWeb",
            dependencies: ["CareerCopilotCore", "JobSources", "Profiles", "Matching"],
            swiftSettings: strict
        ),
        // The only target that knows HTTP and the database.
        .target(
            name: "App",
            dependencies: [
                "CareerCopilotCore",
                "JobSources",
                "CareerCopilotWeb",
                "Profiles",
                "Matching",
                "Search",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "JWT", package: "jwt"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "career-copilot",
            dependencies: ["App"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CareerCopilotCoreTests",
            dependencies: ["CareerCopilotCore", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "JobSourcesTests",
            dependencies: ["JobSources", "CareerCopilotCore", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strict
        ),
        // Every parser of outside input, whichever target it is in: property-based and
        // linear-time tests on hostile input.
        .testTarget(
            name: "HostileInputTests",
            dependencies: [
                "CareerCopilotCore", "JobSources", "Profiles", "Matching", "Search", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ProfilesTests",
            dependencies: ["Profiles", "CareerCopilotCore"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SearchTests",
            dependencies: ["Search"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MatchingTests",
            dependencies: ["Matching", "CareerCopilotCore"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CareerCopilotWebTests",
            dependencies: ["CareerCopilotWeb", "CareerCopilotCore", "Profiles"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                "CareerCopilotCore",
                "JobSources",
                "Profiles",
                .product(name: "Vapor", package: "vapor"),
            ],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
