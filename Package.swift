// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Almanac",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "almanac", targets: ["AlmanacCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Property tests of the date parser (tests only).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        // `almanac serve`: the HTTP server, its access logs, and gzip of feeds (zlib, once per feed version).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The HTTP parts of Hummingbird's connections, read by `almanac serve`'s own handler.
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        // The C library, reached through pkg-config (`libical`), installed by `libical-dev`.
        .systemLibrary(
            name: "CLibical",
            pkgConfig: "libical",
            providers: [.apt(["libical-dev"])]
        ),
        // The one safe Swift layer over libical: no C pointer leaves this target.
        .target(name: "ICal", dependencies: ["CLibical"]),
        // The core library, in layers whose dependencies go one way (see README, "Design"):
        // Model <- Records <- Import / Feeds / Reports <- Site. Third-party modules and libical
        // are imported `internal` (libical `package` in the model), so none leaks into an API.
        //
        // The vocabulary: events, places, periods, diagnostics and the data tables. The data
        // files and default templates are compiled in (see Plugins/EmbedResources), so the
        // installed `almanac` needs nothing beside it.
        .target(
            name: "AlmanacModel",
            dependencies: ["ICal", "NameKeys"],
            exclude: ["Resources"],
            plugins: ["EmbedResources"]
        ),
        // A project and its records: almanac.yml, record files and CSV logs, and their checks.
        .target(
            name: "AlmanacRecords",
            dependencies: ["AlmanacModel", .product(name: "Yams", package: "Yams")]
        ),
        // The import sources that are not records yet: news text and .ics calendars.
        .target(name: "AlmanacImport", dependencies: ["AlmanacModel", "AlmanacRecords", "ICal"]),
        // iCalendar feeds through libical, and the state that keeps their UIDs and SEQUENCEs.
        .target(name: "AlmanacFeeds", dependencies: ["AlmanacModel", "AlmanacRecords", "ICal"]),
        // Periodic reports from templates (Markdown, HTML, CSV, charts) and CSV exports.
        .target(
            name: "AlmanacReports",
            dependencies: [
                "AlmanacModel", "AlmanacRecords",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Ink", package: "Ink"),
            ]
        ),
        // The static site: feeds, report pages and the agenda, as `site` writes and `serve` serves.
        .target(
            name: "AlmanacSite",
            dependencies: ["AlmanacModel", "AlmanacRecords", "AlmanacFeeds", "AlmanacReports"]
        ),
        // Turns a target's Resources/ folder into Swift string literals at build time.
        .executableTarget(name: "EmbedResourcesTool", dependencies: ["NameKeys"]),
        // How names are compared, shared by the gazetteer and the tool that indexes it.
        .target(name: "NameKeys"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["EmbedResourcesTool"]),
        // `almanac serve`: the site of AlmanacSite's SiteBuilder over HTTP, on Hummingbird.
        .target(
            name: "AlmanacServer",
            dependencies: [
                "AlmanacModel", "AlmanacRecords", "AlmanacFeeds", "AlmanacReports", "AlmanacSite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
            ]
        ),
        // The `almanac` command.
        .executableTarget(
            name: "AlmanacCLI",
            dependencies: [
                "AlmanacModel", "AlmanacRecords", "AlmanacImport", "AlmanacFeeds", "AlmanacReports", "AlmanacSite",
                "AlmanacServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // jemalloc (Debian's libjemalloc-dev) serves every allocation of the command, the
            // Swift runtime's and libical's: a feed of 10^5 events spends about a quarter less
            // CPU time than with glibc's malloc, whose cost is records made on one thread and
            // freed on another (scripts/bench shows both).
            linkerSettings: [.linkedLibrary("jemalloc")]
        ),
        // Exercises only the libical wrapper; the test suite runs it under valgrind.
        .executableTarget(name: "ICalProbe", dependencies: ["ICal"]),
        .testTarget(
            name: "ICalTests",
            dependencies: ["ICal", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "AlmanacCoreTests",
            dependencies: [
                "AlmanacModel", "AlmanacRecords", "AlmanacImport", "AlmanacFeeds", "AlmanacReports", "AlmanacSite",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // Read by path (#filePath), like the CLI tests' fixtures.
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "AlmanacCLITests",
            dependencies: [
                "AlmanacModel", "AlmanacRecords", "AlmanacImport", "AlmanacFeeds", "AlmanacReports", "AlmanacSite",
                "AlmanacCLI", "AlmanacServer", "ICalProbe",
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer harnesses (Fuzz/, run by scripts/fuzz): only with ALMANAC_FUZZ=1. The
// libraries they exercise are built with coverage and AddressSanitizer
// (-sanitize=fuzzer,address), and the harness links libFuzzer's driver; build tools and
// dependencies are built as usual.
if Context.environment["ALMANAC_FUZZ"] == "1" {
    let sanitizers = ["-sanitize=fuzzer,address"]
    let exercised = ["ICal", "AlmanacModel", "AlmanacRecords", "AlmanacImport", "AlmanacFeeds", "AlmanacReports"]
    for target in package.targets where exercised.contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(sanitizers)]
    }
    package.targets.append(
        .executableTarget(
            name: "AlmanacFuzz",
            dependencies: [
                "AlmanacModel", "AlmanacRecords", "AlmanacImport", "AlmanacFeeds", "AlmanacReports", "ICal",
            ],
            path: "Fuzz/Sources/AlmanacFuzz",
            swiftSettings: [.unsafeFlags(sanitizers)],
            linkerSettings: [.unsafeFlags(sanitizers)]
        ))
    package.products.append(.executable(name: "almanac-fuzz", targets: ["AlmanacFuzz"]))
}
