import Experiments
import Testing

@testable import Reports

/// A sweep axis on a chart's x axis: its values at their quantity when all read as one
/// kind, in the unit the label names; else numbered in sweep order.
@Suite struct SweepAxisScaleTests {
    @Test(arguments: [
        (["100ms", "1.5s", "250us"], [100, 1500, 0.25], "p (ms)"),
        (["200/s", "30/m", "7200/h"], [200, 0.5, 2], "p (/s)"),
        (["0.5%", "7%", "25%"], [0.5, 7, 25], "p (%)"),
        (["2", "4", "16"], [2, 4, 16], "p"),
    ] as [([String], [Double], String)])
    func valuesOfOneKindSitAtTheirQuantity(values: [String], positions: [Double], label: String) {
        let scale = SweepAxisScale(ExperimentPlan.Axis(path: "p", values: values))
        #expect(scale.numeric && scale.positions == positions && scale.label == label)
    }

    @Test(arguments: [["round-robin", "least-request"], ["100ms", "2"], ["{a: 1}", "{a: 2}"], ["true", "false"]])
    func otherValuesAreNumberedInSweepOrder(values: [String]) {
        let scale = SweepAxisScale(ExperimentPlan.Axis(path: "mesh.lb", values: values))
        #expect(!scale.numeric && scale.positions == [1, 2] && scale.label == "mesh.lb (value number)")
    }
}
