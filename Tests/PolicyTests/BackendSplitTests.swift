import Policy
import Testing

/// One integer draw below the sum of weights picks the backend whose running sum first exceeds it.
@Suite struct BackendSplitTests {
    @Test func ninetyTenMapsDrawsZeroToEightyNineToTheFirstBackend() {
        let split = BackendSplit(weights: [90, 10])
        #expect(split.cumulativeWeights == [90, 100])
        // Draws below 100: 0 … 89 → backend 0 (90 values), 90 … 99 → backend 1 (10 values).
        var rng = MeshScriptedRandom(ints: [0, 89, 90, 99])
        #expect([split.pick(&rng), split.pick(&rng), split.pick(&rng), split.pick(&rng)] == [0, 0, 1, 1])
        #expect(rng.askedBelow == [100, 100, 100, 100])
    }

    @Test func aZeroWeightOwnsNoDraw() {
        // Running sums 0, 3, 3, 4: draws 0 … 2 go to backend 1, draw 3 to backend 3.
        let split = BackendSplit(weights: [0, 3, 0, 1])
        var rng = MeshScriptedRandom(ints: [0, 2, 3])
        #expect([split.pick(&rng), split.pick(&rng), split.pick(&rng)] == [1, 1, 3])
    }

    @Test func allZeroPicksNothingWithoutADraw() {
        var rng = MeshScriptedRandom()
        #expect(BackendSplit(weights: [0, 0]).pick(&rng) == nil)
        #expect(BackendSplit(weights: [0]).pick(&rng) == nil)
        #expect(rng.askedBelow.isEmpty)
    }

    /// A route with one backend must leave its stream untouched, so that adding the split
    /// changes no existing run.
    @Test func oneBackendIsPickedWithoutADraw() {
        var rng = MeshScriptedRandom()
        #expect(BackendSplit(weights: [1]).pick(&rng) == 0)
        #expect(BackendSplit(weights: [1_000_000]).pick(&rng) == 0)
        #expect(rng.askedBelow.isEmpty && rng.unitDraws == 0)
    }
}
