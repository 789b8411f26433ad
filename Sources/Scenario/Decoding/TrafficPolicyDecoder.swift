/// `services.*.trafficPolicy`: an Istio DestinationRule `trafficPolicy`.
///
/// Values are kept as written (Istio's defaults are the policy engine's business), except where
/// Istio itself reads a value differently from how it is written: a connection-pool limit or a
/// `maxEjectionPercent` of 0 means "Istio's default" (proto3 cannot tell 0 from unset), and the
/// deprecated `consecutiveErrors` counts gateway errors only.
enum TrafficPolicyDecoder {
    static func decode(_ node: YAMLNode, path: String, context: DecodeContext) -> TrafficPolicy? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let balancing = reader.mapping("loadBalancer").map(Self.loadBalancer)
        let connectionPool = reader.mapping("connectionPool").flatMap(Self.connectionPool)
        let outlierDetection = reader.mapping("outlierDetection").flatMap(Self.outlierDetection)
        reader.finish(noEffect: ProductFields.trafficPolicyNoEffect)
        return TrafficPolicy(
            loadBalancer: balancing?.simple, connectionPool: connectionPool, outlierDetection: outlierDetection,
            localityLbSetting: balancing?.locality, location: node.location
        )
    }

    private static func loadBalancer(_ reader: MappingReader) -> (simple: TrafficPolicy.LoadBalancer?, locality: LocalityLbSetting?) {
        let simple = reader.read("simple") { node, path -> TrafficPolicy.LoadBalancer?? in
            // LEAST_CONN is Istio's deprecated name for LEAST_REQUEST; UNSPECIFIED leaves Istio's default.
            let choices = ["ROUND_ROBIN", "LEAST_REQUEST", "RANDOM", "LEAST_CONN", "UNSPECIFIED", "PASSTHROUGH"]
            switch reader.values.choice(node, path, choices) {
            case "ROUND_ROBIN": return .some(.roundRobin)
            case "LEAST_REQUEST", "LEAST_CONN": return .some(.leastRequest)
            case "RANDOM": return .some(.random)
            case "UNSPECIFIED": return .some(nil)
            case "PASSTHROUGH":
                reader.values.fail(path, "PASSTHROUGH is not simulated (meshsim has no original destinations)", at: node)
                return nil
            default: return nil
            }
        }
        let hash = reader.mapping("consistentHash").flatMap { hash -> TrafficPolicy.LoadBalancer? in
            // A cookie or source-ip hash is reported as not simulated; it needs no header besides.
            let other = hash.keys.contains(where: ProductFields.consistentHashNotSimulated.contains)
            let header = hash.nonEmptyString("httpHeaderName", required: !other)
            hash.finish(noEffect: ProductFields.consistentHashNoEffect, notSimulated: ProductFields.consistentHashNotSimulated, product: "Istio")
            return header.map(TrafficPolicy.LoadBalancer.consistentHashHeader)
        }
        let locality = reader.mapping("localityLbSetting").flatMap(LocalityLbSettingDecoder.decode)
        reader.finish(noEffect: ProductFields.loadBalancerNoEffect)
        if reader.has("simple"), reader.has("consistentHash") {
            reader.context.error("\(reader.path) must have only one of simple or consistentHash", at: reader.location)
            return (nil, locality)
        }
        return (hash ?? simple ?? nil, locality)
    }

    private static func connectionPool(_ reader: MappingReader) -> ConnectionPool? {
        let tcp = reader.mapping("tcp")
        let maxConnections = tcp.flatMap { limit($0, "maxConnections") }
        tcp?.finish(noEffect: ProductFields.tcpPoolNoEffect)
        let http = reader.mapping("http")
        let pending = http.flatMap { limit($0, "http1MaxPendingRequests") }
        let requests = http.flatMap { limit($0, "http2MaxRequests") }
        let retries = http.flatMap { limit($0, "maxRetries") }
        http?.finish(noEffect: ProductFields.httpPoolNoEffect)
        reader.finish()
        return ConnectionPool(
            maxConnections: maxConnections, http1MaxPendingRequests: pending, http2MaxRequests: requests, maxRetries: retries
        )
    }

    /// A connection-pool limit; 0 is Istio's "unset" and reads as nil.
    private static func limit(_ reader: MappingReader, _ key: String) -> Int? {
        reader.int(key, 0...Int(Int32.max)).flatMap { $0 == 0 ? nil : $0 }
    }

    private static func outlierDetection(_ reader: MappingReader) -> OutlierDetection? {
        var consecutive5xx = reader.int("consecutive5xxErrors", 0...Int(UInt32.max))
        var consecutiveGateway = reader.int("consecutiveGatewayErrors", 0...Int(UInt32.max))
        if let deprecated = reader.int("consecutiveErrors", 0...Int(Int32.max)), deprecated > 0 {
            // Istio maps it to Envoy's gateway-failure detector and turns 5xx detection off; the
            // explicit fields, when written, win (Istio applies them after it).
            consecutiveGateway = consecutiveGateway ?? deprecated
            consecutive5xx = consecutive5xx ?? 0
            reader.context.warning(
                "\(reader.path("consecutiveErrors")) is deprecated: Istio reads it as consecutiveGatewayErrors (502, 503, 504 only) with consecutive5xxErrors off",
                at: reader.location(of: "consecutiveErrors"))
        }
        let interval = reader.duration("interval", .atLeast(1_000_000))
        let baseEjectionTime = reader.duration("baseEjectionTime", .positive)
        let maxEjectionPercent = reader.int("maxEjectionPercent", 0...100).flatMap { $0 == 0 ? nil : $0 }
        let minHealthPercent = reader.int("minHealthPercent", 0...100)
        reader.finish(noEffect: ProductFields.outlierDetectionNoEffect)
        return OutlierDetection(
            consecutive5xxErrors: consecutive5xx, consecutiveGatewayErrors: consecutiveGateway, interval: interval,
            baseEjectionTime: baseEjectionTime, maxEjectionPercent: maxEjectionPercent,
            minHealthPercent: minHealthPercent, location: reader.location
        )
    }
}
