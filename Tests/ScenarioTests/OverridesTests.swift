import Testing
@testable import Scenario
import struct Scenario.SourceLocation

struct OverridesTests {
    // MARK: - Paths

    @Test func pathParsesKeysIndexesAndNamedEntries() throws {
        #expect(try OverridePath.parse("gateway.plugins[name=rate-limiting].config.minute").get()
            == [.key("gateway"), .key("plugins"), .named("rate-limiting"), .key("config"), .key("minute")])
        #expect(try OverridePath.parse("services.orders.versions.v2.errors").get()
            == [.key("services"), .key("orders"), .key("versions"), .key("v2"), .key("errors")])
        #expect(try OverridePath.parse("clients[0].rate").get() == [.key("clients"), .index(0), .key("rate")])
        #expect(try OverridePath.parse("mesh.enabled").get() == [.key("mesh"), .key("enabled")])
    }

    @Test func pathKeysMayContainDashesAndSlashes() throws {
        #expect(try OverridePath.parse("services.my-svc.http[0].route[12].destination").get()
            == [.key("services"), .key("my-svc"), .key("http"), .index(0), .key("route"), .index(12), .key("destination")])
        #expect(try OverridePath.parse("a/b.c[1][2]").get() == [.key("a/b"), .key("c"), .index(1), .index(2)])
        #expect(try OverridePath.parse("x[name=a.b]").get() == [.key("x"), .named("a.b")])
    }

    @Test(arguments: [
        ("", 0, "the path is empty"),
        ("a..b", 2, "empty key before '.'"),
        (".a", 0, "empty key before '.'"),
        ("a.", 1, "the path ends with '.'; a key must follow it"),
        ("a[0", 1, "'[' is never closed with ']'"),
        ("a[]", 1, "'[]' selects nothing: write [N] or [name=X]"),
        ("a[x]", 2, "[x] is neither an index [N] nor a selector [name=X]"),
        ("a[-1]", 2, "index -1 is negative; indexes start at 0"),
        ("a[id=3]", 2, "only [name=X] can select a list entry by field, not [id=3]"),
        ("a[name=]", 2, "[name=] needs a name after '='"),
        ("a]b", 1, "']' without a matching '['"),
        ("a[0]b", 4, "expected '.' or '[' after ']', found 'b'"),
        ("a b", 1, "' ' is not allowed in a key"),
        ("a.[0]", 2, "expected a key after '.', found '['"),
    ])
    func pathErrorsSayWhereAndWhy(path: String, offset: Int, message: String) {
        #expect(OverridePath.parse(path) == .failure(OverridePath.Failure(message: message, offset: offset)))
    }

    // MARK: - Assignments

    @Test func assignmentSplitsAtTheFirstEqualsOutsideBrackets() throws {
        // "gateway.plugins[name=rate-limiting].config.minute" is 49 characters; the value starts at column 51.
        let override = try Overrides.parseAssignment("gateway.plugins[name=rate-limiting].config.minute=100")
        #expect(override.path == "gateway.plugins[name=rate-limiting].config.minute")
        #expect(override.value == YAMLNode(.scalar("100", quoted: false), at: setLocation(51)))
    }

    @Test func assignmentValueIsYAMLWithColumnsInTheWholeArgument() throws {
        let flag = try Overrides.parseAssignment("mesh.enabled=true")
        #expect(flag.path == "mesh.enabled")
        #expect(flag.value == YAMLNode(.scalar("true", quoted: false), at: setLocation(14)))

        let list = try Overrides.parseAssignment("services.orders.versions=[v1, v2]")
        #expect(list.value == YAMLNode(.sequence([
            YAMLNode(.scalar("v1", quoted: false), at: setLocation(27)),
            YAMLNode(.scalar("v2", quoted: false), at: setLocation(31)),
        ]), at: setLocation(26)))

        let map = try Overrides.parseAssignment("mesh={enabled: true}")
        #expect(map.value == YAMLNode(.mapping([
            YAMLEntry(key: "enabled", keyLocation: setLocation(7), value: YAMLNode(.scalar("true", quoted: false), at: setLocation(16))),
        ]), at: setLocation(6)))

        let percent = try Overrides.parseAssignment("services.orders.errors=5%")
        #expect(percent.value == YAMLNode(.scalar("5%", quoted: false), at: setLocation(24)))
    }

    @Test(arguments: [
        ("mesh.enabled", 1, "expected PATH=VALUE, for example mesh.enabled=true"),
        ("mesh..enabled=true", 6, "invalid path \"mesh..enabled\": empty key before '.'"),
        ("clients[x].rate=1/s", 9, "invalid path \"clients[x].rate\": [x] is neither an index [N] nor a selector [name=X]"),
        ("mesh.enabled=", 14, "missing value after '=' in mesh.enabled="),
        ("mesh.enabled=  ", 14, "missing value after '=' in mesh.enabled="),
    ])
    func assignmentErrorsPointIntoTheArgument(text: String, column: Int, message: String) {
        #expect(throws: Diagnostic.error(message, at: setLocation(column))) {
            try Overrides.parseAssignment(text)
        }
    }

    @Test func assignmentValueSyntaxErrorsAreShiftedIntoTheArgument() {
        do {
            _ = try Overrides.parseAssignment("mesh=[a, b")
            Issue.record("an unclosed flow sequence must be rejected")
        } catch {
            #expect(error.location.file == "--set")
            #expect(error.location.line == 1)
            // "mesh=" takes columns 1 to 5: a column inside the value proves the shift.
            #expect(error.location.column >= 6 && error.location.column <= 11)
        }
    }

    // MARK: - Applying

    /// The tree of this file, as the parser would build it:
    /// ```
    ///  1 name: demo
    ///  2 gateway:
    ///  3   plugins:
    ///  4     - name: key-auth
    ///  5       config: { key_names: [apikey] }
    ///  6     - name: rate-limiting
    ///  7       config:
    ///  8         minute: 1000
    ///  9 services:
    /// 10   orders:
    /// 11     replicas: 3
    /// 12     versions:
    /// 13       v2: { errors: 5% }
    /// 14 clients:
    /// 15   - name: web
    /// 16     rate: 500/s
    /// 17 mesh:
    /// ```
    private let tree = mapping(1, 1, [
        ("name", 1, 1, scalar("demo", 1, 7)),
        ("gateway", 2, 1, mapping(3, 3, [
            ("plugins", 3, 3, sequence(4, 5, [
                mapping(4, 7, [
                    ("name", 4, 7, scalar("key-auth", 4, 13)),
                    ("config", 5, 7, mapping(5, 15, [("key_names", 5, 17, sequence(5, 28, [scalar("apikey", 5, 29)]))])),
                ]),
                mapping(6, 7, [
                    ("name", 6, 7, scalar("rate-limiting", 6, 13)),
                    ("config", 7, 7, mapping(8, 9, [("minute", 8, 9, scalar("1000", 8, 17))])),
                ]),
            ])),
        ])),
        ("services", 9, 1, mapping(10, 3, [
            ("orders", 10, 3, mapping(11, 5, [
                ("replicas", 11, 5, scalar("3", 11, 15)),
                ("versions", 12, 5, mapping(13, 7, [("v2", 13, 7, mapping(13, 11, [("errors", 13, 13, scalar("5%", 13, 21))]))])),
            ])),
        ])),
        ("clients", 14, 1, sequence(15, 3, [
            mapping(15, 5, [("name", 15, 5, scalar("web", 15, 11)), ("rate", 16, 5, scalar("500/s", 16, 11))]),
        ])),
        ("mesh", 17, 1, scalar("", 17, 6)),
    ])

    @Test func applyReplacesAValueInsideANamedListEntry() throws {
        let result = try Overrides.apply([try Overrides.parseAssignment("gateway.plugins[name=rate-limiting].config.minute=100")], to: tree)
        #expect(lookup(result, "gateway", "plugins", 0) == lookup(tree, "gateway", "plugins", 0))
        #expect(lookup(result, "gateway", "plugins", 1, "config")
            == mapping(8, 9, [("minute", 8, 9, YAMLNode(.scalar("100", quoted: false), at: setLocation(51)))]))
        #expect(lookup(result, "gateway", "plugins", 1, "name") == scalar("rate-limiting", 6, 13))
    }

    @Test func applyReplacesByIndexAndByKey() throws {
        let result = try Overrides.apply([
            try Overrides.parseAssignment("clients[0].rate=800/s"),
            try Overrides.parseAssignment("services.orders.versions.v2.errors=10%"),
        ], to: tree)
        #expect(lookup(result, "clients", 0, "rate") == YAMLNode(.scalar("800/s", quoted: false), at: setLocation(17)))
        #expect(lookup(result, "clients", 0, "name") == scalar("web", 15, 11))
        #expect(lookup(result, "services", "orders", "versions", "v2")
            == mapping(13, 11, [("errors", 13, 13, YAMLNode(.scalar("10%", quoted: false), at: setLocation(36)))]))
        #expect(lookup(result, "services", "orders", "replicas") == scalar("3", 11, 15))
    }

    @Test func applyCreatesMissingKeysWithTheOverrideLocation() throws {
        let value = YAMLNode(.scalar("true", quoted: false), at: SourceLocation(file: "t.yaml", line: 40, column: 20))
        let root = mapping(1, 1, [("name", 1, 1, scalar("demo", 1, 7))])
        let result = try Overrides.apply([Override(path: "mesh.enabled", value: value)], to: root)
        let created = YAMLNode(.mapping([YAMLEntry(key: "enabled", keyLocation: value.location, value: value)]), at: value.location)
        #expect(result == YAMLNode(.mapping([
            YAMLEntry(key: "name", keyLocation: SourceLocation(file: "t.yaml", line: 1, column: 1), value: scalar("demo", 1, 7)),
            YAMLEntry(key: "mesh", keyLocation: value.location, value: created),
        ]), at: SourceLocation(file: "t.yaml", line: 1, column: 1)))
    }

    @Test func applyAddsKeysUnderAnEmptySection() throws {
        let result = try Overrides.apply([try Overrides.parseAssignment("mesh.enabled=true")], to: tree)
        let true14 = YAMLNode(.scalar("true", quoted: false), at: setLocation(14))
        #expect(lookup(result, "mesh") == YAMLNode(.mapping([YAMLEntry(key: "enabled", keyLocation: setLocation(14), value: true14)]), at: setLocation(14)))
    }

    @Test func applyOnAParsedFileWithAnEmptySection() throws {
        let text = """
            name: demo
            mesh:
            gateway:
              plugins:
                - name: rate-limiting
                  config: { minute: 1000 }
            """
        let result = try Overrides.apply([
            try Overrides.parseAssignment("mesh.enabled=true"),
            try Overrides.parseAssignment("gateway.plugins[name=rate-limiting].config.minute=100"),
        ], to: try YAMLParser.parse(text, file: "t.yaml"))
        #expect(lookup(result, "mesh", "enabled") == YAMLNode(.scalar("true", quoted: false), at: setLocation(14)))
        #expect(lookup(result, "gateway", "plugins", 0, "config", "minute") == YAMLNode(.scalar("100", quoted: false), at: setLocation(51)))
        #expect(lookup(result, "gateway", "plugins", 0, "name") == scalar("rate-limiting", 5, 13))
    }

    @Test func laterOverridesWin() throws {
        let result = try Overrides.apply([
            try Overrides.parseAssignment("services.orders.replicas=5"),
            try Overrides.parseAssignment("services.orders.replicas=7"),
        ], to: tree)
        #expect(lookup(result, "services", "orders", "replicas") == YAMLNode(.scalar("7", quoted: false), at: setLocation(26)))
    }

    @Test(arguments: [
        ("clients[1].rate=1/s", 17, "cannot set clients[1].rate: index 1 is out of range: clients has 1 entry"),
        ("gateway.plugins[name=rate-limitng].config.minute=1", 50,
         "cannot set gateway.plugins[name=rate-limitng].config.minute: no entry of gateway.plugins is named \"rate-limitng\"; did you mean \"rate-limiting\"?"),
        ("gateway.plugins[name=jwt].config=x", 34,
         "cannot set gateway.plugins[name=jwt].config: no entry of gateway.plugins is named \"jwt\" (names: key-auth, rate-limiting)"),
        ("name.first=x", 12, "cannot set name.first: name is the scalar \"demo\", so it has no key \"first\""),
        ("gateway.plugins.config=x", 24, "cannot set gateway.plugins.config: gateway.plugins is a list: pick an entry with [N] or [name=X] before .config"),
        ("services[0]=x", 13, "cannot set services[0]: services is a mapping, not a list, so [0] cannot pick from it"),
        ("faults[0].at=1m", 14, "cannot set faults[0].at: faults does not exist, so [0] has no list to pick from"),
        ("clients[0].rate[0]=1", 20, "cannot set clients[0].rate[0]: clients[0].rate is the scalar \"500/s\", not a list, so [0] cannot pick from it"),
        ("services.ordrs.replicas=5", 25,
         "cannot set services.ordrs.replicas: no service 'ordrs' in the scenario; did you mean 'orders'? To add a new one write services.+ordrs.replicas"),
        ("gateway.plugins[name=rate-limiting].confg.minute=1", 50,
         "cannot set gateway.plugins[name=rate-limiting].confg.minute: gateway.plugins[name=rate-limiting] has no key \"confg\"; did you mean \"config\"?"),
    ])
    func applyErrorsNameTheOverrideAndTheComponent(text: String, column: Int, message: String) throws {
        let override = try Overrides.parseAssignment(text)
        #expect(throws: Diagnostic.error(message, at: setLocation(column))) {
            try Overrides.apply([override], to: tree)
        }
    }

    @Test func applyRejectsAnInvalidVariantPathAtItsValue() {
        let value = YAMLNode(.scalar("1", quoted: false), at: SourceLocation(file: "t.yaml", line: 30, column: 12))
        #expect(throws: Diagnostic.error("invalid path \"a..b\": empty key before '.'", at: value.location)) {
            try Overrides.apply([Override(path: "a..b", value: value)], to: tree)
        }
    }
}

