import Policy
import Scenario
import Testing

/// Kong 3.x key-auth (`kong/plugins/key-auth/handler.lua`): messages and header look-up.
@Suite struct KeyAuthPolicyTests {
    let policy = KeyAuthPolicy(KeyAuthConfig(consumers: ["k-web": "web-app", "k-partner": "partner"]))

    @Test func aRequestWithoutAKeyIsAnswered401NoAPIKeyFoundInRequest() {
        #expect(policy.authenticate(headers: []) == .rejected(status: 401, message: "No API key found in request"))
        #expect(policy.authenticate(headers: [Header(name: "x-other", value: "k-web")])
            == .rejected(status: 401, message: "No API key found in request"))
    }

    @Test func anEmptyKeyCountsAsNoKey() {
        #expect(policy.authenticate(headers: [Header(name: "apikey", value: "")])
            == .rejected(status: 401, message: "No API key found in request"))
    }

    @Test func anUnknownKeyIsAnswered401UnauthorizedAsKong3Does() {
        #expect(policy.authenticate(headers: [Header(name: "apikey", value: "k-stolen")])
            == .rejected(status: 401, message: "Unauthorized"))
    }

    @Test func aKnownKeyIdentifiesItsConsumerAndIsTheCredential() {
        #expect(policy.authenticate(headers: [Header(name: "apikey", value: "k-partner")])
            == .authenticated(consumer: "partner", credential: "k-partner"))
    }

    @Test func headerNamesMatchWhateverTheirCase() {
        #expect(policy.authenticate(headers: [Header(name: "ApiKey", value: "k-web")])
            == .authenticated(consumer: "web-app", credential: "k-web"))
        let upperConfigured = KeyAuthPolicy(KeyAuthConfig(keyNames: ["X-API-Key"], consumers: ["k": "c"]))
        #expect(upperConfigured.authenticate(headers: [Header(name: "x-api-key", value: "k")])
            == .authenticated(consumer: "c", credential: "k"))
    }

    @Test func keyNamesAreTriedInTheOrderListedAndTheFirstPresentWins() {
        let twoNames = KeyAuthPolicy(KeyAuthConfig(keyNames: ["apikey", "x-key"], consumers: ["a": "alice", "b": "bob"]))
        #expect(twoNames.authenticate(headers: [Header(name: "x-key", value: "b"), Header(name: "apikey", value: "a")])
            == .authenticated(consumer: "alice", credential: "a"))
        #expect(twoNames.authenticate(headers: [Header(name: "x-key", value: "b")])
            == .authenticated(consumer: "bob", credential: "b"))
        // The first present name decides, even when its key is unknown and a later one is good.
        #expect(twoNames.authenticate(headers: [Header(name: "apikey", value: "nope"), Header(name: "x-key", value: "b")])
            == .rejected(status: 401, message: "Unauthorized"))
    }

    @Test func theSameKeyHeaderTwiceIsAnswered401DuplicateAPIKeyFound() {
        #expect(policy.authenticate(headers: [Header(name: "apikey", value: "k-web"), Header(name: "APIKEY", value: "k-web")])
            == .rejected(status: 401, message: "Duplicate API key found"))
    }
}
