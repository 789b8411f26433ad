import Foundation

/// Runs a program to completion, capturing what it prints, and times it.
struct Subprocess {
    struct Outcome {
        var stdout: String
        var stderr: String
        var seconds: Double
        var status: Int32
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let executable: String
    let arguments: [String]
    /// Exit statuses that count as success.
    var succeeds: Set<Int32> = [0]

    /// Throws when the program cannot start or exits with a status not in `succeeds`; stderr's last lines say why.
    /// Output goes to temporary files rather than pipes, so a chatty child never blocks.
    func run() throws(Failure) -> Outcome {
        let commandLine = ([executable] + arguments).joined(separator: " ")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meshsim-bench-\(UUID().uuidString)")
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let started = Stopwatch.time { () -> Error? in
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data().write(to: outURL)
                try Data().write(to: errURL)
                process.standardOutput = try FileHandle(forWritingTo: outURL)
                process.standardError = try FileHandle(forWritingTo: errURL)
                try process.run()
            } catch {
                return error
            }
            process.waitUntilExit()
            return nil
        }
        if let error = started.value {
            throw Failure(description: "\(commandLine): cannot start: \(error.localizedDescription)")
        }
        let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        guard succeeds.contains(process.terminationStatus) else {
            let tail = stderr.split(separator: "\n").suffix(5).joined(separator: "\n")
            throw Failure(description: "\(commandLine): exit \(process.terminationStatus)\n\(tail)")
        }
        return Outcome(stdout: stdout, stderr: stderr, seconds: started.seconds, status: process.terminationStatus)
    }
}
