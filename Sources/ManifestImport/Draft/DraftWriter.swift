import Foundation
import Scenario

/// The text of `meshsim import`'s draft: what the manifests gave, and `TODO` comments where
/// the reader fills in what they cannot give.
struct DraftWriter {
    /// A gateway route the manifests define, as a client of the draft sends to it.
    struct Route {
        var name: String
        /// The route's first path: a prefix, which a request to it matches.
        var path: String
        /// What the route's authentication plugin (its own, else the global one) wants.
        var authentication: Authentication?

        enum Authentication: Equatable {
            /// jwt: a token from the first issuer the plugin knows (nil: none); an issuer is no secret.
            case jwt(issuer: String?)
            /// key-auth: a key is a secret, so the draft names whose key to write, not the key.
            case apiKey(consumer: String?)
            /// Both on one route: a client carries one credential, so the reader decides.
            case both
        }

        /// A rule of Istio's ingress gateway (`gateway.http`): named by its `name`, else its
        /// first destination; its path is its first `uri` match's exact or prefix value.
        init?(istioRule rule: YAMLNode) {
            guard let name = rule["name"]?.text ?? rule["route"]?.items.first?["destination", "host"]?.text else { return nil }
            self.name = name
            let uri = rule["match"]?.items.first?["uri"]
            let first = uri?["exact"]?.text ?? uri?["prefix"]?.text ?? "/"
            path = first.hasPrefix("/") ? first : "/"
            authentication = nil
        }

        /// `consumers`: `gateway.consumers`, whose credentials the plugins accept besides their own maps.
        init?(_ node: YAMLNode, globalPlugins: [YAMLNode] = [], consumers: [YAMLNode] = []) {
            guard let name = node["name"]?.text else { return nil }
            self.name = name
            // Kong's regex paths (`~/orders/\d+`) match no literal path meshsim could guess.
            let first = node["paths"]?.items.first?.text ?? "/"
            path = first.hasPrefix("/") ? first : "/"
            let own = node["plugins"]?.items ?? []
            // A route's plugin replaces the global one of the same name.
            func plugin(_ pluginName: String) -> YAMLNode? {
                let found = own.first { $0["name"]?.text == pluginName } ?? globalPlugins.first { $0["name"]?.text == pluginName }
                return found.flatMap { $0["enabled"]?.text == "false" ? nil : $0 }
            }
            switch (plugin("jwt"), plugin("key-auth")) {
            case (nil, nil): authentication = nil
            case (_?, _?): authentication = .both
            case (let jwt?, nil):
                authentication = .jwt(issuer: jwt["issuers"]?.entries.first?.key
                    ?? consumers.lazy.compactMap { $0["jwt_secrets"]?.items.first?["key"]?.text }.first)
            case (nil, let keyAuth?):
                authentication = .apiKey(consumer: keyAuth["consumers"]?.entries.first?.value.text
                    ?? consumers.first { $0["keyauth_credentials"]?.items.isEmpty == false }?["username"]?.text)
            }
        }
    }

    var name: String
    var manifests: [String]
    var namespace: String?
    var counts: (files: Int, objects: Int)
    var mesh = false
    var routes: [Route] = []
    var services: [String] = []

    init(name: String, manifests: [String], namespace: String?, counts: (files: Int, objects: Int)) {
        self.name = name
        self.manifests = manifests
        self.namespace = namespace
        self.counts = counts
    }

