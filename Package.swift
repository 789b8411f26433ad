// swift-tools-version:6.0
import PackageDescription

let crossModule: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

// meshsim depends on the Swift toolchain only: no package dependencies, by design.
let package = Package(
    name: "meshsim",
    products: [
        .executable(name: "meshsim", targets: ["meshsim"]),
        // Run by Benchmarks/run in release mode; no test target depends on it.
        .executable(name: "meshsim-bench", targets: ["MeshsimBenchmarks"]),
        .library(name: "Scenario", targets: ["Scenario"]),
        .library(name: "Policy", targets: ["Policy"]),
        .library(name: "Engine", targets: ["Engine"]),
        .library(name: "Reports", targets: ["Reports"]),
    ],
    targets: [
        .target(name: "Scenario", swiftSettings: crossModule),
        // Every gateway and mesh policy as a pure state machine; knows nothing of the simulator.
        .target(name: "Policy", dependencies: ["Scenario"], swiftSettings: crossModule),
        .target(name: "Engine", dependencies: ["Scenario", "Policy"]),
        .target(name: "Reports", dependencies: ["Engine", "Scenario"]),
        .target(name: "MeshsimCLI", dependencies: ["Scenario", "Policy", "Engine", "Reports"]),
        .executableTarget(name: "meshsim", dependencies: ["MeshsimCLI"]),
        .executableTarget(name: "MeshsimBenchmarks", dependencies: ["Scenario", "Engine", "Reports"]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario"]),
        .testTarget(name: "PolicyTests", dependencies: ["Policy", "Scenario"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Policy", "Scenario"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Engine", "Scenario"]),
        .testTarget(name: "MeshsimCLITests", dependencies: ["MeshsimCLI", "Scenario", "Policy", "Engine", "Reports"]),
    ],
    swiftLanguageModes: [.v6]
)
