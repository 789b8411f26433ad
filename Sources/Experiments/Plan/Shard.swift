/// `--shard I/N`: the I-th of N disjoint parts of an experiment's work units. Unit u belongs
/// to shard (u mod N) + 1, round robin, so that every shard gets some of the costly sweep
/// points and the shards finish at about the same time.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    public var count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Reads `I/N` with 1 ≤ I ≤ N ≤ `maximumCount`; nil otherwise.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let index = Int(parts[0]), let count = Int(parts[1]), count <= Self.maximumCount
        else { return nil }
        self.init(index: index, count: count)
    }

    public static let maximumCount = 10_000

    public func owns(unit: Int) -> Bool {
        unit % count == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}