// MARK: - Helpers

private func setLocation(_ column: Int) -> SourceLocation {
    SourceLocation(file: "--set", line: 1, column: column)
}

private func scalar(_ text: String, _ line: Int, _ column: Int) -> YAMLNode {
    YAMLNode(.scalar(text, quoted: false), at: SourceLocation(file: "t.yaml", line: line, column: column))
}

private func sequence(_ line: Int, _ column: Int, _ items: [YAMLNode]) -> YAMLNode {
    YAMLNode(.sequence(items), at: SourceLocation(file: "t.yaml", line: line, column: column))
}

private func mapping(_ line: Int, _ column: Int, _ entries: [(String, Int, Int, YAMLNode)]) -> YAMLNode {
    YAMLNode(.mapping(entries.map {
        YAMLEntry(key: $0.0, keyLocation: SourceLocation(file: "t.yaml", line: $0.1, column: $0.2), value: $0.3)
    }), at: SourceLocation(file: "t.yaml", line: line, column: column))
}

/// The node at mapping keys (String) and list indexes (Int), nil when the path leaves the tree.
private func lookup(_ root: YAMLNode, _ steps: any Sendable...) -> YAMLNode? {
    var current = root
    for step in steps {
        switch (current.value, step) {
        case (.mapping(let entries), let key as String):
            guard let entry = entries.first(where: { $0.key == key }) else { return nil }
            current = entry.value
        case (.sequence(let items), let index as Int):
            guard index < items.count else { return nil }
            current = items[index]
        default:
            return nil
        }
    }
    return current
}
