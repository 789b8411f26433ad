/// The command line of `meshsim-bench`, which `Benchmarks/run` builds.
struct BenchOptions {
    /// The release `meshsim` executable, run as a subprocess for memory and compare.
    var meshsim = ".build/release/meshsim"
    var reference = "Benchmarks/reference.yaml"
    /// The overloaded scenario the memory per request in flight is measured on.
    var overload = "Benchmarks/overload.yaml"
    var simpyScript = "Benchmarks/mmc_simpy.py"
    /// A Python with SimPy installed; nil when it could not be set up.
    var python: String?
    /// Why there is no Python with SimPy, for the report.
    var pythonUnavailable = "no --python given"
    var out = "BENCHMARKS.md"
    /// Runs a tenth the size (SimPy excepted: its mean needs its 200k customers): checks the
    /// suite works; the figures mean little.
    var quick = false

    static let usage = """
        Usage: meshsim-bench [--meshsim PATH] [--reference PATH] [--overload PATH] [--simpy-script PATH]
                             [--python PATH | --no-python REASON] [--out FILE] [--quick]
        Run it through Benchmarks/run, which builds meshsim in release mode and sets up SimPy.
        """

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(parsing arguments: [String]) throws(Failure) {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--quick" {
                quick = true
                continue
            }
            guard let value = remaining.popFirst() else {
                throw Failure(description: "\(argument) needs a value\n\(Self.usage)")
            }
            switch argument {
            case "--meshsim": meshsim = value
            case "--reference": reference = value
            case "--overload": overload = value
            case "--simpy-script": simpyScript = value
            case "--python": python = value
            case "--no-python": pythonUnavailable = value
            case "--out": out = value
            default: throw Failure(description: "unknown argument '\(argument)'\n\(Self.usage)")
            }
        }
    }
}
