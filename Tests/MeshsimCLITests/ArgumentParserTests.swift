import Testing
@testable import MeshsimCLI
import Scenario

/// The command a command line parses to (shared by this target's tests).
func parse(_ arguments: String...) throws(UsageError) -> Command {
    try ArgumentParser.parse(arguments)
}

/// The error a command line raises, or nil when it parses.
func error(_ arguments: String...) -> UsageError? {
    do {
        _ = try ArgumentParser.parse(arguments)
        return nil
    } catch {
        return error
    }
}

@Suite struct ArgumentParserTests {
    // MARK: run

    @Test func runWithScenarioOnlyTakesDefaults() throws {
        #expect(try parse("run", "a.yaml") == .run(RunOptions(scenario: "a.yaml")))
    }

    @Test(arguments: [
        ["run", "a.yaml", "--out", "r", "--seed", "42", "--duration", "30s", "--set", "seed=3", "--quiet"],
        ["run", "--out=r", "--seed=42", "--duration=30s", "--set=seed=3", "--quiet", "a.yaml"],
        ["run", "--quiet", "--set", "seed=3", "a.yaml", "--duration", "30s", "--seed", "42", "--out=r"],
    ])
    func runAcceptsEveryOptionInEitherForm(arguments: [String]) throws {
        let expected = RunOptions(scenario: "a.yaml", out: "r", seed: 42, duration: "30s", sets: ["seed=3"], quiet: true)
        #expect(try ArgumentParser.parse(arguments) == .run(expected))
    }

