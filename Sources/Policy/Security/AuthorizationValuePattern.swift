/// One value of an AuthorizationPolicy field in Istio's string forms: exact `abc`, prefix
/// `abc*`, suffix `*abc`, presence `*` (authorization.proto `Rule`). Compared byte for byte,
/// case-sensitive unless told, as Envoy's StringMatcher and HeaderMatcher do
/// (pilot/pkg/security/authz/matcher/string.go, header.go).
struct AuthorizationValuePattern: Sendable {
    private enum Form: Sendable {
        case exact(String)
        case prefix(String)
        case suffix(String)
        case nonEmpty
    }

    private let form: Form
    private let ignoreCase: Bool

    /// `ignoreCase`: `hosts` and `notHosts` (Istio's HostMatcher).
    init(_ written: String, ignoreCase: Bool = false) {
        self.ignoreCase = ignoreCase
        let pattern = ignoreCase ? written.lowercased() : written
        // `*` is checked first: Istio turns it into the regex `.+`, not an empty prefix.
        if pattern == "*" {
            form = .nonEmpty
        } else if pattern.hasPrefix("*") {
            form = .suffix(String(pattern.dropFirst()))
        } else if pattern.hasSuffix("*") {
            form = .prefix(String(pattern.dropLast()))
        } else {
            form = .exact(pattern)
        }
    }

    /// A string field (principals, methods, paths, claims...). `*` needs a non-empty value.
    func matches(_ value: String) -> Bool {
        let value = ignoreCase ? value.lowercased() : value
        switch form {
        case .exact(let expected): return value.utf8.elementsEqual(expected.utf8)
        case .prefix(let prefix): return value.utf8.starts(with: prefix.utf8)
        case .suffix(let suffix): return value.utf8.reversed().starts(with: suffix.utf8.reversed())
        case .nonEmpty: return !value.isEmpty
        }
    }

    /// A header (or `:method`, `:authority`): `*` is Envoy's present match, so a header sent
    /// empty still matches it; a header not sent matches nothing.
    func matchesHeader(_ value: String?) -> Bool {
        guard let value else { return false }
        if case .nonEmpty = form { return true }
        return matches(value)
    }
}
