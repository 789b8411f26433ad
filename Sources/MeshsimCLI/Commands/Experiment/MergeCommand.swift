import Dispatch
import Experiments
import Foundation
import Reports

/// `meshsim merge PARTIAL... --out DIR`: checks that the partial folders are every shard of
/// one experiment, once each, then writes exactly the folder the unsharded run writes,
/// prints what it prints and exits as it exits.
enum MergeCommand {
    static func run(_ options: MergeOptions, console: inout Console) -> ExitCode {
        if let partial = options.partials.first(where: { holds(options.out, $0) }) {
            console.printError("error: --out \(options.out) \(same(options.out, partial) ? "is" : "holds") the partial folder \(partial), which the merged reports would replace; give another --out folder")
            return .badInput
        }
        let merged: ShardMerge
        do {
            merged = try ShardMerge.read(options.partials)
        } catch {
            console.printError("error: \(error.description)")
            return .badInput
        }
        let plan = merged.manifest.plan
        let policy = merged.manifest.inconclusive
        do throws(ReportWriteError) {
            var staging = try ReportFolder.Staging(directory: options.out)
            do throws(ReportWriteError) {
                for file in merged.files {
                    guard let contents = try? String(contentsOfFile: file.source, encoding: .utf8) else {
                        throw ReportWriteError(path: file.source, reason: "cannot be read")
                    }
                    try staging.add(file.name, contents)
                }
                for file in ExperimentReports.files(plan: plan, outcomes: merged.outcomes, policy: policy) {
                    try staging.add(file.name, file.contents)
                }
                try staging.commit()
            } catch {
                staging.discard()
                throw error
            }
        } catch {
            console.printError("error: \(error.description)")
            return error.refusesPath ? .badInput : .failure
        }
        console.print(ExperimentReports.terminal(plan: plan, outcomes: merged.outcomes, policy: policy))
        if !options.quiet {
            console.printError("merged \(options.partials.count) shard\(options.partials.count == 1 ? "" : "s"), \(merged.outcomes.count) simulations; reports in \(options.out)/")
        }
        return ExperimentReports.passes(plan: plan, outcomes: merged.outcomes, policy: policy) ? .success : .assertionFailed
    }

    /// Whether `folder` is `other` or one of its parents: the merged folder replaces what
    /// is at `--out`, partial folders in it included.
    private static func holds(_ folder: String, _ other: String) -> Bool {
        let outer = resolved(folder), inner = resolved(other)
        return inner.starts(with: outer)
    }

    private static func same(_ folder: String, _ other: String) -> Bool {
        resolved(folder) == resolved(other)
    }

    private static func resolved(_ path: String) -> [String] {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().pathComponents
    }
}
