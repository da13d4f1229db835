// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "charter",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "charter", targets: ["charter"]),
        .library(name: "CharterKit", targets: ["CharterKit"]),
        .library(name: "GitKit", targets: ["GitKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // The web console; its swift-configuration support is not used.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // Workbooks (.xlsx, .ods) are zip archives.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The console keeps only SHA-256 digests of its sign-in, invitation and session secrets.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // Hummingbird's own lifecycle: the console's event streams end when it shuts down.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .target(name: "GitKit", dependencies: ["CLibGit2"]),
        .target(
            name: "CharterKit",
            dependencies: [
                "GitKit",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "CharterWeb",
            dependencies: [
                "CharterKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "charter",
            dependencies: [
                "CharterKit",
                "CharterWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: generates synthetic repositories and measures the engine against git and
        // against a minimal walk written straight over libgit2 (hence CLibGit2 here).
        .executableTarget(
            name: "charter-bench",
            dependencies: ["CharterKit", "GitKit", "CLibGit2"],
            path: "Benchmarks"
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit", "TestSupport"]),
        // Corpus/: real-world-shaped documents, read by path (see CorpusTests).
        .testTarget(name: "CharterKitTests", dependencies: ["CharterKit", "GitKit", "TestSupport"], exclude: ["Corpus"]),
        .testTarget(name: "CharterCLITests", dependencies: ["CharterKit", "TestSupport"]),
        .testTarget(
            name: "CharterWebTests",
            dependencies: [
                "CharterWeb", "CharterKit", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
