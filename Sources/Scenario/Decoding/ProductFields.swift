/// Real fields of Kong, Envoy, Istio, Flagger and Argo Rollouts that meshsim reads but does not decode.
///
/// `noEffect` fields are accepted with a warning so that configs can be pasted whole: they configure
/// things a simulation has no counterpart for (storage, TLS, connection handling, notifications,
/// response decoration). `notSimulated` fields are rejected: they would change which requests
/// match or how they are answered, and ignoring them would silently change the outcome.
enum ProductFields {
    // MARK: Kong (gateway)

    /// A plugin entry beside `name` and `config`.
    static let pluginNoEffect = ["protocols", "tags", "instance_name", "id"]
    /// Plugin scoping and ordering; meshsim scopes plugins by where they are written.
    static let pluginNotSimulated = ["service", "route", "consumer", "consumer_group", "ordering"]

    /// key-auth: where else the key may be read (meshsim clients send it in a header), and what
    /// happens to it after authentication.
    static let keyAuthNoEffect = [
        "key_in_header", "key_in_query", "key_in_body", "hide_credentials", "anonymous", "run_on_preflight", "realm",
    ]

    /// jwt: where the token is read from and how its secret is stored; meshsim clients send signed
    /// tokens in the Authorization header.
    static let jwtNoEffect = [
        "uri_param_names", "cookie_names", "header_names", "key_claim_name", "secret_is_base64", "anonymous",
        "run_on_preflight", "maximum_expiration", "realm",
    ]

    /// rate-limiting: the counter store's connection (meshsim keeps exact counters for every policy)
    /// and the rejection's body. `hide_client_headers` does have an effect and is decoded.
    static let rateLimitingNoEffect = [
        "redis", "redis_host", "redis_port", "redis_password", "redis_username", "redis_ssl", "redis_ssl_verify",
        "redis_server_name", "redis_timeout", "redis_database", "fault_tolerant", "sync_rate", "error_code",
        "error_message",
    ]

    /// proxy-cache: the diagnostic headers (Age, X-Cache-Status, X-Cache-Key) it adds to answers.
    static let proxyCacheNoEffect = ["response_headers"]

    /// Envoy local rate limit: statistics and header decoration.
    static let localRateLimitNoEffect = [
        "stat_prefix", "response_headers_to_add", "request_headers_to_add_when_not_enforced",
        "enable_x_ratelimit_headers",
    ]
    static let localRateLimitNotSimulated = [
        "descriptors", "filter_enabled", "filter_enforced", "status", "local_rate_limit_per_downstream_connection",
    ]

    /// A Kong route: request rewriting and protocol handling.
    static let routeNoEffect = [
        "strip_path", "preserve_host", "protocols", "https_redirect_status_code", "request_buffering",
        "response_buffering", "path_handling", "regex_priority", "tags",
    ]
    static let routeNotSimulated = ["hosts", "snis", "sources", "destinations"]

    // MARK: Istio (DestinationRule trafficPolicy)

    static let trafficPolicyNoEffect = ["tls", "portLevelSettings", "tunnel", "proxyProtocol"]
    /// Localities and slow start: every simulated host is in one locality and starts warm.
    static let loadBalancerNoEffect = ["warmupDurationSecs", "warmup"]
    /// Ring sizes change which host a key maps to, not how keys spread; meshsim's ring is fixed.
    static let consistentHashNoEffect = ["minimumRingSize", "ringHash", "maglev"]
    static let consistentHashNotSimulated = ["httpCookie", "useSourceIp", "httpQueryParameterName"]
    /// TCP connection handling: simulated connections open instantly and never idle out.
    static let tcpPoolNoEffect = ["connectTimeout", "tcpKeepalive", "maxConnectionDuration", "idleTimeout"]
    static let httpPoolNoEffect = [
        "h2UpgradePolicy", "idleTimeout", "maxRequestsPerConnection", "useClientProtocol", "maxConcurrentStreams",
    ]
    /// Local-origin errors are connect failures, which meshsim always counts as 503s.
    static let outlierDetectionNoEffect = ["splitExternalLocalOriginErrors", "consecutiveLocalOriginFailures"]

    // MARK: Istio (VirtualService http)

    /// Response and request decoration; `redirect` answers are not simulated, so the route is used.
    static let httpRouteNoEffect = ["corsPolicy", "headers", "rewrite", "redirect"]
    static let httpRouteNotSimulated = ["directResponse", "delegate", "mirrors"]
    static let matchNoEffect = ["name", "statPrefix"]
    static let matchNotSimulated = [
        "queryParams", "withoutHeaders", "ignoreUriCase", "scheme", "authority", "port", "sourceLabels",
        "gateways", "sourceNamespace",
    ]
    static let routeDestinationNoEffect = ["headers"]
    static let destinationNoEffect = ["port"]
    static let retryNoEffect = ["retryRemoteLocalities"]
    static let delayNotSimulated = ["exponentialDelay"]
    static let abortNotSimulated = ["grpcStatus", "http2Error"]

    // MARK: Flagger and Argo Rollouts

    /// Hooks, alerts, A/B matching and readiness gates: meshsim's canary is always ready and
    /// progresses by weight only.
    static let analysisNoEffect = [
        "webhooks", "iterations", "mirror", "mirrorWeight", "match", "sessionAffinity", "primaryReadyThreshold",
        "canaryReadyThreshold", "alerts", "stepWeightPromotion",
    ]
    /// Metrics are measured over each analysis interval.
    static let metricNoEffect = ["interval"]
    static let metricNotSimulated = ["templateRef", "query", "templateVariables"]
    static let argoStepNotSimulated = [
        "analysis", "experiment", "setCanaryScale", "setHeaderRoute", "setMirrorRoute", "plugin",
    ]
}
