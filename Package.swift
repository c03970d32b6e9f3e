// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "MealEngine",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "MealCore", targets: ["MealCore"]),
        .library(name: "MealPlanner", targets: ["MealPlanner"]),
        .executable(name: "mealcli", targets: ["mealcli"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    ],
    targets: [
        .target(
            name: "MealCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "MealPlanner",
            dependencies: [
                "MealCore",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "mealcli",
            dependencies: [
                "MealCore",
                "MealPlanner",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "MealCoreTests", dependencies: ["MealCore"]),
        .testTarget(name: "MealPlannerTests", dependencies: ["MealPlanner", "MealCore"], exclude: ["Golden"]),
        .testTarget(name: "MealCLITests", dependencies: ["mealcli", "MealCore", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
