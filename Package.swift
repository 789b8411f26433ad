// swift-tools-version:6.0
import PackageDescription

// meshsim depends on the Swift toolchain only: no package dependencies, by design.
let package = Package(
    name: "meshsim",
    products: [
        .executable(name: "meshsim", targets: ["meshsim"]),
        .library(name: "Scenario", targets: ["Scenario"]),
        .library(name: "Engine", targets: ["Engine"]),
        .library(name: "Reports", targets: ["Reports"]),
    ],
    targets: [
        .target(name: "Scenario"),
        .target(name: "Engine", dependencies: ["Scenario"]),
        .target(name: "Reports", dependencies: ["Engine", "Scenario"]),
        .target(name: "MeshsimCLI", dependencies: ["Scenario", "Engine", "Reports"]),
        .executableTarget(name: "meshsim", dependencies: ["MeshsimCLI"]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Scenario"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Engine", "Scenario"]),
        .testTarget(name: "MeshsimCLITests", dependencies: ["MeshsimCLI", "Scenario", "Engine", "Reports"]),
    ],
    swiftLanguageModes: [.v6]
)
