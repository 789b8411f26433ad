import Scenario

/// consistent_hashing.lua's continuum: `slots` points, each of `targets` equal-weight targets
/// placed on 160 of them (SERVER_POINTS) at the hash of "TARGET SEQUENCE", a collision
/// moving that target's entry on to the next sequence number. A value goes to the point its
/// hash falls on, or the first target found walking down from there that is up; so a key
/// keeps its target while it is up, and an unhealthy target's keys move to the others.
///
/// Kong hashes with xxhash32; meshsim uses `RingHash.hash` (the spread is what matters, not
/// which target a given key lands on).
public struct KongHashRing: Sendable {
    /// Kong's SERVER_POINTS: points per target when all weigh the same.
    public static let pointsPerTarget = 160

    /// Per point, the target placed on it, or -1.
    private let continuum: [Int32]

    /// `names` identify the targets (Kong: address:port); they fix where each lands.
    public init(slots: Int, names: [String]) {
        var points = [Int32](repeating: -1, count: max(slots, 1))
        var placed = 0
        for (target, name) in names.enumerated() {
            var entries = Self.pointsPerTarget
            var sequence = 1
            // Kong gives up past `slots` tries; so does this, leaving the ring as it stands.
            while sequence <= entries && sequence <= points.count && placed < points.count {
                let index = Int(RingHash.hash("\(name) \(sequence)") % UInt64(points.count))
                if points[index] < 0 {
                    points[index] = Int32(target)
                    placed += 1
                } else {
                    entries += 1
                }
                sequence += 1
            }
        }
        continuum = points
    }

    /// The point a hash value falls on.
    public func point(of hash: UInt64) -> Int {
        Int(hash % UInt64(continuum.count))
    }

    /// The target for `hash`: the one on its point if up, else the first up walking down.
    public func target(for hash: UInt64, isUp: (Int) -> Bool) -> Int? {
        var index = point(of: hash)
        for _ in 0..<continuum.count {
            let target = Int(continuum[index])
            if target >= 0 && isUp(target) { return target }
            index = index == 0 ? continuum.count - 1 : index - 1
        }
        return nil
    }
}

/// What a request hashes on under an upstream's `hash_on`, then `hash_fallback`
/// (kong/runloop/balancer/init.lua `get_value_to_hash`): a header's value, the consumer, or the
/// client's address; with none of them, Kong hashes "".
public enum KongHashInput: Sendable, Equatable {
    case text(String)
    case address

    /// `headers` as the request carries them; `consumer` as its auth plugin identified it.
    public static func resolve(_ upstream: KongUpstream, headers: [Header], consumer: String?) -> Self {
        for hash in [upstream.hashOn, upstream.hashFallback] {
            switch hash {
            case .none: return .text("")
            case .ip: return .address
            case .consumer: if let consumer { return .text(consumer) }
            case .header(let name):
                if let header = headers.first(where: { $0.name.lowercased() == name }) { return .text(header.value) }
            }
        }
        return .text("")
    }
}
