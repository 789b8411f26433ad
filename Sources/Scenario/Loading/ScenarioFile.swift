import Foundation

/// Reads a scenario file's text, or says precisely why it cannot: no such file, a directory,
/// a device or other special file, an empty file, or a byte that is not UTF-8 (at its line
/// and column, counted as the YAML reader counts them).
public enum ScenarioFile {
    /// What a file is read as, for its messages: a scenario must hold something, a manifest
    /// file may be empty (a folder of manifests may hold a placeholder).
    public enum Role: Sendable {
        case scenario, manifest
        var noun: String { self == .scenario ? "scenario" : "manifest" }
    }

    public static func read(_ path: String, as role: Role = .scenario) -> Result<String, Diagnostic> {
        let start = SourceLocation(file: path, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(.error("no such file", at: start))
        }
        if isDirectory.boolValue {
            return .failure(.error("is a directory, not a \(role.noun) file", at: start))
        }
        // Symbolic links are followed, so only what they point to counts.
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let attributes = try? FileManager.default.attributesOfItem(atPath: resolved)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else {
            return .failure(.error("is not a regular file (a device, pipe or socket cannot be a \(role.noun))", at: start))
        }
        // Told by its size, before reading: Foundation's read of an empty file leaks its
        // 4 KB buffer (LeakSanitizer, Fuzz/asan).
        let empty = Diagnostic.error("is empty; a scenario needs at least name, duration, clients and services", at: start)
        let size = (attributes?[.size] as? NSNumber)?.intValue
        if size == 0 { return role == .scenario ? .failure(empty) : .success("") }
        if let size, size > SizeLimits.fileBytes {
            return .failure(.error("is \(CountText.grouped(size)) bytes, more than the \(CountText.grouped(SizeLimits.fileBytes)) (32 MiB) a \(role.noun) file may have", at: start))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.error("cannot be read (check its permissions)", at: start))
        }
        if data.isEmpty { return role == .scenario ? .failure(empty) : .success("") }
        if let text = String(data: data, encoding: .utf8) {
            return .success(text)
        }
        return .failure(invalidByte(in: data, file: path))
    }

    /// The first byte that is not UTF-8, at the line and column where an editor shows it.
    private static func invalidByte(in data: Data, file: String) -> Diagnostic {
        var line = 1
        var column = 1
        var offset = 0
        var previous: Unicode.Scalar?
        var bytes = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                offset += encoded.count
                if scalar == "\n" && previous == "\r" {
                    // The second half of \r\n: the line was counted at \r.
                } else if scalar == "\n" || scalar == "\r" {
                    line += 1
                    column = 1
                } else if !(offset == encoded.count && scalar == "\u{FEFF}") {
                    column += 1
                }
                previous = scalar
            case .error:
                let byte = data[data.startIndex + offset]
                let hex = "0x" + String(byte, radix: 16, uppercase: true)
                return .error("byte \(hex) is not UTF-8 text; save the file as UTF-8", at: SourceLocation(file: file, line: line, column: column))
            case .emptyInput:
                return .error("cannot read the file as UTF-8 text", at: SourceLocation(file: file, line: 1, column: 1))
            }
        }
    }
}