    @Test func runKeepsRepeatedSetsInOrder() throws {
        let command = try parse("run", "a.yaml", "--set", "mesh.enabled=false",
                                "--set=gateway.plugins[name=rate-limiting].config.minute=100", "--set", "services.api.replicas=3")
        #expect(command == .run(RunOptions(scenario: "a.yaml", sets: [
            "mesh.enabled=false", "gateway.plugins[name=rate-limiting].config.minute=100", "services.api.replicas=3",
        ])))
    }

    @Test func seedTakesTheWholeUInt64Range() throws {
        #expect(try parse("run", "a.yaml", "--seed", "0") == .run(RunOptions(scenario: "a.yaml", seed: 0)))
        #expect(try parse("run", "a.yaml", "--seed", "18446744073709551615")
            == .run(RunOptions(scenario: "a.yaml", seed: 18_446_744_073_709_551_615)))
    }

    @Test(arguments: ["abc", "18446744073709551616", "+5", "-0", "1.5", "1e3", "٣"])
    func seedRejectsWhatIsNotAWholeNumberInRange(value: String) {
        #expect(error("run", "a.yaml", "--seed=\(value)") == .badNumber(option: "--seed", value: value, command: "run"))
    }

    @Test func durationStaysRawText() throws {
        #expect(try parse("run", "a.yaml", "--duration", "1.5m") == .run(RunOptions(scenario: "a.yaml", duration: "1.5m")))
    }

    // MARK: --set / PATH=VALUE

    @Test func setKeepsEveryAssignmentInOrder() throws {
        let sets = ["gateway.plugins[name=rate-limiting].config.minute=100", "description=a=b"]
        #expect(try parse("run", "a.yaml", "--set", sets[0], "--set", sets[1]) == .run(RunOptions(scenario: "a.yaml", sets: sets)))
    }

    @Test(arguments: ["duration", "=5m", "duration=", "clients[name=web]", "a[name=x.b=3"])
    func setWithoutPathAndValueIsRejected(value: String) {
        guard case .badSet(value, _, _)? = error("run", "a.yaml", "--set", value) else {
            Issue.record("--set \(value) was not refused as a bad --set")
            return
        }
    }

    // MARK: validate

    @Test func validateTakesEveryPathInOrder() throws {
        #expect(try parse("validate", "a.yaml", "b.yaml", "c.yml") == .validate(paths: ["a.yaml", "b.yaml", "c.yml"]))
    }

    @Test func validateHasNoOptions() {
        #expect(error("validate", "a.yaml", "--out", "x") == .unknownOption("--out", command: "validate", suggestion: nil))
    }

    // MARK: compare

    @Test func compareOneScenarioWithRepeatedVariants() throws {
        let command = try parse("compare", "a.yaml", "--variant", "mesh", "--variant=gateway-only", "--out", "cmp")
        #expect(command == .compare(CompareOptions(scenarios: ["a.yaml"], variants: ["mesh", "gateway-only"], out: "cmp")))
    }

    @Test func compareTwoScenarios() throws {
        #expect(try parse("compare", "a.yaml", "b.yaml", "--out=cmp")
            == .compare(CompareOptions(scenarios: ["a.yaml", "b.yaml"], out: "cmp")))
    }

    @Test func compareRejectsAThirdScenarioAndVariantsWithTwo() {
        #expect(error("compare", "a.yaml", "b.yaml", "c.yaml") == .tooManyArguments("c.yaml", command: "compare"))
        #expect(error("compare", "a.yaml", "b.yaml", "--variant", "mesh") == .variantsWithTwoScenarios)
    }

    // MARK: eval

    @Test func evalWithEveryOption() throws {
        let command = try parse("eval", "a.yaml", "--request", "GET /api/orders/42?x=1", "--header", "apikey=k-web",
                                "--header=x-canary=true", "--client", "partner", "--at=90s")
        #expect(command == .eval(EvalOptions(
            scenario: "a.yaml", method: "GET", path: "/api/orders/42?x=1",
            headers: [EvalHeader(name: "apikey", value: "k-web"), EvalHeader(name: "x-canary", value: "true")],
            client: "partner", at: "90s")))
    }

    @Test func evalUpperCasesTheMethodAndToleratesExtraSpaces() throws {
        #expect(try parse("eval", "a.yaml", "--request=  post   /api/orders ")
            == .eval(EvalOptions(scenario: "a.yaml", method: "POST", path: "/api/orders")))
    }

    @Test func headerValueMayBeEmptyOrHoldEquals() {
        #expect(EvalHeader(parsing: "x-empty=") == EvalHeader(name: "x-empty", value: ""))
        #expect(EvalHeader(parsing: "authorization=Bearer a=b") == EvalHeader(name: "authorization", value: "Bearer a=b"))
    }

    @Test(arguments: ["GET", "/api/orders", "GET api/orders", "GET /a /b", "G3T /a"])
    func badRequestIsRejected(value: String) {
        #expect(error("eval", "a.yaml", "--request", value) == .badRequest(value))
    }

    @Test(arguments: ["apikey", "apikey: k-web", "=k-web", "api key=k"])
    func badHeaderIsRejected(value: String) {
        #expect(error("eval", "a.yaml", "--request", "GET /", "--header", value) == .badHeader(value))
    }

    @Test func evalWithoutARequestLeavesItToTheClient() throws {
        #expect(try parse("eval", "a.yaml", "--client", "web") == .eval(EvalOptions(scenario: "a.yaml", client: "web")))
    }

    @Test func evalRepeatAndEvery() throws {
        #expect(try parse("eval", "a.yaml", "--client", "web", "--repeat", "101", "--every=10ms")
            == .eval(EvalOptions(scenario: "a.yaml", client: "web", repeat: 101, every: "10ms")))
        #expect(try parse("eval", "a.yaml", "--repeat", "100000") == .eval(EvalOptions(scenario: "a.yaml", repeat: 100_000)))
    }

    @Test(arguments: ["0", "100001", "-3", "+5", "1e3", "ten"])
    func evalRepeatOutOfBoundsIsRefused(value: String) {
        #expect(error("eval", "a.yaml", "--repeat", value) == .badCount(option: "--repeat", value: value, range: 1...100_000, command: "eval"))
        #expect(error("eval", "a.yaml", "--repeat", value)?.description
            == "--repeat takes a whole number from 1 to 100000, got '\(value)'\nRun 'meshsim eval --help' for usage.")
    }

    // MARK: option forms and --

    @Test func doubleDashEndsOptions() throws {
        #expect(try parse("run", "--quiet", "--", "--odd.yaml") == .run(RunOptions(scenario: "--odd.yaml", quiet: true)))
        #expect(try parse("validate", "--", "-a.yaml", "--help") == .validate(paths: ["-a.yaml", "--help"]))
        #expect(try parse("run", "a.yaml", "--", "--quiet") == .run(RunOptions(scenario: "a.yaml", manifests: ["--quiet"])))
    }

    @Test func loneDashIsAnArgumentAndAValue() throws {
        #expect(try parse("validate", "-") == .validate(paths: ["-"]))
        #expect(try parse("run", "a.yaml", "--out", "-") == .run(RunOptions(scenario: "a.yaml", out: "-")))
    }

    @Test func optionValueMayNotBeMissingOrEmpty() {
        #expect(error("run", "a.yaml", "--out") == .missingValue(option: "--out", command: "run"))
        #expect(error("run", "a.yaml", "--out", "--quiet") == .missingValue(option: "--out", command: "run"))
        #expect(error("run", "a.yaml", "--out=") == .missingValue(option: "--out", command: "run"))
        #expect(error("compare", "a.yaml", "--variant") == .missingValue(option: "--variant", command: "compare"))
    }

    @Test func flagTakesNoValueAndSingleOptionsAppearOnce() {
        #expect(error("run", "a.yaml", "--quiet=yes") == .unexpectedValue(option: "--quiet", command: "run"))
        #expect(error("run", "a.yaml", "--seed", "1", "--seed=2") == .duplicateOption("--seed", command: "run"))
        #expect(error("run", "a.yaml", "--quiet", "--quiet") == .duplicateOption("--quiet", command: "run"))
    }

    @Test func missingAndExtraScenarios() {
        #expect(error("run") == .missingArgument("SCENARIO", command: "run"))
        #expect(error("validate") == .missingArgument("SCENARIO", command: "validate"))
        #expect(error("compare", "--out", "x") == .missingArgument("SCENARIO", command: "compare"))
        #expect(error("eval", "--request", "GET /") == .missingArgument("SCENARIO", command: "eval"))
        #expect(error("import") == .missingArgument("PATH", command: "import"))
        #expect(error("eval", "a.yaml", "b.yaml", "--request", "GET /") == .tooManyArguments("b.yaml", command: "eval"))
    }

    // MARK: help and version

    @Test func noArgumentsOrHelpGiveTheGeneralUsage() throws {
        for arguments in [[], ["--help"], ["-h"], ["help"], ["help", "--help"]] {
            #expect(try ArgumentParser.parse(arguments) == .help(Usage.general))
        }
    }

    @Test(arguments: ["run", "validate", "compare", "eval"])
    func commandHelpInEveryForm(command: String) throws {
        let text = try #require(Usage.help(for: command))
        #expect(try parse(command, "--help") == .help(text))
        #expect(try parse(command, "-h") == .help(text))
        #expect(try parse("help", command) == .help(text))
        // Help wins over whatever else is wrong on the line.
        #expect(try parse(command, "--bogus", "x", "y", "z", "-h") == .help(text))
    }

    @Test func versionStandsAlone() throws {
        #expect(try parse("--version") == .version)
        #expect(error("--version", "run") == .tooManyArguments("run", command: nil))
    }

    @Test func helpOfHelpArguments() {
        #expect(error("help", "rnu") == .unknownCommand("rnu", suggestion: "run"))
        #expect(error("help", "run", "eval") == .tooManyArguments("eval", command: "help"))
    }

    @Test(arguments: ["run", "validate", "compare", "eval"])
    func commandHelpListsEveryOptionAndAnExample(command: String) throws {
        let text = try #require(Usage.help(for: command))
        let usageLines = try #require(text.split(separator: "\n\n").first)
        let fromSpec = [
            "run": ["--out DIR", "--seed N", "--duration D", "--set PATH=VALUE", "--quiet"],
            "validate": [String](),
            "compare": ["--variant NAME", "--out DIR"],
            "eval": ["--request \"METHOD PATH\"", "--header K=V", "--client NAME", "--at D"],
        ][command] ?? []
        for option in fromSpec + ["-h, --help"] {
            #expect(text.contains("\n  \(option)   "), "help for \(command) lacks \(option)")
        }
        for option in fromSpec { #expect(usageLines.contains(option)) }
        #expect(text.contains("Examples:\n  meshsim \(command) "))
        #expect(!text.hasSuffix("\n"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 }, "help for \(command) is wider than a terminal")
    }

    @Test func generalUsageNamesEveryCommandAndExitCode() {
        for command in ["run", "validate", "compare", "eval"] {
            #expect(Usage.general.contains("\n  \(command)   "))
        }
        #expect(Usage.general.contains("0 ran and every assertion held, 1 an assertion failed,\n2 bad input, 3 internal or I/O failure"))
        #expect(Usage.help(for: "help") == nil)
    }
}

