/// One simulation of an experiment: a sweep point, a setup (a variant of compare, or the
/// scenario itself) and a replication. All 0-based except `replication`, which counts
/// from 1 as people do ("replication 3").
public struct WorkUnit: Sendable, Hashable {
    /// Position in the experiment's unit order: point-major, then setup, then replication.
    public var index: Int
    public var point: Int
    public var setup: Int
    public var replication: Int

    public init(index: Int, point: Int, setup: Int, replication: Int) {
        self.index = index
        self.point = point
        self.setup = setup
        self.replication = replication
    }
}
