import Foundation
import MeshsimCLI

var console = Console()
console.stderrIsTerminal = isatty(2) == 1
let code = Meshsim.main(Array(CommandLine.arguments.dropFirst()), console: &console)
FileHandle.standardOutput.write(Data(console.out.utf8))
FileHandle.standardError.write(Data(console.err.utf8))
exit(code.rawValue)
