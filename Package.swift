// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "castbot",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "castbot", targets: ["castbot"]),
        .executable(name: "castbot-bench", targets: ["castbot-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/pointfreeco/swift-clocks", from: "1.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
    ],
    targets: [
        // The data file: load, validate, save safely, export and import. No Discord, HTTP or clock.
        .target(
            name: "PlayerData",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // Encrypted exports: key pairs and the sealed file format (HPKE over swift-crypto). No I/O policy.
        .target(
            name: "ExportEncryption",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // The export format, written and read back in one place: file names, the export message's
        // text, packaging (gzip, parts, sealed) and unpacking through the one capped, streaming
        // gunzip, and which messages count as this bot's exports. No Discord client, HTTP or clock.
        .target(
            name: "ExportFormat",
            dependencies: [
                "PlayerData", "ExportEncryption", "DiscordModels",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Codable types for the slice of Discord the bot uses.
        .target(name: "DiscordModels", swiftSettings: swiftSettings),
        // One Discord REST client: auth, rate limits, retries, multipart, typed errors.
        .target(
            name: "DiscordREST",
            dependencies: [
                "DiscordModels",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        // Schedules and their runs over an injected Clock; knows nothing of what a run does.
        .target(
            name: "Scheduling",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        // What an HTTP server open to the internet needs around Hummingbird: read and idle
        // timeouts, a connection cap answered with 503. Shared by the bot and DiscordSandbox.
        .target(
            name: "HTTPConnectionGuard",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: swiftSettings
        ),
        // A local stand-in for Discord's HTTP API and its interaction calls.
        .target(
            name: "DiscordSandbox",
            dependencies: [
                "HTTPConnectionGuard",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The bot's features: interactions server, UI, export delivery, health report, configuration.
        // It knows a `DiscordClient` and nothing of what stands behind it.
        .target(
            name: "CastBot",
            dependencies: [
                "PlayerData", "DiscordModels", "DiscordREST", "Scheduling", "HTTPConnectionGuard", "ExportEncryption", "ExportFormat",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            swiftSettings: swiftSettings
        ),
        // Sandbox mode: DiscordSandbox on loopback with a demo world, the bot pointed at it, and
        // the `castbot sandbox` driver.
        .target(
            name: "CastBotSandbox",
            dependencies: [
                "CastBot", "DiscordSandbox", "PlayerData", "ExportFormat",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        // What both command-line tools share: failures reported as one line on stderr.
        .target(
            name: "CommandLineSupport",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
        // Command-line wiring only.
        .executableTarget(
            name: "castbot",
            dependencies: [
                "CastBot", "CastBotSandbox", "CastBotCluster", "PlayerData", "DiscordModels", "CommandLineSupport", "ExportEncryption",
                "ExportFormat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings,
            plugins: ["BuildCommit"]
        ),
        // Stamps the commit a build comes from into `castbot` (`castbot --version`).
        .plugin(name: "BuildCommit", capability: .buildTool()),
        // Benchmarks, fuzzing and load/scale drivers: they run the bot as `castbot serve` does.
        // Nothing here ships in `castbot`.
        .target(
            name: "CastBotBench",
            dependencies: [
                "CastBot", "CastBotSandbox", "DiscordSandbox", "DiscordModels", "DiscordREST", "PlayerData", "Scheduling",
                "HTTPConnectionGuard", "ExportEncryption", "ExportFormat", "CastBotCluster",
                // `cluster` starts PostgreSQL; `scale` and `cluster` pick free ports.
                "LocalServers",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                // `gunzip` writes its gzip files (a bomb, a large export) a chunk at a time.
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Cluster mode (DESIGN §11): the service's state, the player data and the run claims in
        // PostgreSQL, so several replicas share one database.
        .target(
            name: "CastBotCluster",
            dependencies: [
                "CastBot", "PlayerData", "Scheduling", "DiscordModels", "DiscordREST", "ExportFormat",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "castbot-bench",
            dependencies: [
                "CastBotBench", "CastBot", "PlayerData", "CommandLineSupport", "HTTPConnectionGuard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Throwaway local servers for the tests and the benchmarks: a PostgreSQL 15 server in a
        // temporary folder on a free loopback port. Not part of `castbot`.
        .target(name: "LocalServers", swiftSettings: swiftSettings),
        // What the test targets share: the real fixtures in ../shared and temporary folders.
        .target(
            name: "CastBotTestSupport",
            dependencies: [
                .product(name: "Clocks", package: "swift-clocks"), .product(name: "Logging", package: "swift-log"),
                // Its NIO and HTTP types, for `RawConnection`.
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Tests/CastBotTestSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "PlayerDataTests", dependencies: ["PlayerData", "ExportFormat", "CastBotTestSupport"], exclude: ["Expected"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ExportFormatTests",
            dependencies: [
                "ExportFormat", "PlayerData", "ExportEncryption", "DiscordModels", "CastBotTestSupport",
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ExportEncryptionTests",
            dependencies: ["ExportEncryption", "CastBotTestSupport", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "DiscordModelsTests", dependencies: ["DiscordModels"], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(
            name: "DiscordRESTTests",
            dependencies: ["DiscordREST", "DiscordSandbox", "CastBotTestSupport", .product(name: "Clocks", package: "swift-clocks")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SchedulingTests",
            dependencies: ["Scheduling", "CastBotTestSupport", .product(name: "Clocks", package: "swift-clocks")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DiscordSandboxTests",
            dependencies: [
                "DiscordSandbox", "CastBotTestSupport", "HTTPConnectionGuard",
                .product(name: "Clocks", package: "swift-clocks"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CastBotClusterTests",
            dependencies: [
                "CastBotCluster", "CastBot", "PlayerData", "Scheduling", "CastBotTestSupport", "LocalServers", "DiscordSandbox", "DiscordREST",
                "DiscordModels", "ExportFormat",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Clocks", package: "swift-clocks"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CastBotBenchTests",
            dependencies: ["CastBotBench", "CastBot", "CastBotTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CastBotTests",
            dependencies: [
                "CastBot", "CastBotSandbox", "DiscordSandbox", "CastBotTestSupport", "LocalServers", "HTTPConnectionGuard", "ExportEncryption",
                "ExportFormat", "PlayerData", "DiscordModels",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Clocks", package: "swift-clocks"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
