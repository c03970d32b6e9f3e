// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "MealEngine",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "MealRouting", targets: ["MealRouting"]),
        .library(name: "MealRoads", targets: ["MealRoads"]),
        .library(name: "MealCore", targets: ["MealCore"]),
        .library(name: "MealPlanner", targets: ["MealPlanner"]),
        .library(name: "MealMaps", targets: ["MealMaps"]),
        .executable(name: "mealcli", targets: ["mealcli"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
    ],
    targets: [
        // The routing engine knows nothing of diners, canteens or SQLite: Foundation only.
        // The search runs hundreds of thousands of moves a day: an unoptimised engine is tens of
        // times slower, which would make debug builds and the test suite plan with a different
        // amount of patience than operators' release builds. So it is optimised in every build.
        .target(name: "MealRouting", swiftSettings: [.unsafeFlags(["-O"])]),
        // Street networks from OpenStreetMap extracts: reading `.osm.pbf`/`.osm`, the per-mode
        // road profiles, the routable graph and searches on it. Knows nothing of diners or SQLite.
        // Searches run millions of edge relaxations a plan, so it is optimised in every build.
        .target(
            name: "MealRoads",
            dependencies: [
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            swiftSettings: [.unsafeFlags(["-O"])]
        ),
        .target(
            name: "MealCore",
            dependencies: [
                "MealRouting",
                "MealRoads",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own binding calls, for the upserts of large imports (Diner+Binding).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "MealPlanner",
            dependencies: [
                "MealCore",
                "MealRoads",
                "MealRouting",
                .product(name: "Logging", package: "swift-log"),
            ],
            // The assignment and the routing glue plan whole districts in the tests too.
            swiftSettings: [.unsafeFlags(["-O"])]
        ),
        // Maps of a day's plan and of the registry as self-contained HTML pages (inline SVG):
        // projection, layers and the page, with markup built from typed, escaped parts.
        .target(name: "MealMaps", dependencies: ["MealCore", "MealRoads", "MealPlanner"]),
        .executableTarget(
            name: "mealcli",
            dependencies: [
                "MealCore",
                "MealRoads",
                "MealPlanner",
                "MealMaps",
                "MealRouting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "MealRoutingTests", dependencies: ["MealRouting"]),
        .testTarget(name: "MealRoadsTests", dependencies: ["MealRoads"]),
        .testTarget(name: "MealCoreTests", dependencies: ["MealCore", "MealRouting"]),
        .testTarget(name: "MealPlannerTests", dependencies: ["MealPlanner", "MealRoads", "MealCore", "MealRouting"], exclude: ["Golden"]),
        .testTarget(name: "MealMapsTests", dependencies: ["MealMaps", "MealPlanner", "MealRoads", "MealCore"]),
        .testTarget(name: "MealCLITests", dependencies: ["mealcli", "MealRoads", "MealCore", "MealRouting", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
