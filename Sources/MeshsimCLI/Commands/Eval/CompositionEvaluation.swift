import Engine
import Reports
import Scenario

/// `eval` of a composed route (`gateway.routes[*].calls`): the calls the gateway makes, step by
/// step, with each `percent` drawn from the eval stream as the simulation draws it per
/// request, and what the route answers when a call fails.
enum CompositionEvaluation {
    static func run(
        _ route: GatewayRoute, _ composition: RouteComposition, retriesOn: String, into report: inout EvalReport, _ rng: inout RandomStream
    ) {
        var made: [String] = []
        var skipped: [String] = []
        for (index, step) in composition.steps.enumerated() {
            var texts: [String] = []
            for call in step.calls {
                let pathText = call.path.map { " \($0)" } ?? ""
                // The simulation draws only for a percent below 100.
                let drawn = call.percent >= 1 || rng.nextUnit() < call.percent
                if drawn { made.append(call.service) } else { skipped.append(call.service) }
                let chance = call.percent >= 1 ? "" : " (percent \(NumberFormat.compact(call.percent * 100, places: 3)): \(drawn ? "drawn, called" : "not drawn, skipped"))"
                texts.append(call.service + pathText + chance)
            }
            report.line("step \(index + 1)", (step.calls.count > 1 ? "at once: " : "") + texts.joined(separator: ", "))
        }
        report.line("upstream", "each call: Kong timeout \(DurationText.format(route.timeout)) per try, \(route.retries) retries \(retriesOn)")
        switch composition.onCallFailure {
        case .fail:
            report.line("onCallFailure", "fail: once the step with a failed call (5xx or no answer) ends, the route answers 500")
        case .ignore:
            report.line("onCallFailure", "ignore: a failed call is left out and the route still answers 200")
        }
        let called = made.isEmpty ? "no call drawn: 200 from the gateway" : "200 when " + ListText.series(made) + (made.count > 1 ? " answer" : " answers")
        report.decide("composed: " + called + (skipped.isEmpty ? "" : "; skipped " + ListText.series(skipped)))
    }
}
