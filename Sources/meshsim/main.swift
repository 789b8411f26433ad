import Foundation
import MeshsimCLI

var console = Console()
let code = Meshsim.main(Array(CommandLine.arguments.dropFirst()), console: &console)
FileHandle.standardOutput.write(Data(console.out.utf8))
FileHandle.standardError.write(Data(console.err.utf8))
exit(code.rawValue)
