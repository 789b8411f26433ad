import Foundation
import ManifestImport

/// `meshsim import PATH... [--out FILE]`: drafts a scenario that reads the manifests (see
/// `ScenarioDraft`) and prints it, or writes it to FILE whole or not at all. An existing FILE
/// is replaced only with `--force`: the draft is a start, and the file there may be its
/// finished form. The manifests' warnings go to stderr; with an error nothing is written.
enum ImportCommand {
    static func run(_ options: ImportOptions, console: inout Console) -> ExitCode {
        if let out = options.out {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    console.printError("error: --out \(out) is a folder; name the scenario file to write, such as \(out)/scenario.yaml")
                    return .badInput
                }
                if !options.force {
                    console.printError("error: --out \(out) exists; pass --force to replace it, or write the draft elsewhere")
                    return .badInput
                }
            }
        }
        // The draft is checked from where it will be, so its folder must exist; one made for
        // it goes again if there is nothing to write.
        let created = options.out.flatMap { makeFolder(of: $0) }
        let draft = ScenarioDraft.make(paths: options.paths, scenarioFile: options.out)
        for diagnostic in draft.diagnostics { console.printError(diagnostic.description) }
        guard let text = draft.text else {
            if let created { try? FileManager.default.removeItem(atPath: created) }
            return .badInput
        }
        guard let out = options.out else {
            console.print(String(text.dropLast()))
            return .success
        }
        do {
            // Written beside the file and renamed over it: never half a scenario at `out`.
            try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            console.printError("error: \(out): cannot write the draft: \(error.localizedDescription)")
            return .failure
        }
        console.printError("wrote \(out); fill in its TODOs, then run meshsim validate \(out)")
        return .success
    }

    /// Creates the folder of `file` if missing; the outermost folder created, else nil.
    private static func makeFolder(of file: String) -> String? {
        var folder = (file as NSString).deletingLastPathComponent
        var outermost: String?
        while !folder.isEmpty, folder != "/", !FileManager.default.fileExists(atPath: folder) {
            outermost = folder
            folder = (folder as NSString).deletingLastPathComponent
        }
        guard let outermost else { return nil }
        do {
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            return nil
        }
        return outermost
    }
}
