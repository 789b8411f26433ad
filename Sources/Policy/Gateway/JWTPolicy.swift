import Scenario

/// Kong's `jwt` plugin (Kong 3.x `kong/plugins/jwt/handler.lua` and `jwt_parser.lua`), on an
/// already decoded token.
///
/// Checks in the handler's order: token present, `iss` not empty, `iss` known, signature,
/// then the registered claims listed in `claims_to_verify`. Kong compares claims with
/// `ngx.time()`, whole seconds, so `now` is floored to the second: `exp` fails when
/// exp ≤ now ("token expired"), `nbf` when nbf > now ("token not valid yet"), and a listed
/// claim that is absent fails with "must be a number". Kong's 401 body lists every failing
/// claim keyed by name; the verdict carries the first one in `claims_to_verify` order.
public struct JWTPolicy: Sendable {
    private let issuers: [String: String]
    private let claims: [JWTConfig.Claim]

    public init(_ config: JWTConfig) {
        issuers = config.issuers
        claims = config.claimsToVerify
    }

    public func authenticate(_ token: JWTToken?, now: Nanoseconds) -> AuthVerdict {
        guard let token else { return .rejected(status: 401, message: "Unauthorized") }
        guard !token.issuer.isEmpty else { return .rejected(status: 401, message: "Invalid 'iss' in claims") }
        guard let consumer = consumer(forIssuer: token.issuer) else {
            return .rejected(status: 401, message: "No credentials found for given 'iss'")
        }
        guard token.signatureValid else { return .rejected(status: 401, message: "Invalid signature") }
        if let failure = checkClaims(expiresAt: token.expiresAt, notBefore: token.notBefore, now: now) {
            return failure
        }
        return .authenticated(consumer: consumer, credential: token.issuer)
    }

    /// The consumer of a known, non-empty `iss`; the simulator looks it up once per client.
    public func consumer(forIssuer issuer: String) -> String? {
        issuers[issuer]
    }

    /// The `claims_to_verify` check alone, for the simulator to run per request; nil = pass.
    public func checkClaims(expiresAt: Int64?, notBefore: Int64?, now: Nanoseconds) -> AuthVerdict? {
        let seconds = RateLimitCalendar.floorDivide(now, RateLimitCalendar.second)
        for claim in claims {
            switch claim {
            case .exp:
                guard let expiresAt else { return .rejected(status: 401, message: "must be a number") }
                if expiresAt <= seconds { return .rejected(status: 401, message: "token expired") }
            case .nbf:
                guard let notBefore else { return .rejected(status: 401, message: "must be a number") }
                if notBefore > seconds { return .rejected(status: 401, message: "token not valid yet") }
            }
        }
        return nil
    }
}
