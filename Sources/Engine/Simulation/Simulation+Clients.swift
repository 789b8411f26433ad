import Policy
import Scenario

/// Clients: open-loop arrivals and closed-loop users, client timeouts and retries, and
/// the final outcome of each request as the client saw it.
extension Simulation {
    /// Inlined into the event loop: an open-loop client's every request passes here.
    @inline(__always)
    mutating func scheduleNextArrival(client: Int) {
        guard let time = arrivals[client]?.next(&clientRNG[client]), time < world.duration else { return }
        queue.push(.arrival(client: Int32(client)), at: time)
    }

    mutating func send(client: Int, user: Int32) {
        sent += 1
        if sent > limits.requests { abort = .tooManyRequests }
        var template = 0
        if world.clients[client].templateCumulativeWeights.count > 1 {
            let draw = clientRNG[client].nextUnit()
            template = world.clients[client].templateCumulativeWeights.firstIndex { draw < $0 } ?? world.clients[client].templateCumulativeWeights.count - 1
        }
        var record = RequestRecord()
        record.attribution.client = Int32(client)
        record.user = user
        record.attribution.template = Int32(template)
        record.attribution.path = world.clients[client].templatePaths.isEmpty ? 0 : world.clients[client].templatePaths[template]
        if let keys = world.clients[client].keySamplers[template] {
            record.attribution.key = Int32(truncatingIfNeeded: keys.draw(&clientRNG[client]))
        }
        record.start = now
        record.attribution.counted = now >= world.warmup
        record.attribution.address = Int32(nextAddress[client])
        let nextAddress = self.nextAddress[client] + 1
        self.nextAddress[client] = nextAddress == world.clients[client].addresses ? 0 : nextAddress
        record.attribution.badCredential = world.clients[client].invalidCredentials > 0 && clientRNG[client].nextUnit() < world.clients[client].invalidCredentials
        let request = requests.insert(record)
        checkInFlight()
        startAttempt(request)
    }

    /// Inlined: it runs once per request.
    @inline(__always)
    mutating func startAttempt(_ request: Int32) {
        let record = requests[request]
        let client = Int(record.attribution.client)
        let target: CallTarget = world.clients[client].targetService.map { .service(Int32($0)) } ?? .gateway
        var call = CallRecord()
        call.waiter = .request(request, token: record.token)
        call.target = target
        call.callerService = -1
        call.attribution = record.attribution
        let index = openCall(call)
        if let timeout = world.clients[client].timeout {
            queue.push(.clientTimeout(request: request, token: record.token), after: timeout, from: now)
        }
        dispatchAttempt(index, pickerServer: -1)
    }

    mutating func clientTimedOut(_ request: Int32, token: UInt32) {
        guard requests[request].live, requests[request].token == token else { return }
        finishAttempt(request, outcome: .clientTimeout)
    }

    /// The current attempt ended (answer or timeout): retry it or complete the request.
    /// Inlined: it runs once per request.
    @inline(__always)
    mutating func finishAttempt(_ request: Int32, outcome: Outcome) {
        // A new token orphans the attempt's call and disarms its timeout.
        requests[request].token &+= 1
        let record = requests[request]
        if let retries = world.clients[Int(record.attribution.client)].retries, Int(record.retries) < retries.attempts, Self.shouldRetry(outcome, retries.on) {
            let ceiling = Double(retries.backoff) * Double(1 << min(Int(record.retries), 40))
            let wait = Nanoseconds(min(egress[Int(record.attribution.client)].nextUnit() * ceiling, 9e18))
            requests[request].retries += 1
            if record.attribution.counted {
                stats[scopes.clients + Int(record.attribution.client)].recordRetry()
            }
            queue.push(.clientRetry(request: request, token: record.token), at: now.plusSaturating(wait))
            return
        }
        complete(request, outcome: outcome)
    }

    /// Inlined: it runs once per request.
    @inline(__always)
    mutating func complete(_ request: Int32, outcome: Outcome) {
        let record = requests[request]
        if record.attribution.counted {
            let latency = now - record.start
            recordAnswer(outcome, latency: latency, scope: scopes.clients + Int(record.attribution.client))
        }
        requests.remove(request)
        if record.user >= 0 {
            let client = Int(record.attribution.client)
            let think = world.clients[client].thinkTime.sample(&clientRNG[client])
            if now.plusSaturating(think) < world.duration {
                queue.push(.userSend(client: record.attribution.client, user: record.user), at: now.plusSaturating(think))
            }
        }
    }

    static func shouldRetry(_ outcome: Outcome, _ conditions: [ClientRetries.Condition]) -> Bool {
        conditions.contains { condition in
            switch condition {
            case .serverError: return outcome.status >= 500
            case .clientError: return outcome.status >= 400 && outcome.status < 500
            case .timeout: return outcome.status == 0
            case .status(let code): return outcome.status == code
            }
        }
    }
}
