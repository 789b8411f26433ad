import Policy

/// The rate-limit identities of source addresses that count one by one (Kong's `ip`), handed
/// out as each address first sends. A client's `addresses` is a count from input, possibly
/// billions; the tables grow with the addresses a run uses, never with that count.
struct AddressIdentities: ~Copyable {
    private let tables: [GatewayCounters.AddressTable]
    /// Per table, each address's identity so far, indexed by address; -1 for one not yet seen.
    private var identities: DenseTable<[Int]>
    /// Per rate-limiting instance, the next identity to hand out.
    private var nextIdentity: [Int]

    init(_ counters: GatewayCounters) {
        tables = counters.addressTables
        identities = DenseTable(repeatElement([], count: counters.addressTables.count))
        nextIdentity = counters.identityCounts
    }

    /// The identity of `address` in `table`; its first use gives it the instance's next
    /// identity and a row in each of the instance's counter copies.
    mutating func identity(table: Int, address: Int, limiters: inout DenseTable<RateLimitingPolicy>) -> Int {
        if address < identities[table].count, identities[table][address] >= 0 {
            return identities[table][address]
        }
        if address >= identities[table].count {
            identities[table] += repeatElement(-1, count: address + 1 - identities[table].count)
        }
        let model = tables[table]
        let identity = nextIdentity[model.instance]
        nextIdentity[model.instance] += 1
        identities[table][address] = identity
        for slot in model.firstSlot..<(model.firstSlot + model.copies) {
            limiters[slot].growIdentities(to: identity + 1)
        }
        return identity
    }
}
