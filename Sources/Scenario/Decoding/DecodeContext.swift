/// Collects the diagnostics of one decoding pass, so that every error in a file is reported at once.
final class DecodeContext {
    private(set) var diagnostics: [Diagnostic] = []
    /// Files (manifests) where the cluster has accepted whatever keys are written: there an
    /// unknown key or a field meshsim does not simulate is a warning, not an error.
    let lenientFiles: Set<String>
    /// The scenario's `namespace:`: the namespace of the workloads and policies that name none.
    let namespace: String

    init(lenientFiles: Set<String> = [], namespace: String = "default") {
        self.lenientFiles = lenientFiles
        self.namespace = namespace
    }

    func isLenient(_ location: SourceLocation) -> Bool {
        !lenientFiles.isEmpty && lenientFiles.contains(location.file)
    }

    /// Lenient warnings already given, by the field they name: a folder of 500 VirtualServices
    /// with the same unmodelled field gets one warning, not 500.
    private var lenientFields: Set<String> = []

    /// A warning about `field` in a manifest, once per field (`match.gateways`).
    func lenientWarning(_ message: String, field: String, at location: SourceLocation) {
        if lenientFields.insert(field).inserted { warning(message, at: location) }
    }

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
