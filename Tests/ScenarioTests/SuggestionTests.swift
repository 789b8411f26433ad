import Scenario
import Testing

/// "Did you mean": what counts as a typo, checked on edit distances worked out by hand.
@Suite struct SuggestionTests {
    @Test func oneOrTwoEditsSuggestTheIntendedName() {
        #expect(Suggestion.closest(to: "ordrs", among: ["inventory", "orders", "payments"]) == "orders")  // 1 deletion
        #expect(Suggestion.closest(to: "rat", among: ["rate", "users"]) == "rate")
        #expect(Suggestion.closest(to: "retires", among: ["timeout", "retries"]) == "retries")  // 1 swap
        #expect(Suggestion.closest(to: "v3", among: ["v1", "v2"]) == "v1")  // a tie: the first listed
    }

    @Test func longNamesAllowAThirdOfTheirLength() {
        // baseEjectTime → baseEjectionTime: 3 insertions, within 16 / 3 = 5.
        #expect(Suggestion.closest(to: "baseEjectTime", among: ["interval", "baseEjectionTime"]) == "baseEjectionTime")
    }

    @Test func unrelatedNamesGetNoSuggestion() {
        #expect(Suggestion.closest(to: "billing", among: ["orders", "payments"]) == nil)
        #expect(Suggestion.closest(to: "xyz", among: ["abc"]) == nil)
        #expect(Suggestion.closest(to: "abcde", among: ["abxyz"]) == nil)  // 3 substitutions on 5 letters
    }

    @Test func caseAndLeadingDashesAreIgnored() {
        #expect(Suggestion.closest(to: "roundrobin", among: ["RANDOM", "ROUND_ROBIN"]) == "ROUND_ROBIN")
        #expect(Suggestion.closest(to: "-seed", among: ["--out", "--seed"]) == "--seed")
    }

    @Test func aTieGoesToTheNameSharingMoreLettersInOrder() {
        // sed → seed (insert e) and sed → set (substitute t) are both 1 edit; seed keeps s, e, d.
        #expect(Suggestion.closest(to: "--sed", among: ["--set", "--seed"]) == "--seed")
    }

    @Test func theNameItselfIsNeverSuggested() {
        #expect(Suggestion.closest(to: "orders", among: ["orders"]) == nil)
    }

    @Test func hintListsTheChoicesWhenNothingIsClose() {
        #expect(Suggestion.hint(for: "exq", among: ["exp", "uniform"], listName: "known distributions") == "did you mean 'exp'?")
        #expect(Suggestion.hint(for: "zipf", among: ["exp", "uniform"], listName: "known distributions") == "known distributions: exp, uniform")
    }
}
