import Policy
import Scenario
import Testing

/// Kong 3.x jwt (`kong/plugins/jwt/handler.lua`, `jwt_parser.lua`): check order, messages,
/// and the registered-claims comparisons against whole seconds.
@Suite struct JWTPolicyTests {
    let second: Nanoseconds = 1_000_000_000
    let verifying = JWTPolicy(JWTConfig(claimsToVerify: [.exp, .nbf], issuers: ["issuer-a": "web-app"]))
    let trusting = JWTPolicy(JWTConfig(issuers: ["issuer-a": "web-app"]))

    @Test func noTokenIsAnswered401Unauthorized() {
        #expect(verifying.authenticate(nil, now: 0) == .rejected(status: 401, message: "Unauthorized"))
    }

    @Test func anUnknownIssuerIsAnswered401NoCredentialsFoundForGivenIss() {
        let token = JWTToken(issuer: "issuer-z", signatureValid: false)
        #expect(verifying.authenticate(token, now: 0) == .rejected(status: 401, message: "No credentials found for given 'iss'"))
        #expect(verifying.consumer(forIssuer: "issuer-z") == nil)
    }

    @Test func anEmptyIssuerIsAnswered401InvalidIssInClaims() {
        #expect(verifying.authenticate(JWTToken(issuer: ""), now: 0) == .rejected(status: 401, message: "Invalid 'iss' in claims"))
    }

    @Test func aBadSignatureIsAnswered401InvalidSignatureBeforeClaimsAreChecked() {
        let expired = JWTToken(issuer: "issuer-a", expiresAt: -5, signatureValid: false)
        #expect(verifying.authenticate(expired, now: 0) == .rejected(status: 401, message: "Invalid signature"))
    }

    @Test func aValidTokenIdentifiesTheConsumerOfItsIssuer() {
        let token = JWTToken(issuer: "issuer-a", expiresAt: 3_600, notBefore: 0)
        #expect(verifying.authenticate(token, now: 10 * second) == .authenticated(consumer: "web-app", credential: "issuer-a"))
        #expect(verifying.consumer(forIssuer: "issuer-a") == "web-app")
    }

    @Test func expFailsWhenExpIsAtOrBeforeNowInWholeSeconds() {
        let expired = AuthVerdict.rejected(status: 401, message: "token expired")
        #expect(verifying.checkClaims(expiresAt: 10, notBefore: 0, now: 10 * second) == expired)
        #expect(verifying.checkClaims(expiresAt: 9, notBefore: 0, now: 10 * second) == expired)
        // now = 10.999 s is second 10 for Kong's ngx.time(): exp 11 (in 1 s) still passes.
        #expect(verifying.checkClaims(expiresAt: 11, notBefore: 0, now: 10 * second + 999_999_999) == nil)
        #expect(verifying.checkClaims(expiresAt: 11, notBefore: 0, now: 11 * second) == expired)
    }

    @Test func nbfFailsOnlyWhenNbfIsAfterNow() {
        let early = AuthVerdict.rejected(status: 401, message: "token not valid yet")
        #expect(verifying.checkClaims(expiresAt: 100, notBefore: 11, now: 10 * second + 900_000_000) == early)
        #expect(verifying.checkClaims(expiresAt: 100, notBefore: 10, now: 10 * second) == nil)
    }

    @Test func claimsAreNotCheckedUnlessListed() {
        let expiredAndEarly = JWTToken(issuer: "issuer-a", expiresAt: 1, notBefore: 1_000)
        #expect(trusting.authenticate(expiredAndEarly, now: 500 * second) == .authenticated(consumer: "web-app", credential: "issuer-a"))
        let expOnly = JWTPolicy(JWTConfig(claimsToVerify: [.exp], issuers: ["issuer-a": "web-app"]))
        #expect(expOnly.checkClaims(expiresAt: 600, notBefore: 1_000, now: 500 * second) == nil)
        #expect(expOnly.checkClaims(expiresAt: 1, notBefore: nil, now: 500 * second) == .rejected(status: 401, message: "token expired"))
    }

    @Test func aListedClaimThatIsAbsentFailsWithKongsMustBeANumber() {
        #expect(verifying.authenticate(JWTToken(issuer: "issuer-a", notBefore: 0), now: 0)
            == .rejected(status: 401, message: "must be a number"))
    }

    @Test func whenSeveralClaimsFailTheFirstListedIsReported() {
        let nbfFirst = JWTPolicy(JWTConfig(claimsToVerify: [.nbf, .exp], issuers: ["issuer-a": "web-app"]))
        #expect(nbfFirst.checkClaims(expiresAt: 1, notBefore: 100, now: 50 * second) == .rejected(status: 401, message: "token not valid yet"))
        #expect(verifying.checkClaims(expiresAt: 1, notBefore: 100, now: 50 * second) == .rejected(status: 401, message: "token expired"))
    }
}
