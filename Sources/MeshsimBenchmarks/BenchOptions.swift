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
    /// Runs a tenth the size (SimPy excepted: its mean needs its 200k customers; the scaling
    /// sweeps stop a decade short): checks the suite works; the figures mean little.
    var quick = false
    /// `--only NAME` (repeatable): the measurements to run; empty runs them all.
    var only: Set<Measurement> = []

    /// The suite's measurements, by the names `--only` takes.
    enum Measurement: String, CaseIterable {
        case mmc, simpy, reference, memory
        case inFlight = "in-flight"
        case compare, replications, sweep, manifests, scaling
    }

    /// Whether the suite runs `measurement`.
    func runs(_ measurement: Measurement) -> Bool {
        only.isEmpty || only.contains(measurement)
    }

    static let usage = """
        Usage: meshsim-bench [--meshsim PATH] [--reference PATH] [--overload PATH] [--simpy-script PATH]
                             [--python PATH | --no-python REASON] [--out FILE] [--quick] [--only NAME]...
        Run it through Benchmarks/run, which builds meshsim in release mode and sets up SimPy.
        --only runs only the named measurements (\(Measurement.allCases.map(\.rawValue).joined(separator: ", ")));
        simpy and reference run mmc too, for the figures they are measured against. Give --out another
        file: the report holds only the rows measured.
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
            case "--only":
                guard let measurement = Measurement(rawValue: value) else {
                    throw Failure(description: "unknown measurement '\(value)'\n\(Self.usage)")
                }
                only.insert(measurement)
            default: throw Failure(description: "unknown argument '\(argument)'\n\(Self.usage)")
            }
        }
    }
}
