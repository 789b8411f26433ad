import Testing
@testable import Scenario
import struct Scenario.SourceLocation

/// `--set` and variants may change an existing service, version or variant, or add one written
/// `+NAME`, but never add one by a misspelling (issue 16: `services.backend.replicas=5` where the
/// service is `backend-service` used to add an empty service and run).
struct OverrideNamedEntryTests {
    private static let file = """
        name: demo
        services:
          backend-service:
            replicas: 3
            versions:
              v1: { replicas: 2 }
        clients:
          - name: web
            requests: [{ headers: { x-user: alice } }]
        mesh:
        """

    private func apply(_ assignments: String...) throws(Diagnostic) -> YAMLNode {
        var overrides: [Override] = []
        for assignment in assignments { overrides.append(try Overrides.parseAssignment(assignment)) }
        return try Overrides.apply(overrides, to: try YAMLParser.parse(Self.file, file: "t.yaml"))
    }

    private func message(_ assignment: String) -> String? {
        do {
            _ = try apply(assignment)
            return nil
        } catch {
            return error.message
        }
    }

    /// A Service of another namespace is `ratings.books` in the scenario, which `.` would split.
    @Test func aNameWithDotsIsReachedWithNameSelector() throws {
        let dotted = try YAMLParser.parse("services:\n  ratings.books:\n    versions: { v1: { replicas: 2 } }\n", file: "t.yaml")
        let changed = try Overrides.apply([try Overrides.parseAssignment("services[name=ratings.books].versions.v1.replicas=5")], to: dotted)
        guard case .mapping(let top) = changed.value,
              case .mapping(let services)? = top.first?.value.value,
              case .mapping(let service)? = services.first?.value.value,
              case .mapping(let versions)? = service.first?.value.value,
              case .mapping(let v1)? = versions.first?.value.value,
              case .scalar(let replicas, _)? = v1.first?.value.value else {
            Issue.record("unexpected tree \(changed)")
            return
        }
        #expect(services.map { $0.key } == ["ratings.books"])
        #expect(replicas == "5")
        // Still an existing entry only: a misspelt one is not added.
        #expect(throws: Diagnostic.self) {
            try Overrides.apply([try Overrides.parseAssignment("services[name=ratings.book].versions.v1.replicas=5")], to: dotted)
        }
    }

    @Test func aMissingServiceIsAnErrorWithASuggestionAndTheWayToAddOne() {
        #expect(message("services.backend.replicas=5")
            == "cannot set services.backend.replicas: no service 'backend' in the scenario; did you mean 'backend-service'? To add a new one write services.+backend.replicas")
        #expect(message("services.zzz=5")
            == "cannot set services.zzz: no service 'zzz' in the scenario. To add a new one write services.+zzz")
    }

    @Test func everyMapOfNamesRequiresTheEntryToExist() {
        #expect(message("services.backend-service.versions.v2.replicas=1")
            == "cannot set services.backend-service.versions.v2.replicas: no version 'v2' in services.backend-service.versions; did you mean 'v1'? To add a new one write services.backend-service.versions.+v2.replicas")
        #expect(message("variants.fast.seed=1")
            == "cannot set variants.fast.seed: no variant 'fast' in the scenario. To add a new one write variants.+fast.seed")
        #expect(message("clients[0].requests[0].headers.x-usr=bob")
            == "cannot set clients[0].requests[0].headers.x-usr: no header 'x-usr' in clients[0].requests[0].headers; did you mean 'x-user'? To add a new one write clients[0].requests[0].headers.+x-usr")
    }

    @Test func plusAddsANewEntry() throws {
        let result = try apply("services.+cache={replicas: 2, latency: 1ms}", "services.backend-service.versions.+v2.errors=5%")
        #expect(keys(of: result, "services") == ["backend-service", "cache"])
        #expect(keys(of: result, "services", "cache") == ["replicas", "latency"])
        #expect(keys(of: result, "services", "backend-service", "versions") == ["v1", "v2"])
        let leaf = try apply("services.+cache.latency=1ms")
        #expect(keys(of: leaf, "services", "cache") == ["latency"])
    }

    @Test func plusOnAnExistingEntryOrOnAFieldIsAnError() {
        #expect(message("services.+backend-service.replicas=5")
            == "cannot set services.+backend-service.replicas: the scenario already has a service 'backend-service'; to change it write services.backend-service.replicas")
        #expect(message("mesh.+enabled=true")
            == "cannot set mesh.+enabled: '+' adds an entry to a map of names such as services or versions, but \"enabled\" is a field of mesh; write mesh.enabled")
    }

    @Test func absentFieldsAreStillSetAsBefore() throws {
        let result = try apply("mesh.enabled=true", "seed=7", "services.backend-service.trafficPolicy.loadBalancer.simple=RANDOM")
        #expect(keys(of: result, "mesh") == ["enabled"])
        #expect(keys(of: result).last == "seed")
        #expect(keys(of: result, "services", "backend-service", "trafficPolicy", "loadBalancer") == ["simple"])
    }

    @Test func aVariantThatNamesAMissingServiceFailsValidationAtItsValue() {
        let text = """
            name: t
            duration: 10s
            clients: [{ name: web, rate: 10/s, target: orders }]
            services: { orders: {} }
            variants:
              more: { services.order.replicas: 3 }
              extra: { services.+cache.replicas: 2 }
            """
        let loaded = ScenarioLoader.load(text: text, file: "s.yaml")
        #expect(loaded.errors.map(\.description) == [
            "s.yaml:6:36: error: in variant 'more': cannot set services.order.replicas: no service 'order' in the scenario; did you mean 'orders'? To add a new one write services.+order.replicas",
        ])
    }

    @Test func pathParsingReadsThePlus() throws {
        #expect(try OverridePath.parse("services.+cache.latency").get() == [.key("services"), .newKey("cache"), .key("latency")])
        #expect(OverridePath.parse("services.+") == .failure(OverridePath.Failure(message: "'+' must be followed by the name of the entry to add", offset: 9)))
    }

    /// Each component is one frame of the editor's recursion: without the limit, 100,000 would
    /// overflow the stack rather than fail.
    @Test(arguments: [5_000, 100_000])
    func aPathLongerThanTheLimitIsAnError(parts: Int) {
        let path = Array(repeating: "a", count: parts).joined(separator: ".")
        let value = YAMLNode(.scalar("1", quoted: false), at: SourceLocation(file: "t.yaml", line: 9, column: 4))
        #expect(throws: Diagnostic.error("invalid path \"\(String(path.prefix(40)))… (\(path.count) characters)\": the path has more than 64 components", at: value.location)) {
            try Overrides.apply([Override(path: path, value: value)], to: YAMLParser.parse(Self.file, file: "t.yaml"))
        }
    }

    @Test func aPathOfExactlyTheLimitIsFollowed() throws {
        let path = Array(repeating: "a", count: OverridePath.maxComponents).joined(separator: ".")
        #expect(try OverridePath.parse(path).get().count == 64)
        #expect(OverridePath.parse(path + ".a") == .failure(OverridePath.Failure(message: "the path has more than 64 components", offset: 128)))
    }

    private func keys(of root: YAMLNode, _ path: String...) -> [String] {
        var node = root
        for key in path {
            guard case .mapping(let entries) = node.value, let entry = entries.first(where: { $0.key == key }) else { return [] }
            node = entry.value
        }
        guard case .mapping(let entries) = node.value else { return [] }
        return entries.map(\.key)
    }
}
