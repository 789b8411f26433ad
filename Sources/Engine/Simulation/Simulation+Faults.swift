import Scenario

/// Faults: start and end effects on gateway replicas and instances, and their events.
extension Simulation {
    mutating func startFault(_ index: Int) {
        let fault = world.faults[index]
        let targets = servers(hitBy: fault)
        events.append(EventRecord(time: now, kind: "fault_start", target: fault.name, detail: Self.describe(fault, targets: targets, world: world)))
        switch fault.kind {
        case .crash:
            for server in targets {
                servers[server].crashed += 1
                resetJobs(on: server)
                if server < world.gatewayReplicas { kongNodeCrashed(server) }
            }
        case .hang:
            for server in targets { servers[server].hung += 1 }
        case .latency:
            for server in targets { servers[server].latencyFaults.append(Int32(index)) }
        case .errors:
            for server in targets { servers[server].errorFaults.append(Int32(index)) }
        case .partition(let from, let to):
            if let cell = partitionCell(from: from, to: to) { partitions.append(cell) }
        }
    }

    mutating func endFault(_ index: Int) {
        let fault = world.faults[index]
        let targets = servers(hitBy: fault)
        events.append(EventRecord(time: now, kind: "fault_end", target: fault.name, detail: Self.describe(fault, targets: targets, world: world)))
        switch fault.kind {
        case .crash:
            for server in targets { servers[server].crashed -= 1 }
        case .hang:
            for server in targets {
                servers[server].hung -= 1
                if servers[server].hung == 0 { resumeParkedJobs(on: server) }
            }
        case .latency:
            for server in targets { servers[server].latencyFaults.removeAll { $0 == Int32(index) } }
        case .errors:
            for server in targets { servers[server].errorFaults.removeAll { $0 == Int32(index) } }
        case .partition(let from, let to):
            if let cell = partitionCell(from: from, to: to), let position = partitions.firstIndex(of: cell) {
                partitions.remove(at: position)
            }
        }
    }

    /// A crash resets everything the server holds: its callers see the connection drop.
    private mutating func resetJobs(on server: Int) {
        for index in jobs.indices where jobs[index].live && jobs[index].server == Int32(server) {
            let job = jobs[index]
            jobs.remove(index)
            queue.push(.attemptFailed(call: job.call, token: job.callToken, failure: .reset), at: now)
        }
        servers[server].active = 0
        servers[server].queued = 0
        servers[server].queueHead = -1
        servers[server].queueTail = -1
    }

    private mutating func resumeParkedJobs(on server: Int) {
        for index in jobs.indices where jobs[index].live && jobs[index].parked && jobs[index].server == Int32(server) {
            jobs[index].parked = false
            queue.push(.jobReady(job: index, token: jobs[index].token), at: now)
        }
    }

    private func partitionCell(from: String, to: String) -> Int? {
        guard let target = world.services.firstIndex(where: { $0.name == to }) else { return nil }
        let source = from == "gateway" ? 0 : (world.services.firstIndex { $0.name == from }).map { $0 + 1 }
        return source.map { $0 * world.services.count + target }
    }

    /// The servers a fault acts on: the first `instances` of its target, in instance order.
    func servers(hitBy fault: Fault) -> [Int] {
        let all: Range<Int>
        switch fault.target {
        case .gateway:
            all = 0..<world.gatewayReplicas
        case .gatewayReplica(let replica):
            all = replica..<(replica + 1)
        case .service(let name):
            all = world.services.first { $0.name == name }?.instances ?? 0..<0
        case .version(let service, let version):
            all = world.versions.first { $0.name == version && world.services[$0.service].name == service }?.instances ?? 0..<0
        case .zone(let zone):
            guard let locality = world.locality, let id = locality.zones.firstIndex(of: zone) else { return [] }
            let first = world.clients.count
            return world.servers.indices.filter { locality.callerZone[first + $0] == Int32(id) }
        case .instance(let service, let version, let index):
            let range = world.versions.first { $0.name == version && world.services[$0.service].name == service }?.instances ?? 0..<0
            all = range.lowerBound + index < range.upperBound ? (range.lowerBound + index)..<(range.lowerBound + index + 1) : 0..<0
        }
        if case .partition = fault.kind { return [] }
        switch fault.instances {
        case .all: return Array(all)
        case .count(let count): return Array(all.prefix(count))
        case .share(let share): return Array(all.prefix(Int((share * Double(all.count)).rounded(.up))))
        }
    }

    static func describe(_ fault: Fault, targets: [Int], world: World) -> String {
        let names = targets.map { world.servers[$0].name }.joined(separator: " ")
        switch fault.kind {
        case .crash: return "crash \(names)"
        case .hang: return "hang \(names)"
        case .latency: return "latency \(names)"
        case .errors(let rate, let status): return "errors \(Self.percentText(rate)) status=\(status) \(names)"
        case .partition(let from, let to): return "partition \(from)->\(to)"
        }
    }

    private static func percentText(_ fraction: Double) -> String {
        let percent = fraction * 100
        return percent == percent.rounded() ? "\(Int(percent))%" : "\(percent)%"
    }
}
