import Foundation
import MeshsimCLI

var console = Console(
    outputSink: { FileHandle.standardOutput.write(Data($0.utf8)) },
    errorSink: { FileHandle.standardError.write(Data($0.utf8)) })
console.stderrIsTerminal = isatty(2) == 1
let code = Meshsim.main(Array(CommandLine.arguments.dropFirst()), console: &console)
exit(code.rawValue)
