/// Envoy's ring hash (`ring_hash_lb.cc`) over hosts 0..<hosts of equal weight: each host
/// owns ceil(minimumSize / hosts) points, the hashes of "HOST_REPLICA" (Envoy hashes
/// "ADDRESS_REPLICA"); a key goes to the owner of the first point at or after its hash,
/// wrapping round.
///
/// Envoy rebuilds the ring over the healthy hosts when health changes; here the ring is built
/// once and a lookup walks on past points of ineligible hosts. A key whose host is healthy thus
/// keeps its host exactly, and a removed host's keys go to the next eligible points: the
/// consistency Envoy's rebuilt ring gives, without its small reshuffle from the changed number
/// of points per host.
public struct RingHash: Sendable {
    /// Envoy's and Istio's default `minimum_ring_size`.
    public static let defaultMinimumSize = 1024
    /// Envoy's default `maximum_ring_size`.
    public static let maximumSize = 8_388_608

    private let points: [UInt64]
    private let owners: [Int32]

    public init(hosts: Int, minimumSize: Int = RingHash.defaultMinimumSize) {
        guard hosts > 0, hosts <= Int(Int32.max) else {
            points = []
            owners = []
            return
        }
        let size = min(max(0, minimumSize), Self.maximumSize)
        let perHost = max(1, (size + hosts - 1) / hosts)
        var entries: [(point: UInt64, owner: Int32)] = []
        entries.reserveCapacity(perHost * hosts)
        for host in 0..<hosts {
            for replica in 0..<perHost {
                entries.append((Self.hash("\(host)_\(replica)"), Int32(host)))
            }
        }
        // The owner breaks a (vanishingly rare) tie so that the ring never depends on sort order.
        entries.sort { ($0.point, $0.owner) < ($1.point, $1.owner) }
        points = entries.map(\.point)
        owners = entries.map(\.owner)
    }

    /// Points on the ring.
    public var count: Int { points.count }

    /// The host owning the first point at or after `hash` whose owner is eligible, or nil when
    /// no host is.
    public func host(for hash: UInt64, isEligible: (Int) -> Bool) -> Int? {
        guard !points.isEmpty else { return nil }
        var low = 0
        var high = points.count
        while low < high {
            let middle = (low + high) / 2
            if points[middle] < hash { low = middle + 1 } else { high = middle }
        }
        var index = low == points.count ? 0 : low
        for _ in 0..<points.count {
            let owner = Int(owners[index])
            if isEligible(owner) { return owner }
            index = index + 1 == points.count ? 0 : index + 1
        }
        return nil
    }

    /// A stable 64-bit hash of a key's UTF-8 bytes: FNV-1a, then the MurmurHash3 `fmix64`
    /// finalizer, because plain FNV-1a leaves keys that differ in the last byte close together
    /// on the ring. Unlike `Hasher`, it is the same in every process.
    public static func hash(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return mix(hash)
    }

    /// MurmurHash3's `fmix64` finalizer: spreads every input bit over the whole word.
    public static func mix(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash = hash &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash
    }
}
