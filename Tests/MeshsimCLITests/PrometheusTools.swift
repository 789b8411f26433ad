import Foundation

/// Debian's `prometheus` package: `promtool` and `prometheus` found on PATH, and a way to run
/// a tool to its end. The end-to-end metrics test runs when both are there, and must run in
/// CI (`CI` set), where missing tools are a failure rather than a skip.
enum PrometheusTools {
    static let promtool = executable("promtool")
    static let prometheus = executable("prometheus")

    static var available: Bool { promtool != nil && prometheus != nil }
    static var required: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    static func executable(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `tool` with `arguments` (standard input from `input` when given) and returns its
    /// exit status and everything it printed, stdout then stderr.
    static func run(_ tool: String, _ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let input { process.standardInput = FileHandle(forReadingAtPath: input) }
        try process.run()
        // Read before waiting: a full pipe would block the tool forever.
        let printed = out.fileHandleForReading.readDataToEndOfFile() + err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: printed, as: UTF8.self))
    }
}
