import Testing
@testable import Scenario

@Suite struct DecodeClientTests {
    private func clients(_ yaml: String, gateway: Bool = false) -> [Client]? {
        let text = DecodeFixture.header + (gateway ? "gateway: {}\n" : "") + yaml + "\n" + DecodeFixture.service
        return DecodeFixture.scenario(text)?.clients
    }

    private func messages(_ yaml: String) -> [String] {
        DecodeFixture.messages(DecodeFixture.header + yaml + "\n" + DecodeFixture.service)
    }

    @Test func openLoopClientWithEveryField() throws {
        let yaml = """
            clients:
              - name: web
                target: orders
                rate: 50/m
                arrival: uniform
                timeout: 10s
                retries: { attempts: 2, backoff: 100ms, on: [5xx, timeout, 429, 4xx] }
                addresses: 3
                credential: { apiKey: k-web }
                invalidCredentials: 0.1%
                requests:
                  - { weight: 70, method: post, path: /api/orders/42, headers: { x-canary: "true", x-n: 5 } }
                  - { weight: 30, path: /api/users }
            """
        let client = try #require(clients(yaml)?.first)
        #expect(client.name == "web")
        #expect(client.target == .service("orders"))
        guard case .rate(let rate, let spacing) = client.arrival else {
            Issue.record("expected a rate, got \(client.arrival)")
            return
        }
        #expect(abs(rate - 50.0 / 60.0) < 1e-12)
        #expect(spacing == .uniform)
        #expect(client.timeout == 10_000_000_000)
        #expect(client.retries == ClientRetries(attempts: 2, backoff: 100_000_000, on: [.serverError, .timeout, .status(429), .clientError]))
        #expect(client.addresses == 3)
        #expect(client.credential == .apiKey("k-web"))
        #expect(client.invalidCredentials == 0.001)
        #expect(client.requests == [
            RequestTemplate(weight: 70, method: "POST", path: "/api/orders/42",
                            headers: [Header(name: "x-canary", value: "true"), Header(name: "x-n", value: "5")]),
            RequestTemplate(weight: 30, method: "GET", path: "/api/users"),
        ])
        #expect(client.location == SourceLocation(file: "s.yaml", line: 4, column: 5))
    }

    @Test func defaults() throws {
        let yaml = """
            clients:
              - { name: web, rate: 5/s, retries: { attempts: 1 } }
            """
        let client = try #require(clients(yaml, gateway: true)?.first)
        #expect(client.target == .gateway)
        #expect(client.arrival == .rate(5, .poisson))
        #expect(client.timeout == nil)
        #expect(client.retries == ClientRetries(attempts: 1, backoff: 0, on: [.serverError, .timeout]))
        #expect(client.addresses == 1)
        #expect(client.credential == nil)
        #expect(client.invalidCredentials == 0)
        #expect(client.requests == [RequestTemplate(weight: 1, method: "GET", path: "/", headers: [])])
    }

    @Test func scheduleAndClosedLoop() throws {
        let yaml = """
            clients:
              - name: ramp
                target: orders
                schedule:
                  - { at: 0s, rate: 100/s }
                  - { at: 2m, rate: 3600/h }
              - { name: users, target: orders, users: 50, thinkTime: exp(1s) }
              - { name: eager, target: orders, users: 2 }
            """
        let decoded = try #require(clients(yaml))
        #expect(decoded[0].arrival == .schedule([SchedulePoint(at: 0, rate: 100), SchedulePoint(at: 120_000_000_000, rate: 1)], .poisson))
        #expect(decoded[1].arrival == .users(50, thinkTime: .exponential(mean: 1_000_000_000)))
        #expect(decoded[2].arrival == .users(2, thinkTime: .constant(0)))
    }

    @Test func arrivalModeErrors() {
        let yaml = """
            clients:
              - { name: a, target: orders }
              - { name: b, target: orders, rate: 1/s, users: 2 }
              - { name: c, target: orders, users: 2, arrival: uniform }
              - { name: d, target: orders, rate: 1/s, thinkTime: 1s }
              - { name: e, target: orders, rate: 1/s, arrival: poison }
              - name: f
                target: orders
                schedule: [{ at: 1m, rate: 1/s }, { at: 30s, rate: 2/s }]
            """
        #expect(messages(yaml) == [
            "4:5: error: clients[0] needs one of rate, schedule or users",
            "5:5: error: clients[1] must have only one of rate, schedule or users, not rate and users",
            "6:42: error: clients[2].arrival applies only with rate or schedule (open loop), not with users",
            "7:43: error: clients[3].thinkTime applies only with users (closed loop), not with rate",
            "8:52: error: clients[4].arrival must be one of poisson, uniform, not 'poison'; did you mean 'poisson'?",
            "11:45: error: clients[5].schedule points must be in time order: 30s comes after 1m",
        ])
    }

    @Test func targetIsRequiredWithoutAGateway() {
        #expect(messages("clients: [{ name: web, rate: 1/s }]") == [
            "3:11: error: clients[0].target is required when there is no gateway section (write a service name)",
        ])
    }

    @Test func credentials() throws {
        let yaml = """
            clients:
              - { name: a, target: orders, rate: 1/s, credential: { jwt: { iss: issuer-a, exp: -1s, nbf: 0s } } }
              - { name: b, target: orders, rate: 1/s, credential: { jwt: { iss: issuer-b } } }
            """
        let decoded = try #require(clients(yaml))
        #expect(decoded[0].credential == .jwt(issuer: "issuer-a", expiresIn: -1_000_000_000, notBefore: 0))
        #expect(decoded[1].credential == .jwt(issuer: "issuer-b", expiresIn: nil, notBefore: nil))
    }

    @Test func credentialErrors() {
        let yaml = """
            clients:
              - name: a
                target: orders
                rate: 1/s
                credential: { apiKey: k, jwt: { iss: x } }
              - name: b
                target: orders
                rate: 1/s
                credential: { jwt: { exp: 1h, scope: x } }
              - { name: c, target: orders, rate: 1/s, credential: {} }
            """
        #expect(messages(yaml) == [
            "7:17: error: clients[0].credential must have only one of apiKey or jwt, not both",
            "11:24: error: clients[1].credential.jwt.iss is required",
            "11:35: error: unknown key 'scope' in clients[1].credential.jwt; valid keys are: iss, exp, nbf, sub, aud, claims",
            "12:55: error: clients[2].credential needs one of apiKey or jwt",
        ])
    }

    @Test func retryAndRequestErrors() {
        let yaml = """
            clients:
              - name: a
                target: orders
                rate: 1/s
                retries: { attempts: 1.5, backoff: -1s, on: [tmeout, 600] }
                invalidCredentials: 150%
                requests:
                  - { weight: 0, method: "G T", path: api }
                  - { weigth: 1 }
                requests2: []
            """
        #expect(messages(yaml) == [
            "7:26: error: clients[0].retries.attempts must be a whole number, not '1.5'",
            "7:40: error: clients[0].retries.backoff must not be negative, not -1s",
            "7:50: error: clients[0].retries.on[0] must be 5xx, 4xx, timeout or a status code from 100 to 599, not 'tmeout'; did you mean 'timeout'?",
            "7:58: error: clients[0].retries.on[1] must be 5xx, 4xx, timeout or a status code from 100 to 599, not '600'",
            "8:25: error: clients[0].invalidCredentials must be between 0% and 100%, not 150%",
            "10:19: error: clients[0].requests[0].weight must be greater than 0, not 0",
            "10:30: error: clients[0].requests[0].method must be an HTTP method such as GET or POST, not 'G T'",
            "10:43: error: clients[0].requests[0].path must start with '/', not 'api'",
            "11:11: error: unknown key 'weigth' in clients[0].requests[1]; did you mean 'weight'?",
            "12:5: error: unknown key 'requests2' in clients[0]; did you mean 'requests'?",
        ])
    }
}
