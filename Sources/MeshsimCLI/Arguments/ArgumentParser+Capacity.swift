import Experiments
import Scenario

extension ArgumentParser {
    /// `meshsim capacity`: the range is read here, so that a bad end or unit is a usage
    /// error before the scenario loads.
    static func capacityOptions(_ scanned: ScannedArguments) throws(UsageError) -> CapacityOptions {
        let arguments = try positionals(scanned, for: .capacity)
        guard let path = scanned.value("--vary") else { throw .missingOption("--vary", command: "capacity") }
        guard let from = scanned.value("--from") else { throw .missingOption("--from", command: "capacity") }
        guard let to = scanned.value("--to") else { throw .missingOption("--to", command: "capacity") }
        if case .failure(let failure) = OverridePath.parse(path) {
            throw .badVary(path, reason: failure.message)
        }
        let range: VariedValue
        do {
            range = try VariedValue(from: from, to: to, resolution: scanned.value("--resolution"))
        } catch {
            throw .badRange(error.message)
        }
        var replications: Int?
        if let text = scanned.value("--replications") {
            let allowed = 1...Replication.maximum
            guard let number: Int = wholeNumber(text), allowed.contains(number) else {
                throw .badCount(option: "--replications", value: text, range: allowed, command: "capacity")
            }
            replications = number
        }
        var policy = InconclusivePolicy.fail
        if let text = scanned.value("--inconclusive") {
            guard let chosen = InconclusivePolicy(rawValue: text) else {
                throw .badChoice(option: "--inconclusive", value: text, choices: InconclusivePolicy.allCases.map(\.rawValue), command: "capacity")
            }
            policy = chosen
        }
        return CapacityOptions(
            scenario: arguments[0], manifests: Array(arguments.dropFirst()), path: path, range: range, replications: replications,
            inconclusive: policy, jobs: try jobs(scanned, command: "capacity"), sets: try checkedSets(scanned), out: scanned.value("--out"),
            quiet: scanned.flags.contains("--quiet"))
    }
}
