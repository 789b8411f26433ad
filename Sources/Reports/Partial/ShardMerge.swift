import Experiments
import Foundation

/// `meshsim merge`: reads the partial folders of an experiment's shards and checks that
/// together they are the whole experiment, each shard once, before anything is written.
public struct ShardMerge: Sendable {
    public var manifest: PartialManifest
    /// Every unit's outcome, in unit order.
    public var outcomes: [UnitOutcome]
    /// The units' own report files: where each is in its partial folder and the path it
    /// takes in the merged folder.
    public var files: [(source: String, name: String)]

    /// Why the partial folders cannot be merged; the message names the folder.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public static func read(_ folders: [String]) throws(Failure) -> ShardMerge {
        var parts: [(folder: String, manifest: PartialManifest, outcomes: [UnitOutcome])] = []
        for folder in folders {
            let manifest = try readManifest(folder)
            if let first = parts.first {
                guard manifest.shard.count == first.manifest.shard.count else {
                    throw Failure(description: "\(folder) is shard \(manifest.shard) and \(first.folder) is shard \(first.manifest.shard): they split the work differently; run every shard with the same --shard I/N count")
                }
                guard manifest.experiment == first.manifest.experiment else {
                    throw Failure(description: "\(folder) is a part of another experiment than \(first.folder) (\(difference(manifest, first.manifest))); merge the shards of one run")
                }
            }
            if let twin = parts.first(where: { $0.manifest.shard == manifest.shard }) {
                throw Failure(description: "shard \(manifest.shard) is given twice: \(twin.folder) and \(folder)")
            }
            parts.append((folder, manifest, try readOutcomes(folder, manifest)))
        }
        guard let first = parts.first else { throw Failure(description: "no partial folders to merge") }
        let count = first.manifest.shard.count
        let present = Set(parts.map(\.manifest.shard.index))
        let missing = (1...count).filter { !present.contains($0) }
        if !missing.isEmpty {
            let list = missing.map { "\($0)/\(count)" }.joined(separator: ", ")
            throw Failure(description: "shard\(missing.count == 1 ? "" : "s") \(list) \(missing.count == 1 ? "is" : "are") missing; merge the partial folders of all \(count) shards")
        }
        var outcomes = parts.flatMap(\.outcomes)
        outcomes.sort { $0.unit < $1.unit }
        var files: [(source: String, name: String)] = []
        for part in parts {
            files += try unitFiles(part.folder, part.manifest)
        }
        files.sort { $0.name < $1.name }
        return ShardMerge(manifest: first.manifest, outcomes: outcomes, files: files)
    }

    private static func readManifest(_ folder: String) throws(Failure) -> PartialManifest {
        let path = folder + "/" + PartialManifest.fileName
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Failure(description: "\(folder) is not a partial folder (no readable \(PartialManifest.fileName)); give the folders that meshsim run or compare --shard I/N wrote")
        }
        guard let manifest = PartialManifest(csv: text) else {
            throw Failure(description: "\(path) is not a partial folder's manifest this meshsim reads (edited, or written by another version); run the shard again with this meshsim")
        }
        return manifest
    }

    /// The outcomes must be exactly the shard's units: a folder that lost or gained one
    /// would merge into reports no run writes.
    private static func readOutcomes(_ folder: String, _ manifest: PartialManifest) throws(Failure) -> [UnitOutcome] {
        let path = folder + "/" + PartialManifest.outcomesFileName
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Failure(description: "\(folder) has no readable \(PartialManifest.outcomesFileName); the shard did not finish, so run it again")
        }
        let outcomes: [UnitOutcome]
        switch OutcomeCodec.outcomes(text) {
        case .success(let read): outcomes = read
        case .failure(let malformed): throw Failure(description: "\(path):\(malformed.line): not an outcome row this meshsim writes; run the shard again")
        }
        let expected = ExperimentRunner(plan: manifest.plan, jobs: 1, shard: manifest.shard).units.map(\.index)
        guard outcomes.map(\.unit) == expected else {
            throw Failure(description: "\(path) does not hold the \(expected.count) simulations of shard \(manifest.shard) (it holds \(outcomes.count)); run the shard again")
        }
        // A measurement short would judge the assertion as not measured: a failure no run had.
        for outcome in outcomes {
            let setup = manifest.plan.setups[manifest.plan.unit(outcome.unit).setup]
            guard outcome.assertions.count == setup.assertions.count else {
                throw Failure(description: "\(path): simulation \(outcome.unit) has \(outcome.assertions.count) assertion measurements where \(setup.name) has \(setup.assertions.count) assertions; run the shard again")
            }
        }
        return outcomes
    }

    /// The units' own report files under the folder's `files/`: plain files, each in the
    /// folder of one of the shard's units (`ExperimentPlan.unitFolder`). Anything else (a
    /// link, a stray file) is no file a shard writes, and would land in the merged folder or
    /// collide with the files the merge assembles.
    private static func unitFiles(_ folder: String, _ manifest: PartialManifest) throws(Failure) -> [(source: String, name: String)] {
        let root = folder + "/" + PartialManifest.filesFolder
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: root, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue, let enumerator = fileManager.enumerator(atPath: root) else {
            throw Failure(description: "\(root) is not a folder; run the shard again into an empty folder")
        }
        let runner = ExperimentRunner(plan: manifest.plan, jobs: 1, shard: manifest.shard)
        let unitFolders = Set(runner.units.compactMap(manifest.plan.unitFolder))
        var files: [(source: String, name: String)] = []
        while let name = enumerator.nextObject() as? String {
            let source = root + "/" + name
            // Attributes of the entry itself: a link is not followed.
            let type = (try? fileManager.attributesOfItem(atPath: source))?[.type] as? FileAttributeType
            if type == .typeDirectory { continue }
            guard type == .typeRegular, inUnitFolder(name, unitFolders) else {
                throw Failure(description: "\(source) is not a report file of shard \(manifest.shard)'s simulations; run the shard again into an empty folder")
            }
            files.append((source, name))
        }
        return files
    }

    /// Whether some parent folder of `name` ("" for the top) is one of `folders`.
    private static func inUnitFolder(_ name: String, _ folders: Set<String>) -> Bool {
        var parent = ""
        for part in name.split(separator: "/").dropLast() {
            if folders.contains(parent) { return true }
            parent += part + "/"
        }
        return folders.contains(parent)
    }

    private static func difference(_ a: PartialManifest, _ b: PartialManifest) -> String {
        let first = zip(a.experiment, b.experiment).first { $0 != $1 }
        guard let (mine, theirs) = first else { return "their settings differ" }
        return "\(mine.first ?? "?") \(mine.dropFirst().joined(separator: " ")) against \(theirs.dropFirst().joined(separator: " "))"
    }
}
