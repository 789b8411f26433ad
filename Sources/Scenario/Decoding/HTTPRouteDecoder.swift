/// `services.*.http`: an Istio VirtualService `http` list for the owning service's host.
enum HTTPRouteDecoder {
    /// The retry conditions Istio's validation accepts (Envoy's `x-envoy-retry-on` and
    /// `x-envoy-retry-grpc-on` policies); a status code is accepted as well.
    static let retryConditions = [
        "5xx", "gateway-error", "reset", "reset-before-request", "connect-failure", "retriable-4xx", "refused-stream",
        "retriable-status-codes", "retriable-headers", "envoy-ratelimited", "http3-post-connect-failure",
        "cancelled", "deadline-exceeded", "internal", "resource-exhausted", "unavailable",
    ]

    static func decodeList(_ node: YAMLNode, path: String, owner: String, context: DecodeContext) -> [HTTPRoute]? {
        ScenarioDecoder.list(node, path, ValueReader(context: context)) { item, itemPath, _ in
            route(item, path: itemPath, owner: owner, context: context)
        }
    }

    private static func route(_ node: YAMLNode, path: String, owner: String, context: DecodeContext) -> HTTPRoute? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let values = reader.values
        let name = reader.string("name")
        let match = reader.read("match") { node, path in
            ScenarioDecoder.list(node, path, values) { item, itemPath, _ in HTTPMatchDecoder.decode(item, path: itemPath, context: context) }
        }
        let destinations = reader.read("route", required: true) { node, path in
            ScenarioDecoder.nonEmptyList(node, path, values) { item, itemPath in
                routeDestination(item, path: itemPath, owner: owner, context: context)
            }
        }
        let timeout = reader.duration("timeout")
        let retries = reader.mapping("retries").flatMap(Self.retries)
        let fault = reader.mapping("fault").flatMap(HTTPFaultDecoder.decode)
        let mirror = reader.mapping("mirror").flatMap { decodeDestination($0, owner: owner) }
        var mirrorPercentage = reader.mapping("mirrorPercentage").flatMap(Self.percentage)
        // Istio's deprecated integer form of mirrorPercentage.
        if let deprecated = reader.int("mirrorPercent", 0...100), !reader.has("mirrorPercentage") {
            mirrorPercentage = Double(deprecated) / 100
        }
        reader.finish(noEffect: ProductFields.httpRouteNoEffect, notSimulated: ProductFields.httpRouteNotSimulated, product: "Istio")
        guard let destinations else { return nil }
        return HTTPRoute(
            name: name, match: match ?? [], route: destinations, timeout: timeout, retries: retries, fault: fault,
            mirror: mirror, mirrorPercentage: mirrorPercentage, location: node.location
        )
    }

    private static func routeDestination(_ node: YAMLNode, path: String, owner: String, context: DecodeContext) -> RouteDestination? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let destination = reader.mapping("destination", required: true).flatMap { decodeDestination($0, owner: owner) }
        let weight = reader.int("weight", 0...100)
        reader.finish(noEffect: ProductFields.routeDestinationNoEffect)
        return destination.map { RouteDestination(destination: $0, weight: weight, location: node.location) }
    }

    /// `host` defaults to the service that owns the route.
    static func decodeDestination(_ reader: MappingReader, owner: String) -> Destination? {
        let host = reader.nonEmptyString("host")
        let subset = reader.nonEmptyString("subset")
        reader.finish(noEffect: ProductFields.destinationNoEffect)
        if reader.has("host"), host == nil { return nil }
        return Destination(host: host ?? owner, subset: subset)
    }

    /// Istio's `Percent { value }`, 0–100, as a fraction.
    static func percentage(_ reader: MappingReader) -> Double? {
        let value = reader.number("value", 0...100)
        reader.finish()
        return (value ?? 0) / 100
    }

    private static func retries(_ reader: MappingReader) -> HTTPRetry? {
        // Istio: attempts left out (0) means no retries at all.
        let attempts = reader.int("attempts", 0...Int(Int32.max))
        let perTryTimeout = reader.duration("perTryTimeout", .positive)
        let retryOn = reader.read("retryOn") { node, path -> String? in
            guard let text = reader.values.string(node, path) else { return nil }
            for condition in text.split(separator: ",", omittingEmptySubsequences: false).map(\.trimmedSpaces) {
                if retryConditions.contains(condition) { continue }
                if let status = Int(condition), (100...599).contains(status) { continue }
                let hint = reader.values.suggestionSuffix(condition, retryConditions)
                reader.values.fail(path, "has an unknown retry condition '\(condition)'\(hint)", at: node)
                return nil
            }
            return text
        }
        reader.finish(noEffect: ProductFields.retryNoEffect)
        return HTTPRetry(attempts: attempts ?? 0, perTryTimeout: perTryTimeout, retryOn: retryOn, location: reader.location)
    }
}
