/// Every count a scenario writes is at most its `SizeLimits` bound, so that a typo such as
/// `replicas: 1000000000` is an error naming the field, the value and the bound, not a run
/// that exhausts memory. Products of counts (instances in all, time-series rows, rate-limit
/// counters) are `VolumeChecks`.
enum SizeChecks {
    static func diagnostics(_ scenario: Scenario) -> [Diagnostic] {
        var check = Bounds()
        let top = { (key: String, first: SourceLocation?) in scenario.sectionLocations[key] ?? first ?? scenario.location(ofSection: key) }
        check.entries("clients", scenario.clients.count, SizeLimits.clients, "clients meshsim simulates", at: top("clients", scenario.clients.first?.location))
        check.entries("services", scenario.services.count, SizeLimits.services, "services meshsim simulates", at: top("services", scenario.services.first?.location))
        check.entries("faults", scenario.faults.count, SizeLimits.faults, "faults meshsim simulates", at: top("faults", scenario.faults.first?.location))
        check.entries("variants", scenario.variants.count, SizeLimits.variants, "variants meshsim compares", at: top("variants", scenario.variants.first?.location))
        check.found += SweepGrid.boundErrors(scenario.sweep, at: scenario.location(ofSection: "sweep"))
        check.entries("assertions", scenario.assertions.count, SizeLimits.assertions, "assertions meshsim checks", at: top("assertions", scenario.assertions.first?.location))
        if let rollout = scenario.rollout {
            check.entries("rollout.steps", rollout.steps.count, SizeLimits.rolloutSteps, "rollout steps meshsim simulates", at: rollout.location)
        }
        for (index, client) in scenario.clients.enumerated() {
            clientCounts(client, path: "clients[\(index)]", &check)
        }
        let templates = scenario.clients.reduce(0) { Saturating.sum($0, $1.requests.count) }
        check.entries("clients[].requests", templates, SizeLimits.requestTemplatesInAll, "requests meshsim mixes in all clients together",
                      at: top("clients", scenario.clients.first?.location))
        let zipfKeys = scenario.clients.flatMap(\.requests).reduce(0) { total, request in
            guard let keys = request.keys, case .zipf = keys.popularity else { return total }
            return Saturating.sum(total, keys.count)
        }
        check.value("clients[].requests keys under zipf popularity", zipfKeys, SizeLimits.zipfKeysInAll, "Zipf-popular keys meshsim tabulates in all clients together",
                    at: top("clients", scenario.clients.first?.location))
        if let gateway = scenario.gateway {
            gatewayCounts(gateway, &check)
        }
        for service in scenario.services {
            serviceCounts(service, &check)
        }
        let calls = scenario.services.reduce(0) { total, service in service.versions.reduce(total) { Saturating.sum($0, callCount($1)) } }
        check.entries("services.*.calls", calls, SizeLimits.callsInAll, "downstream calls meshsim simulates in all versions together",
                      at: top("services", scenario.services.first?.location))
        return check.found
    }

    private static func clientCounts(_ client: Client, path: String, _ check: inout Bounds) {
        let at = client.location
        check.value("\(path).addresses", client.addresses, SizeLimits.addressesPerClient, "source addresses meshsim simulates per client", at: at)
        switch client.arrival {
        case .users(let users, _):
            check.value("\(path).users", users, SizeLimits.users, "users meshsim simulates per client", at: at)
        case .schedule(let points, _):
            check.entries("\(path).schedule", points.count, SizeLimits.schedulePoints, "schedule points meshsim follows", at: at)
        case .rate:
            break
        }
        if let retries = client.retries {
            check.value("\(path).retries.attempts", retries.attempts, SizeLimits.clientRetries, "client retries meshsim simulates", at: at)
        }
        check.entries("\(path).requests", client.requests.count, SizeLimits.requestTemplates, "requests meshsim mixes per client", at: at)
        for (index, request) in client.requests.enumerated() {
            check.entries("\(path).requests[\(index)].headers", request.headers.count, SizeLimits.headers, "headers Kong reads per request", at: at)
            if let keys = request.keys {
                check.value("\(path).requests[\(index)].path keys", keys.count, SizeLimits.requestKeys, "keys meshsim draws from per request entry", at: keys.location)
            }
        }
    }

    private static func gatewayCounts(_ gateway: Gateway, _ check: inout Bounds) {
        let at = gateway.location
        check.value("gateway.replicas", gateway.replicas, SizeLimits.gatewayReplicas, "gateway replicas meshsim simulates", at: at)
        if let workers = gateway.workers {
            check.value("gateway.workers", workers, SizeLimits.concurrency, "requests meshsim processes at once per replica", at: at)
        }
        if let queue = gateway.queue {
            check.value("gateway.queue", queue, SizeLimits.queue, queueBound, at: at)
        }
        check.entries("gateway.routes", gateway.routes.count, SizeLimits.routes, "routes meshsim simulates", at: at)
        let plugins = gateway.routes.reduce(gateway.plugins.count) { Saturating.sum($0, $1.plugins.count) }
        check.entries("gateway plugins (global and per route)", plugins, SizeLimits.plugins, "plugins meshsim simulates", at: at)
        pluginCounts(gateway.plugins, path: "gateway.plugins", &check)
        for (index, route) in gateway.routes.enumerated() {
            let path = "gateway.routes[\(index)]"
            check.value("\(path).retries", route.retries, SizeLimits.gatewayRetries, "retries Kong allows", at: route.location)
            check.entries("\(path).headers", route.headers.count, SizeLimits.headers, "headers Kong reads per request", at: route.location)
            check.entries(
                "\(path).backends", route.backends.count, SizeLimits.backendsPerRoute, "backendRefs the Gateway API allows in a rule",
                at: route.location)
            if let composition = route.composition {
                let calls = composition.steps.reduce(0) { Saturating.sum($0, $1.calls.count) }
                check.entries("\(path).calls", calls, SizeLimits.callsPerVersion, "calls meshsim simulates per composed route", at: route.location)
            }
            pluginCounts(route.plugins, path: "\(path).plugins", &check)
        }
    }

