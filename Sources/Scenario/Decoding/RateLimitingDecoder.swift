/// Kong's `rate-limiting` config, with Kong's own schema checks.
enum RateLimitingDecoder {
    static func decode(_ config: MappingReader) -> RateLimitingConfig? {
        let context = config.context
        var limits: [PeriodLimit] = []
        for period in RateLimitingConfig.Period.allCases {
            if let limit = config.int(period.rawValue, 1...Int.max) {
                limits.append(PeriodLimit(period: period, limit: limit))
            }
        }
        let limitBy = config.choice("limit_by", RateLimitingConfig.LimitBy.self)
        let headerName = config.nonEmptyString("header_name")
        let path = config.read("path") { HTTPPaths.check($0, $1, config.values) }
        let policy = config.choice("policy", RateLimitingConfig.Policy.self)
        let hideClientHeaders = config.bool("hide_client_headers")
        config.finish(noEffect: ProductFields.rateLimitingNoEffect)

        let periods = RateLimitingConfig.Period.allCases.map(\.rawValue)
        guard periods.contains(where: config.has) else {
            context.error("\(config.path) needs at least one limit: \(periods.joined(separator: ", "))", at: config.location)
            return nil
        }
        // Kong rejects a longer period with a lower limit than a shorter one (equal is allowed).
        for (index, shorter) in limits.enumerated() {
            for longer in limits[(index + 1)...] where longer.limit < shorter.limit {
                context.error(
                    "\(config.path(longer.period.rawValue)) (\(longer.limit)) cannot be lower than \(config.path(shorter.period.rawValue)) (\(shorter.limit)): Kong requires limits that grow with the period",
                    at: config.location(of: longer.period.rawValue))
            }
        }
        if limitBy == .header, headerName == nil, !config.has("header_name") {
            context.error("\(config.path("header_name")) is required with limit_by: header", at: config.location(of: "limit_by"))
        }
        if limitBy == .path, path == nil, !config.has("path") {
            context.error("\(config.path("path")) is required with limit_by: path", at: config.location(of: "limit_by"))
        }
        guard limits.count == periods.filter(config.has).count else { return nil }
        return RateLimitingConfig(
            limits: limits, limitBy: limitBy ?? .consumer, headerName: headerName, path: path,
            policy: policy ?? .local, hideClientHeaders: hideClientHeaders ?? false
        )
    }
}
