import Scenario

/// An Istio `StringMatch` compiled once, compared the way Envoy compares: byte for byte and
/// case-sensitive; a regex must match the whole value.
struct StringMatcher: Sendable {
    private enum Rule: Sendable {
        case exact(String)
        case prefix(String)
        case regex(CompiledRegex)
        /// Envoy would reject the pattern; a rule that cannot compile never matches here.
        case never
        case any
    }

    private let rule: Rule
    /// The pattern as written when it does not compile.
    let invalidPattern: String?

    /// `starMeansPresent`: Istio turns the header regex `*` (not valid RE2) into a presence
    /// match; it does so for headers and `method`, not for `uri`.
    init(_ match: StringMatch, starMeansPresent: Bool) {
        var invalid: String?
        switch match {
        case .exact(let value): rule = .exact(value)
        case .prefix(let value): rule = .prefix(value)
        case .present: rule = .any
        case .regex("*") where starMeansPresent: rule = .any
        case .regex(let pattern):
            // RE2 works on code points, not grapheme clusters.
            if let regex = try? Regex(pattern).matchingSemantics(.unicodeScalar) {
                rule = .regex(CompiledRegex(regex: regex))
            } else {
                rule = .never
                invalid = pattern
            }
        }
        invalidPattern = invalid
    }

    func matches(_ value: Substring) -> Bool {
        switch rule {
        case .exact(let expected): return value.utf8.elementsEqual(expected.utf8)
        case .prefix(let prefix): return value.utf8.starts(with: prefix.utf8)
        case .regex(let compiled): return value.wholeMatch(of: compiled.regex) != nil
        case .never: return false
        case .any: return true
        }
    }
}

/// `Regex<AnyRegexOutput>` is not `Sendable` only because its output type-erases captures.
/// The compiled program is immutable once built (its lazy lowering is made thread-safe by the
/// standard library), and only the whole-match result is used, never a capture.
private struct CompiledRegex: @unchecked Sendable {
    let regex: Regex<AnyRegexOutput>
}
