import Testing
@testable import Scenario

/// Input decides how deep the reader, the tree operations and the decoder recurse only up to
/// the documented limit of 100 levels, counted before recursing: each of these documents would
/// overflow the stack if the recursion followed it (issue 16).
struct NestingLimitTests {
    private func onlyError(_ text: String) -> Diagnostic? {
        let loaded = ScenarioLoader.load(text: text, file: "deep.yaml")
        return loaded.diagnostics.count == 1 ? loaded.diagnostics[0] : nil
    }

    private let tooDeep = "nesting is deeper than 100 levels"

    @Test func aFlowSequenceNested100000LevelsIsAnError() {
        let levels = 100_000
        let error = onlyError("name: " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels))
        // The root mapping is level 1 and its value's '[' level 2, so the 100th '[' is the first too many.
        #expect(error == .error(tooDeep, at: SourceLocation(file: "deep.yaml", line: 1, column: 7 + 99)))
    }

    @Test func aFlowMappingNested100000LevelsIsAnError() {
        let error = onlyError(String(repeating: "{a: ", count: 100_000))
        #expect(error?.message == tooDeep)
        #expect(error?.location.line == 1)
    }

    @Test func aBlockSequenceNested100000LevelsIsAnError() {
        let error = onlyError(String(repeating: "- ", count: 100_000) + "x")
        #expect(error?.message == tooDeep)
        #expect(error?.location.line == 1)
    }

    @Test func blockMappingsNestedBeyondTheLimitAreAnError() {
        let text = (0..<2_000).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n")
        let error = onlyError(text)
        #expect(error?.message == tooDeep)
    }

    @Test func anAliasMayNotCarryItsAnchorBelowTheLimit() {
        // Each anchor nests the previous one 90 levels deeper: 2,000 of them describe a tree
        // 180,000 levels deep in 400 KB.
        var lines = ["a0: &a0 x"]
        for index in 1..<2_000 {
            lines.append("a\(index): &a\(index) " + String(repeating: "[", count: 90) + "*a\(index - 1)" + String(repeating: "]", count: 90))
        }
        let error = onlyError(lines.joined(separator: "\n"))
        // a1 is 91 levels tall; its alias in a2 stands at level 92 (column 9 + 90).
        #expect(error == .error("\(tooDeep): '*a1' puts the 91 levels of '&a1' below level 92", at: SourceLocation(file: "deep.yaml", line: 3, column: 99)))
    }

    @Test func aliasesWithinTheLimitsStillWork() throws {
        let root = try YAMLParser.parse("a: &a [[1]]\nb: [[*a, *a]]", file: "t.yaml")
        guard case .mapping(let entries) = root.value, case .sequence(let outer) = entries[1].value.value,
              case .sequence(let inner) = outer[0].value
        else {
            Issue.record("b is not a list of lists")
            return
        }
        #expect(inner.map(\.value) == [entries[0].value.value, entries[0].value.value])
    }

    @Test func aliasesRepeatingMoreThanTheLimitAreAnError() throws {
        // Each list repeats the one before ten times: l0 has 11 nodes, l1 111, l2 1,111, l3 11,111.
        var lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
        for index in 1...4 {
            lines.append("l\(index): &l\(index) [" + Array(repeating: "*l\(index - 1)", count: 10).joined(separator: ", ") + "]")
        }
        // Up to l3 the aliases repeat 110 + 1,110 + 11,110 nodes: within the limit.
        _ = try YAMLParser.parse(lines[0...3].joined(separator: "\n"), file: "t.yaml")
        // l4 repeats 111,110 more.
        let error = onlyError(lines.joined(separator: "\n"))
        #expect(error?.message == "aliases repeat more than 100000 nodes in all; write the values out or use fewer aliases")
        #expect(error?.location.line == 5)
    }
}
