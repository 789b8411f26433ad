import Scenario

/// PeerAuthentication, AuthorizationPolicy and RequestAuthentication (security.istio.io) as
/// entries of `mesh.peerAuthentications`, `mesh.authorizationPolicies` and
/// `mesh.requestAuthentications`: `name` and `namespace` from the object's metadata beside its
/// spec's own entries, so the scenario's decoders read (and locate) every field of the
/// manifest (a policy with `targetRef` too: the decoder warns and leaves it out). Each list
/// keeps file order, which stands in for Istio's "oldest wins".
enum SecurityPolicyTranslator {
    static let lists = [
        "PeerAuthentication": "peerAuthentications",
        "AuthorizationPolicy": "authorizationPolicies",
        "RequestAuthentication": "requestAuthentications",
    ]

    static func translate(_ translation: inout ManifestTranslation) {
        var entries: [String: [YAMLNode]] = [:]
        var firstObject: [String: ManifestObject] = [:]
        for object in translation.objects where SecurityPolicyChecks.groups.contains(object.group) {
            guard let list = lists[object.kind] else { continue }
            entries[list, default: []].append(entry(of: object))
            if firstObject[list] == nil { firstObject[list] = object }
        }
        for list in lists.values.sorted() {
            guard let items = entries[list], let first = firstObject[list] else { continue }
            translation.fragment.set(["mesh", list], YAMLNode(.sequence(items), at: first.location), from: first.location)
        }
    }

    /// `{ name, namespace, …spec }`: the names at their metadata nodes (the namespace at the
    /// object when it comes from the scenario's default).
    static func entry(of object: ManifestObject) -> YAMLNode {
        let metadata = object.node["metadata"]
        let names = [("name", object.name), ("namespace", object.namespace)].map { key, value in
            let location = metadata?.entry(key)?.value.location ?? object.location
            return YAMLEntry(key: key, keyLocation: location, value: .scalar(value, at: location))
        }
        // The spec's entries as they are: the decoders' messages point at the manifest's lines.
        return YAMLNode(.mapping(names + (object.spec?.entries ?? [])), at: object.spec?.location ?? object.location)
    }
}
