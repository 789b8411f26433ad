@testable import Scenario
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

/// Suggestions stay the same on ordinary input and stay cheap on hostile input (issue 16).
@Suite struct SuggestionScaleTests {
    @Test func aWholeWordAtEitherEndIsSuggestedWhenNothingIsCloser() {
        // backend → backend-service is 8 insertions, beyond the limit of 15 / 3 = 5.
        #expect(Suggestion.closest(to: "backend", among: ["frontend-service", "backend-service"]) == "backend-service")
        #expect(Suggestion.closest(to: "orders", among: ["shop.orders", "payments"]) == "shop.orders")
        // A close spelling wins over a whole word; a word inside a name is not a whole word at an end.
        #expect(Suggestion.closest(to: "backend", among: ["backend-service", "backends"]) == "backends")
        #expect(Suggestion.closest(to: "end", among: ["backend-service"]) == nil)
    }

    @Test func theMisspeltNameIsFoundAmongThousands() {
        let names = (0..<2_000).map { "service-\(String(1_000 + $0).dropFirst())" }
        // servce-234 → service-234: 1 insertion; every other name differs in a digit too.
        #expect(Suggestion.closest(to: "servce-234", among: names) == "service-234")
        #expect(Suggestion.closest(to: "database", among: names) == nil)
    }

    @Test func theLimitIsInclusiveAndNotMoreThanThatIsAccepted() {
        // 6 letters allow 2 edits: abcxyf is 2 substitutions away, abxyzf 3.
        #expect(Suggestion.closest(to: "abcdef", among: ["abxyzf", "abcxyf"]) == "abcxyf")
        #expect(Suggestion.closest(to: "abcdef", among: ["abxyzf"]) == nil)
        // A swap of neighbours is 1 edit even when a common prefix and suffix are left out.
        #expect(Suggestion.closest(to: "service-oredrs-v1", among: ["service-orders-v1"]) == "service-orders-v1")
    }

    @Test func aHugeWordIsNeverTakenForATypo() {
        let huge = String(repeating: "k", count: 4_000)
        #expect(Suggestion.closest(to: huge, among: [huge + "s", "kind"]) == nil)
    }
}

/// With no close name, a message lists a few of the names, not thousands (issue 16).
@Suite struct NameListingTests {
    private let services = (1...2_000).map { "svc\($0)" }

    @Test func aShortListIsShownWhole() {
        #expect(Suggestion.listing(Array(services.prefix(10))) == "svc1, svc2, svc3, svc4, svc5, svc6, svc7, svc8, svc9, svc10")
        #expect(Suggestion.listing([]) == "")
    }

    @Test func aLongListShowsItsFirstTenNamesInOrderAndHowManyMore() {
        #expect(Suggestion.listing(services) == "svc1, svc2, svc3, svc4, svc5, svc6, svc7, svc8, svc9, svc10 and 1,990 more")
        #expect(Suggestion.listing(Array(services.prefix(11))) == "svc1, svc2, svc3, svc4, svc5, svc6, svc7, svc8, svc9, svc10 and 1 more")
    }

    @Test func anUnknownServiceAmongThousandsNamesTenOfThem() {
        #expect(NameIndex.unknown("service", "billing", among: services)
            == "no service named \"billing\" (services: svc1, svc2, svc3, svc4, svc5, svc6, svc7, svc8, svc9, svc10 and 1,990 more)")
    }

    @Test func aHugeNameIsQuotedByItsStart() {
        let huge = String(repeating: "x", count: 100)
        #expect(Suggestion.listing([huge, "b"]) == String(repeating: "x", count: 40) + "… (100 characters), b")
    }
}
