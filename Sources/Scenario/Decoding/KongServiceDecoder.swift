/// `gateway.services`: SERVICE → the fields of Kong's service object that shape the gateway's
/// calls (kong/db/schema/entities/services.lua): `retries` 0 … 32767 (default 5), and the
/// three timeouts in milliseconds 1 … 2^31 − 2 (default 60000).
enum KongServiceDecoder {
    /// Where and how Kong connects: the scenario's service and its instances say that.
    static let noEffect = [
        "name", "id", "tags", "host", "port", "protocol", "path", "url", "client_certificate", "tls_verify",
        "tls_verify_depth", "ca_certificates", "enabled", "created_at", "updated_at",
    ]

    static func decode(_ node: YAMLNode, path: String, context: DecodeContext) -> [KongServiceSettings]? {
        let values = ValueReader(context: context)
        guard let entries = values.entries(node, path) else { return nil }
        let services = entries.map { entry -> KongServiceSettings? in
            guard let reader = MappingReader(entry.value, path: "\(path).\(entry.key)", context: context) else { return nil }
            let timeouts = 1...2_147_483_646
            let retries = reader.int("retries", 0...32_767)
            let connect = reader.int("connect_timeout", timeouts)
            let read = reader.int("read_timeout", timeouts)
            let write = reader.int("write_timeout", timeouts)
            reader.finish(noEffect: noEffect, product: "Kong")
            let milliseconds: Nanoseconds = 1_000_000
            return KongServiceSettings(
                service: entry.key, retries: retries ?? 5, connectTimeout: Nanoseconds(connect ?? 60_000) * milliseconds,
                readTimeout: Nanoseconds(read ?? 60_000) * milliseconds, writeTimeout: Nanoseconds(write ?? 60_000) * milliseconds,
                location: entry.value.location)
        }
        return services.contains(nil) ? nil : services.compactMap { $0 }
    }
}
