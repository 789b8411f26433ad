/// The identity fields of an AuthorizationPolicy as Istio compiles them
/// (pilot/pkg/security/authz/model/generator.go): each compares the peer's SPIFFE id or the
/// JWT's `iss`/`sub`, and a request without one (plaintext, no token) matches no value.
enum IdentityPatterns {
    /// `principals`, `source.principal`: Istio prefixes every value with `spiffe://`, so a
    /// value written with `spiffe://` is compared as `spiffe://spiffe://...` and never matches.
    static func principal(_ pattern: String, _ principal: String?) -> Bool {
        guard let principal else { return false }
        return AuthorizationValuePattern(pattern).matches(principal)
    }

    /// `namespaces`, `source.namespace`: the regex `.*/ns/NS/.*` over the SPIFFE id, each `*`
    /// of the value becoming `.*`.
    static func namespace(_ pattern: String, _ principal: String?) -> Bool {
        guard let principal else { return false }
        return glob("*/ns/\(pattern)/*", matches: "spiffe://\(principal)")
    }

    /// `source.serviceAccount`: `NS/SA`, or `SA` in the policy's namespace
    /// (`spiffe://.+/ns/NS/(.+/|)sa/SA(/.+)?`; no wildcard).
    static func serviceAccount(_ value: String, _ principal: String?, policyNamespace: String) -> Bool {
        guard let principal else { return false }
        let parts = value.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let namespace = parts.count == 2 ? String(parts[0]) : policyNamespace
        let account = parts.count == 2 ? String(parts[1]) : value
        let components = principal.split(separator: "/", omittingEmptySubsequences: false)
        guard components.count >= 5, !components[0].isEmpty, components[1] == "ns", components[2] == namespace else { return false }
        return components[3...].indices.contains { index in
            components[index] == "sa" && index + 1 < components.count && components[index + 1] == account
        }
    }

    /// `source.trustDomain`: `*` any peer; `td` the SPIFFE id's first part; one `*` inside
    /// stands for characters other than `/`.
    static func trustDomain(_ pattern: String, _ principal: String?) -> Bool {
        guard let principal else { return false }
        let domain = principal.prefix { $0 != "/" }
        guard principal.count > domain.count else { return false }
        if pattern == "*" { return true }
        guard let star = pattern.firstIndex(of: "*") else { return domain == pattern }
        let head = pattern[..<star], tail = pattern[pattern.index(after: star)...]
        return domain.count >= head.count + tail.count && domain.hasPrefix(head) && domain.hasSuffix(tail)
    }

    /// `requestPrincipals`, `request.auth.principal`: `ISS/SUB` split at the last `/`, `iss`
    /// and `sub` compared apart (requestPrincipalGenerator).
    static func requestPrincipal(_ pattern: String, issuer: String, subject: String) -> Bool {
        let anyValue: (String) -> Bool = { !$0.isEmpty }
        let slash = pattern.lastIndex(of: "/")
        let iss = slash.map { String(pattern[..<$0]) } ?? pattern
        let sub = slash.map { String(pattern[pattern.index(after: $0)...]) } ?? ""
        let matchIssuer: (String) -> Bool
        let matchSubject: (String) -> Bool
        if pattern == "*" {
            (matchIssuer, matchSubject) = (anyValue, anyValue)
        } else if pattern.hasPrefix("*") {
            if slash != nil {
                matchIssuer = iss == "*" ? anyValue : { $0.hasSuffix(iss.dropFirst()) }
                matchSubject = { $0 == sub }
            } else {
                matchIssuer = anyValue
                matchSubject = { $0.hasSuffix(pattern.dropFirst()) }
            }
        } else if pattern.hasSuffix("*") {
            if slash != nil {
                matchIssuer = { $0 == iss }
                matchSubject = sub == "*" ? anyValue : { $0.hasPrefix(sub.dropLast()) }
            } else {
                matchIssuer = { $0.hasPrefix(pattern.dropLast()) }
                matchSubject = anyValue
            }
        } else {
            (matchIssuer, matchSubject) = ({ $0 == iss }, { $0 == sub })
        }
        return matchIssuer(issuer) && matchSubject(subject)
    }

    /// `*` matches any run of characters (the whole string must match).
    static func glob(_ pattern: String, matches value: String) -> Bool {
        let pattern = Array(pattern.utf8), value = Array(value.utf8)
        var p = 0, v = 0
        var star: Int?, resume = 0
        while v < value.count {
            if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
                star = p
                resume = v
                p += 1
            } else if p < pattern.count, pattern[p] == value[v] {
                p += 1
                v += 1
            } else if let starAt = star {
                p = starAt + 1
                resume += 1
                v = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