    var text: String {
        var lines = [
            "# Drafted by meshsim import from \(Self.counted(counts.files, "manifest file")) (\(Self.counted(counts.objects, "object"))).",
            "# The manifests give the gateway, routes, plugins, consumers, versions, traffic",
            "# policies and rollout; fill in what they cannot say, marked TODO: the traffic, each",
            "# service's latency, errors and calls, faults and assertions; then check it with",
            "# meshsim validate and simulate it with meshsim run.",
            "name: \(name)",
            Self.commented("duration: \(ScenarioDraft.duration)", "TODO: how long the clients send"),
            Self.commented("manifests:", "relative to this file"),
        ]
        lines += manifests.map { "  - \(Self.quoted($0))" }
        if let namespace { lines.append(Self.commented("namespace: \(namespace)", "of the objects that name none")) }
        if mesh { lines.append(Self.commented("mesh: { enabled: true }", "Istio objects were found: calls pass the sidecars")) }
        for section in [clients, serviceLines, Self.closing] {
            lines.append("")
            lines += section
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var clients: [String] {
        var lines = ["clients:"]
        var used: Set<String> = []
        if routes.isEmpty {
            lines += [
                "  # No gateway route was found, so each service gets a client of its own. TODO: keep",
                "  # those of services that take outside traffic; the others are reached by calls.",
            ]
            for service in services {
                lines.append(Self.commented("  - { name: \(Self.unique(service, &used)), target: \(service), rate: \(ScenarioDraft.rate) }", "TODO: rate"))
            }
        } else {
            lines += [
                "  # One client per gateway route, at its first path. TODO: the real rate (or",
                "  # users: N and thinkTime), the request mix, headers and credential.",
            ]
            for route in routes {
                lines += [
                    "  - name: \(Self.unique(route.name, &used))",
                    Self.commented("    rate: \(ScenarioDraft.rate)", "TODO: rate"),
                    "    requests: [{ method: GET, path: \(Self.quoted(route.path)) }]",
                ]
                lines += Self.credential(route.authentication)
            }
        }
        return lines
    }

    /// The credential line of a route's client: a jwt issuer as the plugin names it; for a
    /// key, a comment naming the consumer whose key to write.
    private static func credential(_ authentication: Route.Authentication?) -> [String] {
        switch authentication {
        case nil: []
        case .jwt(nil)?:
            [commented("    # credential: { jwt: { iss: ISSUER, exp: 1h } }", "TODO: the route runs jwt: the issuer of a consumer")]
        case .jwt(let issuer?)?:
            [commented("    credential: { jwt: { iss: \(quoted(issuer)), exp: 1h } }", "the route's jwt plugin knows this issuer")]
        case .apiKey(let consumer)?:
            [commented("    # credential: { apiKey: KEY }", "TODO: the route runs key-auth: a key of " + (consumer.map { "consumer \($0)" } ?? "a consumer"))]
        case .both?:
            [commented("    # credential: ...", "TODO: the route runs jwt and key-auth; give the credential it accepts")]
        }
    }

    private var serviceLines: [String] {
        var lines = ["services:", "  # TODO: each service's own processing time, as a distribution: lognormal(8ms, 40ms)"]
        for (index, service) in services.enumerated() {
            lines += ["  \(service):", Self.commented("    latency: \(ScenarioDraft.latency)", "TODO: latency")]
            if index == 0 {
                lines += [
                    Self.commented("    # errors: 0.1%", "TODO: share of requests that fail"),
                    Self.commented("    # calls: [{ service: NAME }]", "TODO: the services it calls while handling a request"),
                ]
            }
        }
        return lines
    }

    private static let closing = [
        commented("# faults:", "TODO: what to break, and when"),
        "#   - { name: crash, at: 30s, duration: 10s, target: SERVICE/VERSION/0, kind: crash }",
        commented("# assertions:", "TODO: what must hold; meshsim run exits 1 when one fails"),
        "#   - p99 < 300ms",
        "#   - error_rate < 1%",
    ]

    /// `code`, then `comment` from column 33 (or after one space when `code` reaches it).
    private static func commented(_ code: String, _ comment: String) -> String {
        code + String(repeating: " ", count: max(32 - code.count, 1)) + "# " + comment
    }

    /// A client name made of the characters a scenario name takes, unique in the draft.
    private static func unique(_ name: String, _ used: inout Set<String>) -> String {
        let plain = String(name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || ".-_".unicodeScalars.contains(scalar)) ? Character(scalar) : "-"
        })
        var candidate = plain.isEmpty ? "client" : plain
        var number = 2
        while !used.insert(candidate).inserted {
            candidate = "\(plain)-\(number)"
            number += 1
        }
        return candidate
    }

    /// `1 object`, `7 objects`.
    static func counted(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(CountText.grouped(count)) \(noun)s"
    }

    /// A double-quoted YAML string: a path may hold `*`, `#` or `: `.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `path` (relative to the current folder, or absolute) as a scenario in `folder` (the
    /// same) names it: relative, unless the two share no folder but the root. `folder` empty
    /// is the current folder, where `path` is already right.
    static func relative(_ path: String, to folder: String) -> String {
        guard !folder.isEmpty else { return path }
        let current = FileManager.default.currentDirectoryPath
        func components(_ path: String) -> [String] {
            let absolute = path.hasPrefix("/") ? path : current + "/" + path
            return (absolute as NSString).standardizingPath.split(separator: "/").map(String.init)
        }
        let target = components(path)
        let from = components(folder)
        let common = zip(target, from).prefix { $0 == $1 }.count
        if common == 0 && path.hasPrefix("/") { return path }
        let parts = Array(repeating: "..", count: from.count - common) + target.dropFirst(common)
        let joined = parts.isEmpty ? "." : parts.joined(separator: "/")
        return path.hasSuffix("/") && joined != "." ? joined + "/" : joined
    }
}
