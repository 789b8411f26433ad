import Foundation

/// `meshsim-bench`: measures meshsim's engine against a hand-written floor and SimPy, the
/// reference scenario's throughput and memory, the parallel speed-up of `compare` and of
/// replications, a 1,000-point sweep's memory, `validate` on 1,000 manifest documents, and
/// how time and memory grow with the world's size (the scaling section); prints a table and
/// writes BENCHMARKS.md. Exits 1 only when a
/// measurement could not be made or a simulation disagrees with queueing theory, never for a
/// missed target; 2 on a bad command line.
@main
struct MeshsimBench {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--generate" { generate(Array(arguments.dropFirst())) }
        let options: BenchOptions
        do {
            options = try BenchOptions(parsing: Array(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("meshsim-bench: \(error.description)\n".utf8))
            exit(2)
        }
        var suite = BenchmarkSuite(options: options)
        suite.run()
        print(suite.report.terminalText)
        do {
            try suite.report.markdown.write(toFile: options.out, atomically: true, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("meshsim-bench: cannot write \(options.out): \(error.localizedDescription)\n".utf8))
            exit(1)
        }
        exit(suite.broken ? 1 : 0)
    }

    /// `--generate AXIS SIZE`: prints the scaling section's scenario of that size.
    static func generate(_ arguments: [String]) -> Never {
        guard arguments.count == 2, let axis = ScaleScenario.Axis(rawValue: arguments[0]),
              let size = Int(arguments[1]), size >= 1 else {
            let axes = ScaleScenario.Axis.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: meshsim-bench --generate \(axes) SIZE\n".utf8))
            exit(2)
        }
        print(ScaleScenario(axis: axis, size: size).text, terminator: "")
        exit(0)
    }
}
