import Engine
import Scenario
import Testing

/// Kong plugins in the simulation, with counts worked out by hand from Kong's documented
/// behaviour (policy-semantics.md, "Gateway (Kong)").
@Suite struct GatewayPluginTests {
    typealias T = TestScenarios
    let second = TestScenarios.second

    func plugin(_ config: Plugin.Config) -> Plugin {
        let name: String
        switch config {
        case .keyAuth: name = "key-auth"
        case .jwt: name = "jwt"
        case .rateLimiting: name = "rate-limiting"
        case .localRateLimit: name = "local-rate-limit"
        case .acl: name = "acl"
        case .requestTermination: name = "request-termination"
        case .proxyCache: name = "proxy-cache"
        case .requestTransformer: name = "request-transformer"
        case .responseTransformer: name = "response-transformer"
        }
        return Plugin(name: name, config: config, location: T.here)
    }

    func scenario(
        clients: [Client], plugins: [Plugin], replicas: Int = 1, duration: Nanoseconds = 600 * 1_000_000_000
    ) -> Scenario {
        Scenario(
            name: "plugins", duration: duration, clients: clients,
            gateway: Gateway(replicas: replicas, plugins: plugins, routes: [GatewayRoute(name: "all", service: "s", location: T.here)], location: T.here),
            services: [T.service("s", concurrency: 100, latency: .constant(T.ms))])
    }

    func client(_ name: String = "web", rate: Double = 5, credential: Credential? = nil, invalid: Double = 0) -> Client {
        Client(name: name, target: .gateway, arrival: .rate(rate, .uniform), credential: credential, invalidCredentials: invalid, location: T.here)
    }

    func limit(_ limits: [PeriodLimit], by: RateLimitingConfig.LimitBy = .consumer, policy: RateLimitingConfig.Policy = .local) -> Plugin {
        plugin(.rateLimiting(RateLimitingConfig(limits: limits, limitBy: by, policy: policy)))
    }

    @Test func fiveEvenlySpacedRequestsPerSecondAgainstAHundredAMinutePassAThird() throws {
        // 10 minutes × 300 requests a minute; the first 100 of each minute pass.
        let result = try Simulator.run(scenario(clients: [client()], plugins: [limit([PeriodLimit(period: .minute, limit: 100)])]))
        let total = result.summary[0].counts
        #expect(total.requests == 3000)
        #expect(total.ok == 1000)
        #expect(total.rateLimited == 2000)
        #expect(result.responses.contains { $0.scope == .total && $0.code == 429 && $0.flag == "RL" && $0.count == 2000 })
    }

    @Test func aLocalLimitOnTwoReplicasLetsTwiceTheLimitThroughAndAClusterLimitDoesNot() throws {
        // Round-robin over two replicas: each sees 150 requests a minute and allows 100 under
        // `local`; under `cluster` the two share one count of 100.
        let local = try Simulator.run(scenario(clients: [client()], plugins: [limit([PeriodLimit(period: .minute, limit: 100)])], replicas: 2))
        #expect(local.summary[0].counts.ok == 2000)
        let cluster = try Simulator.run(scenario(
            clients: [client()], plugins: [limit([PeriodLimit(period: .minute, limit: 100)], policy: .cluster)], replicas: 2))
        #expect(cluster.summary[0].counts.ok == 1000)
    }

    @Test func rejectedRequestsCountUnderRedisButNotUnderLocal() throws {
        // 2 requests a second against second: 1 and minute: 100. Under local the second request
        // of each second is rejected and not counted: 60 pass a minute. Under redis it is
        // counted, so the minute's 100 are used up after 50 s: 50 pass a minute.
        let limits = [PeriodLimit(period: .second, limit: 1), PeriodLimit(period: .minute, limit: 100)]
        let local = try Simulator.run(scenario(clients: [client(rate: 2)], plugins: [limit(limits)]))
        #expect(local.summary[0].counts.ok == 600)
        let redis = try Simulator.run(scenario(clients: [client(rate: 2)], plugins: [limit(limits, policy: .redis)]))
        #expect(redis.summary[0].counts.ok == 500)
    }

