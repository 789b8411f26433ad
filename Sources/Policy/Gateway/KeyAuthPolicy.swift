import Scenario

/// Kong's `key-auth` plugin (Kong 3.x `kong/plugins/key-auth/handler.lua`), reading keys from
/// headers only (meshsim models no query strings or bodies).
///
/// The key names are tried in the order listed; the first one present gives the key. A name
/// present more than once is Kong's "Duplicate API key found"; an empty key counts as none.
public struct KeyAuthPolicy: Sendable {
    private let keyNames: [String]
    private let consumers: [String: String]

    public init(_ config: KeyAuthConfig) {
        keyNames = config.keyNames.map { $0.lowercased() }
        consumers = config.consumers
    }

    /// Reads the key from the first header named in `key_names` (header names are
    /// case-insensitive) and looks up its consumer.
    public func authenticate(headers: [Header]) -> AuthVerdict {
        var key: String?
        for name in keyNames {
            var found: String?
            for header in headers where Self.sameName(header.name, lowercased: name) {
                guard found == nil else { return .rejected(status: 401, message: "Duplicate API key found") }
                found = header.value
            }
            if found != nil {
                key = found
                break
            }
        }
        guard let key, !key.isEmpty else { return .rejected(status: 401, message: "No API key found in request") }
        guard let consumer = consumers[key] else { return .rejected(status: 401, message: "Unauthorized") }
        return .authenticated(consumer: consumer, credential: key)
    }

    /// ASCII case-insensitive comparison without allocating a lowered copy per request.
    private static func sameName(_ name: String, lowercased expected: String) -> Bool {
        var left = name.utf8.makeIterator()
        var right = expected.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case let (a?, b?):
                let folded = (a >= 0x41 && a <= 0x5A) ? a + 0x20 : a
                guard folded == b else { return false }
            default: return false
            }
        }
    }
}