/// What the user reads: the exact one-line message, then where to find help.
@Suite struct ArgumentParserMessageTests {
    private func message(_ arguments: String...) -> String? {
        do {
            _ = try ArgumentParser.parse(arguments)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func unknownCommandSuggestsTheClosestCommand() {
        #expect(error("rnu", "a.yaml") == .unknownCommand("rnu", suggestion: "run"))
        #expect(message("rnu", "a.yaml") == "unknown command 'rnu'; did you mean 'run'?\nRun 'meshsim --help' for usage.")
        #expect(error("valdate") == .unknownCommand("valdate", suggestion: "validate"))
        #expect(error("comprae") == .unknownCommand("comprae", suggestion: "compare"))
        #expect(error("evl") == .unknownCommand("evl", suggestion: "eval"))
        #expect(error("hepl") == .unknownCommand("hepl", suggestion: "help"))
    }

    @Test func aTieGoesToTheCandidateHoldingEveryTypedLetter() {
        // "sed" is one edit from both; only "seed" contains s, e, d in order.
        #expect(Suggestion.closest(to: "--sed", among: ["--set", "--seed"]) == "--seed")
        #expect(Suggestion.closest(to: "--sed", among: ["--seed", "--set"]) == "--seed")
    }

    @Test func longerWordsAllowTwoEdits() {
        #expect(Suggestion.closest(to: "--duratoin", among: ["--duration"]) == "--duration")
        #expect(Suggestion.closest(to: "--drtion", among: ["--duration"]) == "--duration")
        #expect(Suggestion.closest(to: "--dration", among: ["--out"]) == nil)
        #expect(Suggestion.closest(to: "rn", among: ["run"]) == "run")
        #expect(Suggestion.closest(to: "r", among: ["run"]) == nil)
    }

    @Test func unknownCommandFarFromAnyListsTheCommands() {
        #expect(error("simulate") == .unknownCommand("simulate", suggestion: nil))
        #expect(message("simulate")
            == "unknown command 'simulate'; the commands are 'run', 'validate', 'compare', 'capacity', 'merge', 'eval', 'import'\nRun 'meshsim --help' for usage.")
    }

    @Test func aScenarioInPlaceOfACommandPointsToRun() {
        #expect(message("checkout.yaml")
            == "unknown command 'checkout.yaml'; to simulate a scenario, write 'meshsim run checkout.yaml'\nRun 'meshsim --help' for usage.")
    }

