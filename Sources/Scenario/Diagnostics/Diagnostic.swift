/// An error or warning about a scenario, printed as `FILE:LINE:COLUMN: error|warning: message`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// Text from the file as a message quotes it: a hostile 4 MB key would otherwise make a
    /// 4 MB line, so long text shows its start and its length.
    public static func excerpt(_ text: String) -> String {
        guard text.utf8.count > 80 else { return text }
        return "\(text.prefix(40))… (\(text.count) characters)"
    }
}

/// Every error found in one scenario (decoding goes on after the first, so a user sees them all).
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
