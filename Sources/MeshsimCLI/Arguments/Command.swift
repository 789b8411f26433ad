/// What the user asked meshsim to do, as read from the command line by `ArgumentParser`.
public enum Command: Equatable, Sendable {
    /// Simulate one scenario and write its reports.
    case run(RunOptions)
    /// Parse and check scenario files without simulating them; with `strict`, warnings fail too.
    /// `paths` are scenarios and the manifests after each (`ManifestArguments` tells them apart).
    case validate(paths: [String], strict: Bool = false)
    /// Run the variants of one scenario, or two scenarios, side by side.
    case compare(CompareOptions)
    /// Search a range of one field for the edge where an assertion starts to fail.
    case capacity(CapacityOptions)
    /// Combine the partial folders of sharded runs into one report folder.
    case merge(MergeOptions)
    /// Send one request through a scenario's policies and explain each decision.
    case eval(EvalOptions)
    /// Write a starting scenario for a set of manifests.
    case importManifests(ImportOptions)
    /// Print this text (the general usage or one command's help) and exit successfully.
    case help(String)
    /// Print the meshsim version and exit successfully.
    case version
}
