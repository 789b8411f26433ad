import Scenario
/// Memory per request in flight: an overloaded run (every queue unlimited, so the work in
/// flight only grows) stopped by `--max-in-flight` at a small and a large cap. The extra peak
/// memory over the extra records is what one more record in flight costs, start-up and the
/// run's fixed tables cancelling out. A record is what the cap counts: a client request, a call
/// between services, or an attempt being served or queued.
struct InFlightMemory {
    struct Figures {
        var bytesPerRecord: Double
        var largeKilobytes: Int
    }

    let meshsim: String
    let scenario: String
    let small: Int
    let large: Int

    func measure() throws(Subprocess.Failure) -> Figures {
        let memory = PeakMemory(meshsim: meshsim, scenario: scenario)
        let smallKilobytes = try memory.kilobytes(stoppedAtInFlight: small)
        let largeKilobytes = try memory.kilobytes(stoppedAtInFlight: large)
        let bytes = Double(largeKilobytes - smallKilobytes) * 1024 / Double(large - small)
        return Figures(bytesPerRecord: bytes, largeKilobytes: largeKilobytes)
    }

    static func note(_ memory: InFlightMemory) -> String {
        """
        **Memory per request in flight.** `/usr/bin/time -f %M meshsim run \(memory.scenario) --max-in-flight N --out DIR \
        --quiet` at N = \(CountText.grouped(Double(memory.small))) and \(CountText.grouped(Double(memory.large))): a run \
        through the gateway and the mesh at ten times what its services can take, with no queue limit, stopped by the cap \
        (exit 2). The difference in peak resident memory divided by the difference in N: the cost of one more request, call \
        or attempt in flight, the records `--max-in-flight` counts, including the storage's growth by doubling.
        """
    }
}
