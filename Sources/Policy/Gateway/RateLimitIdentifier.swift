import Scenario

/// The identifier Kong's rate-limiting counts a request under, for its `limit_by`. When the
/// identifier is missing (no authenticated consumer, no such header, another path) Kong
/// falls back to the client address.
public enum RateLimitIdentifier {
    /// A stable name for the identity; the caller interns names into small integers.
    public static func name(
        _ config: RateLimitingConfig, address: String, path: String, headers: [Header], service: String,
        consumer: String?, credential: String?
    ) -> String {
        let ip = "ip:\(address)"
        switch config.limitBy {
        case .consumer: return consumer.map { "consumer:\($0)" } ?? ip
        case .credential: return credential.map { "credential:\($0)" } ?? ip
        case .ip: return ip
        case .service: return "service:\(service)"
        case .header:
            let name = config.headerName?.lowercased()
            return headers.first { $0.name.lowercased() == name }.map { "header:\($0.value)" } ?? ip
        // Kong counts by path only for requests whose path is exactly the configured one.
        case .path: return path == config.path ? "path:\(path)" : ip
        }
    }

    /// The source address of a client's n-th address, as meshsim names it.
    public static func address(client: String, index: Int) -> String {
        "\(client)/\(index)"
    }
}
