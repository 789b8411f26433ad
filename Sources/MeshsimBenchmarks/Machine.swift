import Foundation

/// The machine the figures were measured on, as BENCHMARKS.md records it.
struct Machine {
    var cpu: String
    var cores: Int
    var system: String
    var swift: String
    var date: String
    /// The 1-minute load average when the suite started: other work on the machine skews
    /// every figure, the parallel speed-up most.
    var load: String

    static func current() -> Machine {
        Machine(cpu: cpuModel(), cores: ProcessInfo.processInfo.activeProcessorCount,
                system: system(), swift: swiftVersion(),
                date: ISO8601DateFormatter.string(from: Date(), timeZone: .gmt, formatOptions: [.withInternetDateTime]),
                load: loadAverage())
    }

    /// The first `model name` in /proc/cpuinfo.
    private static func cpuModel() -> String {
        let text = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let line = text.split(separator: "\n").first { $0.hasPrefix("model name") }
        return line.flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
    }

    /// The distribution's PRETTY_NAME and the kernel release.
    private static func system() -> String {
        let text = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8)) ?? ""
        let pretty = text.split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }
            .map { $0.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        let kernel = (try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return [pretty ?? "Linux", kernel.map { "kernel \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }

    private static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.map(String.init) ?? "unknown"
    }

    /// The first line of `swift --version`: the toolchain that built this binary.
    private static func swiftVersion() -> String {
        let output = try? Subprocess(executable: "/usr/bin/env", arguments: ["swift", "--version"]).run()
        let text = (output?.stdout ?? "") + (output?.stderr ?? "")
        return text.split(separator: "\n").first { $0.contains("Swift version") }.map(String.init) ?? "unknown"
    }
}
