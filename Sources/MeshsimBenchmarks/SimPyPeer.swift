/// The peer: the same M/M/c in SimPy (`Benchmarks/mmc_simpy.py`), run by the suite's
/// Python when SimPy could be installed.
/// Its `seconds` are the script's own timing of the simulation, without Python's start-up.
struct SimPyPeer {
    let python: String
    let script: String
    let customers: Int

    func run() throws(Subprocess.Failure) -> MMcModel.Run {
        let output = try Subprocess(executable: python, arguments: [script, String(customers)]).run().stdout
        var fields: [Substring: Double] = [:]
        for pair in output.split(whereSeparator: \.isWhitespace) {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let value = Double(parts[1]) { fields[parts[0]] = value }
        }
        guard let count = fields["customers"], let seconds = fields["seconds"], let mean = fields["mean_sojourn_ms"],
              seconds > 0 else {
            throw Subprocess.Failure(description: "\(script) printed no measurement: \(output)")
        }
        return MMcModel.Run(customers: Int(count), meanSojourn: mean / 1000, seconds: seconds)
    }
}
