import Reports

/// The `meshsim` command line: parses the arguments and hands over to one command.
public enum Meshsim {
    public static let version = MeshsimVersion.current

    /// Runs one invocation (`arguments` without the program name).
    public static func main(_ arguments: [String], console: inout Console) -> ExitCode {
        let command: Command
        do {
            command = try ArgumentParser.parse(arguments)
        } catch {
            console.printError("error: \(error.description)")
            return .badInput
        }
        switch command {
        case .help(let text):
            console.print(text)
            return .success
        case .version:
            console.print("meshsim \(version)")
            return .success
        case .validate(let paths, let strict):
            return ValidateCommand.run(paths: paths, strict: strict, console: &console)
        case .run(let options):
            return RunCommand.run(options, console: &console)
        case .compare(let options):
            return CompareCommand.run(options, console: &console)
        case .merge(let options):
            return MergeCommand.run(options, console: &console)
        case .capacity(let options):
            return CapacityCommand.run(options, console: &console)
        case .eval(let options):
            return EvalCommand.run(options, console: &console)
        case .importManifests(let options):
            return ImportCommand.run(options, console: &console)
        }
    }
}