    @Test(arguments: [(1, 10), (100, 1000), (Int.max, 3000)])
    func eachSourceAddressIsCountedApartHoweverManyTheClientHas(addresses: Int, ok: Int) throws {
        // 5 a second for 10 minutes, one a minute per address: an address that sends every
        // 20 s passes once a minute (1 × 10, 100 × 10); with 2^63 - 1 addresses each of the
        // 3,000 requests comes from a new one and passes. The run pays for the addresses it uses.
        var web = client()
        web.addresses = addresses
        let result = try Simulator.run(scenario(clients: [web], plugins: [limit([PeriodLimit(period: .minute, limit: 1)], by: .ip)]))
        #expect(result.summary[0].counts.requests == 3000)
        #expect(result.summary[0].counts.ok == ok)
    }

    @Test func keyAuthAnswers401WithoutAKeyOrWithAWrongOne() throws {
        let keyAuth = plugin(.keyAuth(KeyAuthConfig(consumers: ["k-web": "web-app"])))
        let clients = [
            client("anonymous", rate: 1),
            client("member", rate: 1, credential: .apiKey("k-web")),
            client("sloppy", rate: 10, credential: .apiKey("k-web"), invalid: 0.1),
        ]
        let result = try Simulator.run(scenario(clients: clients, plugins: [keyAuth], duration: 100 * second))
        #expect(try #require(T.row(result, .client, "anonymous")).counts.unauthorized == 100)
        #expect(try #require(T.row(result, .client, "member")).counts.ok == 100)
        // Binomial(1000, 0.1): 100 ± 4 standard deviations (4 × 9.5).
        let sloppy = try #require(T.row(result, .client, "sloppy")).counts
        #expect(abs(sloppy.unauthorized - 100) < 38)
        #expect(sloppy.ok + sloppy.unauthorized == 1000)
        #expect(result.responses.contains { $0.scope == .total && $0.code == 401 && $0.flag == "UAEX" })
    }

    @Test func jwtExpiryIsCheckedOnlyWhenListed() throws {
        let issuers = ["issuer-a": "web-app"]
        let expired = client("expired", rate: 1, credential: .jwt(issuer: "issuer-a", expiresIn: -TestScenarios.second, notBefore: nil))
        let fresh = client("fresh", rate: 1, credential: .jwt(issuer: "issuer-a", expiresIn: 3600 * second, notBefore: nil))
        let stranger = client("stranger", rate: 1, credential: .jwt(issuer: "issuer-z", expiresIn: nil, notBefore: nil))
        let checked = try Simulator.run(scenario(
            clients: [expired, fresh, stranger], plugins: [plugin(.jwt(JWTConfig(claimsToVerify: [.exp], issuers: issuers)))], duration: 10 * second))
        #expect(try #require(T.row(checked, .client, "expired")).counts.unauthorized == 10)
        #expect(try #require(T.row(checked, .client, "fresh")).counts.ok == 10)
        #expect(try #require(T.row(checked, .client, "stranger")).counts.unauthorized == 10)
        let unchecked = try Simulator.run(scenario(
            clients: [expired], plugins: [plugin(.jwt(JWTConfig(claimsToVerify: [], issuers: issuers)))], duration: 10 * second))
        #expect(unchecked.summary[0].counts.ok == 10)
    }

    @Test func requestsRejectedByAuthAreNeverCountedByTheRateLimiter() throws {
        // One shared count per service: 100 a minute. The intruder's 300 a minute fail auth
        // first, so the member's 60 a minute all pass.
        let keyAuth = plugin(.keyAuth(KeyAuthConfig(consumers: ["k-web": "web-app"])))
        let clients = [client("intruder", rate: 5, credential: .apiKey("k-web"), invalid: 1), client("member", rate: 1, credential: .apiKey("k-web"))]
        let result = try Simulator.run(scenario(
            clients: clients, plugins: [limit([PeriodLimit(period: .minute, limit: 100)], by: .service), keyAuth]))
        #expect(try #require(T.row(result, .client, "member")).counts.ok == 600)
        #expect(try #require(T.row(result, .client, "intruder")).counts.unauthorized == 3000)
    }

    @Test func aTokenBucketPassesItsBurstThenItsRefillRate() throws {
        // 10 tokens to start, 1 more a second; 5 requests a second for 100 s: the burst of 10,
        // then one a second for the remaining time: about 110.
        let bucket = plugin(.localRateLimit(LocalRateLimitConfig(maxTokens: 10, tokensPerFill: 1, fillInterval: TestScenarios.second)))
        let result = try Simulator.run(scenario(clients: [client()], plugins: [bucket], duration: 100 * second))
        #expect((109...111).contains(result.summary[0].counts.ok))
    }
}
