/// Collects the diagnostics of one decoding pass, so that every error in a file is reported at once.
final class DecodeContext {
    private(set) var diagnostics: [Diagnostic] = []

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }

    /// The diagnostics in file order (decoders report some errors only after reading a whole mapping).
    var sortedDiagnostics: [Diagnostic] { diagnostics.inFileOrder() }
}