    @Test func unknownOptionSuggestsAmongTheCommandsOptions() {
        #expect(error("run", "x.yaml", "--sed", "3") == .unknownOption("--sed", command: "run", suggestion: "--seed"))
        #expect(message("run", "x.yaml", "--sed", "3")
            == "unknown option '--sed' for 'run'; did you mean '--seed'?\nRun 'meshsim run --help' for usage.")
        #expect(error("run", "x.yaml", "--se=a=1") == .unknownOption("--se", command: "run", suggestion: "--set"))
        #expect(error("run", "x.yaml", "--quite") == .unknownOption("--quite", command: "run", suggestion: "--quiet"))
        #expect(error("run", "x.yaml", "-seed", "3") == .unknownOption("-seed", command: "run", suggestion: "--seed"))
        #expect(error("run", "x.yaml", "--durration=1m") == .unknownOption("--durration", command: "run", suggestion: "--duration"))
        #expect(error("compare", "x.yaml", "--varaint", "a") == .unknownOption("--varaint", command: "compare", suggestion: "--variant"))
        #expect(error("eval", "x.yaml", "--headers", "a=b") == .unknownOption("--headers", command: "eval", suggestion: "--header"))
        #expect(error("eval", "x.yaml", "--variant", "a") == .unknownOption("--variant", command: "eval", suggestion: nil))
        #expect(message("eval", "x.yaml", "--variant", "a")
            == "unknown option '--variant' for 'eval'\nRun 'meshsim eval --help' for usage.")
    }

    @Test func unknownTopLevelOption() {
        #expect(error("--verison") == .unknownOption("--verison", command: nil, suggestion: "--version"))
        #expect(message("--verison") == "unknown option '--verison'; did you mean '--version'?\nRun 'meshsim --help' for usage.")
        #expect(error("-v") == .unknownOption("-v", command: nil, suggestion: nil))
    }

    @Test func valueMessages() {
        #expect(message("run", "a.yaml", "--out")
            == "option '--out' needs a value\nRun 'meshsim run --help' for usage.")
        #expect(message("run", "a.yaml", "--quiet=1")
            == "option '--quiet' takes no value\nRun 'meshsim run --help' for usage.")
        #expect(message("compare", "a.yaml", "--out", "x", "--out", "y")
            == "option '--out' is given more than once; give it once\nRun 'meshsim compare --help' for usage.")
        #expect(message("run", "a.yaml", "--seed", "x")
            == "--seed needs a whole number from 0 to 18446744073709551615, not 'x'\nRun 'meshsim run --help' for usage.")
    }

    /// issue 16: `--seed -1` and `--duration -1s` said "needs a value"; the value is there,
    /// it is negative.
    @Test func negativeSeedSaysSo() {
        let expected = "--seed takes a non-negative integer, got -1; write a whole number from 0 to 18446744073709551615\n"
            + "Run 'meshsim run --help' for usage."
        #expect(message("run", "a.yaml", "--seed", "-1") == expected)
        #expect(message("run", "a.yaml", "--seed=-1") == expected)
    }

    @Test func negativeDurationsSaySo() {
        #expect(message("run", "a.yaml", "--duration", "-1s")
            == "--duration -1s: a duration cannot be negative; write one such as 0s, 30s or 2m\nRun 'meshsim run --help' for usage.")
        #expect(error("eval", "a.yaml", "--at", "-0.5s") == .negativeDuration(option: "--at", value: "-0.5s", command: "eval"))
        #expect(error("eval", "a.yaml", "--every", "-2m") == .negativeDuration(option: "--every", value: "-2m", command: "eval"))
        #expect(error("run", "a.yaml", "--duration", "-.5s") == .negativeDuration(option: "--duration", value: "-.5s", command: "run"))
    }

    /// Every option that takes a value takes one that looks negative, and reports what is
    /// wrong with it (or accepts it: an --out folder may be called -1), never "needs a value".
    @Test func everyValueOptionTakesANegativeLookingValue() {
        for spec in CommandSpec.all {
            for option in spec.options {
                if case .flag = option.kind { continue }
                let found = error(spec.name, "a.yaml", option.name, "-1")
                #expect(found != .missingValue(option: option.name, command: spec.name), "\(spec.name) \(option.name)")
                if case .unknownOption? = found { Issue.record("\(spec.name) \(option.name) -1 read -1 as an option") }
            }
        }
        // An argument that starts with a dash and no digit is still an option.
        #expect(error("run", "a.yaml", "--out", "-q") == .missingValue(option: "--out", command: "run"))
    }

    @Test func argumentCountMessages() {
        #expect(message("run") == "'run' needs a SCENARIO file\nRun 'meshsim run --help' for usage.")
        #expect(message("eval", "a.yaml", "b.yaml")
            == "unexpected argument 'b.yaml'; 'eval' takes one SCENARIO file\nRun 'meshsim eval --help' for usage.")
        #expect(message("import", "--out", "s.yaml")
            == "'import' needs a PATH: a manifest file, folder or glob, such as 'meshsim import k8s/'\nRun 'meshsim import --help' for usage.")
        #expect(message("compare", "a", "b", "c")
            == "unexpected argument 'c'; 'compare' takes at most two SCENARIO files\nRun 'meshsim compare --help' for usage.")
        #expect(message("--version", "x") == "unexpected argument 'x'; --version takes no arguments\nRun 'meshsim --help' for usage.")
        #expect(message("help", "run", "x") == "unexpected argument 'x'; 'help' takes at most one COMMAND\nRun 'meshsim --help' for usage.")
    }

    /// The reason the path or value cannot be read, where it is, and never a whole long argument.
    @Test func aBadSetSaysWhyAndWhere() {
        #expect(message("run", "a.yaml", "--set", "mesh..enabled=true")
            == "--set: invalid path \"mesh..enabled\": empty key before '.' (column 6)\nRun 'meshsim run --help' for usage.")
        #expect(message("run", "a.yaml", "--set", "duration=")
            == "--set: missing value after '=' in duration= (column 10)\nRun 'meshsim run --help' for usage.")
        // 5,000 dotted parts (10 KB), over the 64 an override path may have: the 65th starts at
        // column 64 × 2 + 1 = 129.
        let path = Array(repeating: "a", count: 5_000).joined(separator: ".")
        #expect(message("run", "a.yaml", "--set", path + "=1")
            == "--set: invalid path \"\(String(path.prefix(40)))… (9999 characters)\": the path has more than 64 components (column 129)"
            + "\nRun 'meshsim run --help' for usage.")
        #expect(message("run", "a.yaml", "--set", path)
            == "--set needs PATH=VALUE, not '\(String(path.prefix(40)))… (9999 characters)'; write --set mesh.enabled=false"
            + "\nRun 'meshsim run --help' for usage.")
    }

    @Test func formatMessagesShowTheRightForm() {
        #expect(message("eval", "a.yaml", "--request", "/api/orders")
            == "--request needs a method and a path, not '/api/orders'; write --request \"GET /api/orders\"\nRun 'meshsim eval --help' for usage.")
        #expect(message("eval", "a.yaml", "--request", "GET /", "--header", "apikey")
            == "--header needs NAME=VALUE, not 'apikey'; write --header apikey=k-web\nRun 'meshsim eval --help' for usage.")
        #expect(message("run", "a.yaml", "--set", "mesh.enabled")
            == "--set needs PATH=VALUE, not 'mesh.enabled'; write --set mesh.enabled=false\nRun 'meshsim run --help' for usage.")
        #expect(message("compare", "a.yaml", "b.yaml", "--variant", "mesh")
            == "--variant picks variants of one scenario; compare two scenarios without it\nRun 'meshsim compare --help' for usage.")
    }

    @Test func everyMessageIsOneLineThenTheHelpPointer() {
        let lines: [[String]] = [
            ["rnu"], ["x"], ["--x"], ["run", "a", "--x"], ["run", "a", "--out"], ["run", "a", "--quiet=1"],
            ["run", "a", "--out=1", "--out=2"], ["run"], ["eval", "a", "--repeat=0"], ["eval", "a", "b"], ["import"],
            ["run", "a", "--seed", "-1"], ["run", "a", "--duration", "-1s"],
            ["run", "a", "--seed=x"], ["eval", "a", "--request=x"], ["eval", "a", "--request=GET /", "--header=x"],
            ["run", "a", "--set=x"], ["compare", "a", "b", "--variant=x"],
        ]
        for line in lines {
            let text: String
            do {
                _ = try ArgumentParser.parse(line)
                Issue.record("\(line) parsed")
                continue
            } catch {
                text = error.description
            }
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(parts.count == 2, "\(line): \(text)")
            #expect(parts.last?.hasPrefix("Run 'meshsim ") == true)
            #expect(parts.last?.hasSuffix(" --help' for usage.") == true)
        }
    }
}
