// swift-tools-version:6.0
import PackageDescription

// `swift test` adds -enable-testing to every target (for @testable imports) and `swift build`
// does not, so each rebuilt everything the other had built. The libraries the tests import
// carry the flag themselves in release, and the README's test command,
// `swift test -c release --disable-testable-imports`, stops swift test adding it a second
// time: both commands then share one build. The simulation runs the same instructions with
// it (callgrind on Benchmarks/reference.yaml: +0.006%).
let testable: SwiftSetting = .unsafeFlags(["-enable-testing"], .when(configuration: .release))
let crossModule: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)), testable]
// Tests run in release for the millions of requests they simulate, and those run in the
// optimised targets; optimising the tests' own code took most of the test build.
let testSettings: [SwiftSetting] = [testable, .unsafeFlags(["-Onone"], .when(configuration: .release))]

// meshsim depends on the Swift toolchain only: no package dependencies, by design.
let package = Package(
    name: "meshsim",
    products: [
        .executable(name: "meshsim", targets: ["meshsim"]),
        // Run by Benchmarks/run in release mode; MeshsimBenchmarksTests tests its pure maths.
        .executable(name: "meshsim-bench", targets: ["MeshsimBenchmarks"]),
        .library(name: "Scenario", targets: ["Scenario"]),
        .library(name: "ManifestImport", targets: ["ManifestImport"]),
        .library(name: "Policy", targets: ["Policy"]),
        .library(name: "Engine", targets: ["Engine"]),
        .library(name: "Experiments", targets: ["Experiments"]),
        .library(name: "Reports", targets: ["Reports"]),
    ],
    targets: [
        .target(name: "Scenario", swiftSettings: crossModule),
        // Kubernetes, Istio, Kong, Flagger and Argo objects → the scenario's YAML tree, which the
        // Scenario decoders then read as if written inline.
        .target(name: "ManifestImport", dependencies: ["Scenario"], swiftSettings: [testable]),
        // Every gateway and mesh policy as a pure state machine; knows nothing of the simulator.
        .target(name: "Policy", dependencies: ["Scenario"], swiftSettings: crossModule),
        .target(name: "Engine", dependencies: ["Scenario", "Policy"], swiftSettings: [testable]),
        // Replications, sweeps, capacity search and shards: above the engine, calling it.
        .target(name: "Experiments", dependencies: ["Scenario", "Engine"], swiftSettings: [testable]),
        .target(name: "Reports", dependencies: ["Engine", "Experiments", "Scenario"], swiftSettings: [testable]),
        .target(name: "MeshsimCLI", dependencies: ["Scenario", "ManifestImport", "Policy", "Engine", "Experiments", "Reports"], swiftSettings: [testable]),
        .executableTarget(name: "meshsim", dependencies: ["MeshsimCLI"]),
        .executableTarget(name: "MeshsimBenchmarks", dependencies: ["Scenario", "ManifestImport", "Engine", "Experiments", "Reports"]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario"], swiftSettings: testSettings),
        // Fixtures/ holds upstream example manifests the tests read by path.
        .testTarget(name: "ManifestImportTests", dependencies: ["ManifestImport", "Scenario"], exclude: ["Fixtures"], swiftSettings: testSettings),
        .testTarget(name: "PolicyTests", dependencies: ["Policy", "Scenario"], swiftSettings: testSettings),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Policy", "Scenario"], swiftSettings: testSettings),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "Engine", "Scenario"], swiftSettings: testSettings),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Experiments", "Engine", "Scenario"], swiftSettings: testSettings),
        // Imports the executable's module without @testable: it is not compiled for testing.
        .testTarget(name: "MeshsimBenchmarksTests", dependencies: ["MeshsimBenchmarks"], swiftSettings: testSettings),
        .testTarget(name: "MeshsimCLITests", dependencies: ["MeshsimCLI", "ManifestImport", "Scenario", "Policy", "Engine", "Experiments", "Reports"], swiftSettings: testSettings),
    ],
    swiftLanguageModes: [.v6]
)
