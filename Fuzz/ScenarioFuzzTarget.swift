import ManifestImport
import Policy
import Scenario

/// The file name every fuzz input is loaded as; errors must point into it or into `--set`.
private let inputFile = "fuzz.yaml"

/// The file name the manifest part of an input is read as.
private let manifestFile = "fuzz-manifests.yaml"

/// A line that ends the scenario part of an input: what follows is a stream of manifest
/// documents (Kubernetes, Istio, Kong, Flagger, Argo), merged into the scenario as a file
/// that `manifests:` names would be. A YAML comment, so the scenario stays valid text.
private let manifestMarker = "#manifests"

/// The prefix of a line at the top of an input that is a `--set PATH=VALUE` override rather
/// than scenario text. It is a YAML comment, so a scenario file is an input as it stands and
/// the fuzzer can grow overrides on top of it.
private let overridePrefix = "#set "

/// libFuzzer's entry point: one input through everything `meshsim run` and `validate` do
/// before simulating — the `--set` argument parser, the YAML reader, the overrides, the
/// decoder, `ScenarioValidator` (with every variant) and `PolicyLint`. A crash or a hang is
/// libFuzzer's to report; a diagnostic without a usable position is trapped here, so libFuzzer
/// reports it as a crash too.
@_cdecl("LLVMFuzzerTestOneInput")
public func scenarioFuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    // `ScenarioLoader.load(path:)` refuses a file that is not UTF-8 before parsing anything.
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    let lines = lineCount(text)
    let (overrideLines, scenarioText) = split(text)
    var overrides: [Override] = []
    for line in overrideLines {
        do {
            overrides.append(try Overrides.parseAssignment(line))
        } catch {
            // Like `meshsim run`: a bad --set is exit 2 before the file is read.
            requirePosition(error, lineCount: lines)
            return 0
        }
    }
    let (scenarioPart, manifestPart) = splitManifests(scenarioText)
    let expansion = ManifestExpansion(scenarioFile: inputFile, manifestTexts: manifestPart.map { [(manifestFile, $0)] } ?? [])
    let loaded = ScenarioLoader.load(text: scenarioPart, file: inputFile, overrides: overrides, expansion: expansion)
    var diagnostics = loaded.diagnostics
    if let scenario = loaded.scenario {
        diagnostics += PolicyLint.diagnostics(scenario)
    }
    for diagnostic in diagnostics {
        requirePosition(diagnostic, lineCount: lines)
    }
    return 0
}

/// The scenario before the first `#manifests` line, and the manifests after it, preceded by
/// as many line breaks as the scenario part has, so both keep the input's line numbers.
private func splitManifests(_ text: String) -> (scenario: String, manifests: String?) {
    let bytes = Array(text.utf8)
    var lineStart = 0
    var breaks = 0
    let marker = Array(manifestMarker.utf8)
    while lineStart <= bytes.count {
        let end = bytes[lineStart...].firstIndex(of: newline) ?? bytes.count
        if end - lineStart >= marker.count, Array(bytes[lineStart..<(lineStart + marker.count)]) == marker {
            let scenario = String(decoding: bytes[..<lineStart], as: UTF8.self)
            let manifests = String(repeating: "\n", count: breaks) + String(decoding: bytes[lineStart...], as: UTF8.self)
            return (scenario, manifests)
        }
        breaks += 1
        lineStart = end + 1
    }
    return (text, nil)
}

private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")

/// Leading `#set ` lines, then the whole input as the scenario (the override lines stay in it
/// as comments, so scenario positions are those of the input as saved).
private func split(_ text: String) -> (overrides: [String], scenario: String) {
    var overrides: [String] = []
    var rest = text.utf8[...]
    while rest.starts(with: overridePrefix.utf8) {
        let end = rest.firstIndex(of: newline) ?? rest.endIndex
        overrides.append(String(decoding: rest[rest.index(rest.startIndex, offsetBy: overridePrefix.utf8.count)..<end], as: UTF8.self))
        rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
    }
    return (overrides, text)
}

/// An upper bound on the lines of the input, or of any `--set` value in it (a `\r` is a line
/// break to YAML, so a value may have several). By bytes, and `\r\n` counted twice: iterating
/// the characters of a megabyte-long input would take longer than the code under test.
private func lineCount(_ text: String) -> Int {
    text.utf8.reduce(1) { $1 == newline || $1 == carriageReturn ? $0 + 1 : $0 }
}

/// `FILE:LINE:COLUMN` must name the input or the command line, at a line that exists.
private func requirePosition(_ diagnostic: Diagnostic, lineCount: Int) {
    let location = diagnostic.location
    let knownFile = location.file == inputFile || location.file == manifestFile || location.file == Overrides.commandLineFile
    if !knownFile || location.line < 1 || location.line > lineCount || location.column < 1 {
        fatalError("diagnostic without a usable position: \(diagnostic)")
    }
}