    private static func pluginCounts(_ plugins: [Plugin], path: String, _ check: inout Bounds) {
        let what = "requests meshsim counts per period or bucket"
        for (index, plugin) in plugins.enumerated() {
            let config = "\(path)[\(index)].config"
            switch plugin.config {
            case .rateLimiting(let limits):
                for limit in limits.limits {
                    check.value("\(config).\(limit.period.rawValue)", limit.limit, SizeLimits.rateLimitValue, what, at: plugin.location)
                }
            case .localRateLimit(let bucket):
                check.value("\(config).max_tokens", bucket.maxTokens, SizeLimits.rateLimitValue, what, at: plugin.location)
                check.value("\(config).tokens_per_fill", bucket.tokensPerFill, SizeLimits.rateLimitValue, what, at: plugin.location)
            case .keyAuth, .jwt, .acl, .requestTermination, .proxyCache, .requestTransformer, .responseTransformer:
                break
            }
        }
    }

    private static func serviceCounts(_ service: Service, _ check: inout Bounds) {
        let path = "services.\(service.name)"
        check.entries("\(path).versions", service.versions.count, SizeLimits.versionsPerService, "versions meshsim simulates per service", at: service.location)
        for version in service.versions {
            // An undeclared version is the service itself.
            let field = service.hasDeclaredVersions ? "\(path).versions.\(version.name)" : path
            let at = version.location
            check.value("\(field).replicas", version.replicas, SizeLimits.instancesPerService, "instances meshsim simulates per service", at: at)
            check.value("\(field).concurrency", version.concurrency, SizeLimits.concurrency, "requests meshsim processes at once per instance", at: at)
            if let queue = version.queue {
                check.value("\(field).queue", queue, SizeLimits.queue, queueBound, at: at)
            }
            check.entries("\(field).calls", callCount(version), SizeLimits.callsPerVersion, "downstream calls meshsim simulates per version", at: at)
        }
        let replicas = service.versions.reduce(0) { Saturating.sum($0, $1.replicas) }
        if service.hasDeclaredVersions, replicas > SizeLimits.instancesPerService,
           service.versions.allSatisfy({ $0.replicas <= SizeLimits.instancesPerService }) {
            check.found.append(.error(
                "\(path): its versions have \(CountText.grouped(replicas)) replicas in all, more than the "
                    + "\(CountText.grouped(SizeLimits.instancesPerService)) instances meshsim simulates per service",
                at: service.location))
        }
        let rules = service.http ?? []
        check.entries("\(path).http", rules.count, SizeLimits.httpRulesPerService, "http rules meshsim simulates per service", at: rules.first?.location ?? service.location)
        let matches = rules.reduce(0) { Saturating.sum($0, $1.match.count) }
        check.entries("\(path).http[].match", matches, SizeLimits.matchEntriesPerService, "match entries meshsim compares per service",
                      at: rules.first?.location ?? service.location)
        for (index, rule) in rules.enumerated() {
            if let retries = rule.retries {
                check.value("\(path).http[\(index)].retries.attempts", retries.attempts, SizeLimits.meshRetries,
                            "retries meshsim simulates per try", at: retries.location)
            }
        }
    }

    /// Calls of a version, the calls in `parallel` steps included.
    private static func callCount(_ version: ServiceVersion) -> Int {
        version.calls.reduce(0) { Saturating.sum($0, $1.calls.count) }
    }

    private static let queueBound = "waiting requests meshsim holds per instance (leave queue out for an unlimited queue)"

    /// Collects one error per count over its bound.
    private struct Bounds {
        var found: [Diagnostic] = []

        /// `services.orders.replicas: 20000 is more than the 10,000 instances meshsim simulates per service`:
        /// the value as written, the bound as read.
        mutating func value(_ field: String, _ value: Int, _ limit: Int, _ what: String, at location: SourceLocation) {
            guard value > limit else { return }
            found.append(.error("\(field): \(value) is more than the \(CountText.grouped(limit)) \(what)", at: location))
        }

        mutating func entries(_ field: String, _ count: Int, _ limit: Int, _ what: String, at location: SourceLocation) {
            guard count > limit else { return }
            found.append(.error(
                "\(field) has \(CountText.grouped(count)) entries, more than the \(CountText.grouped(limit)) \(what)",
                at: location))
        }
    }
}
