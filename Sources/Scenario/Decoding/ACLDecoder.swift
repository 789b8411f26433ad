/// The `acl` plugin's `config` (kong/plugins/acl/schema.lua): exactly one of `allow` and `deny`.
enum ACLDecoder {
    static func decode(_ config: MappingReader) -> ACLConfig? {
        let allow = groups(config, "allow")
        let deny = groups(config, "deny")
        let hide = config.bool("hide_groups_header")
        // Kong sets groups from ldap-auth and oauth2, which meshsim does not model: with
        // key-auth and jwt the consumer's own groups always decide.
        _ = config.bool("always_use_authenticated_groups")
        config.finish()
        switch (config.has("allow"), config.has("deny")) {
        case (true, true):
            config.context.error("\(config.path) must have only one of allow or deny, not both (Kong's only_one_of)", at: config.location(of: "deny"))
            return nil
        case (false, false):
            config.context.error("\(config.path) needs one of allow or deny: the groups let through, or the groups refused", at: config.location)
            return nil
        case (true, false):
            return allow.map { ACLConfig(rule: .allow($0), hideGroupsHeader: hide ?? false) }
        case (false, true):
            return deny.map { ACLConfig(rule: .deny($0), hideGroupsHeader: hide ?? false) }
        }
    }

    /// A non-empty list of group names: Kong reads an empty `deny` as an `allow` with no list
    /// and fails every request, and an empty `allow` refuses everyone.
    private static func groups(_ config: MappingReader, _ key: String) -> [String]? {
        config.read(key) { node, path -> [String]? in
            guard let groups = config.values.stringList(node, path) else { return nil }
            guard !groups.isEmpty else {
                config.values.fail(path, "must list at least one group", at: node)
                return nil
            }
            return groups
        }
    }
}
