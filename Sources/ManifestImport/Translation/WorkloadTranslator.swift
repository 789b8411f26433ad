import Scenario

enum WorkloadTranslator {
    static func translate(_ translation: inout ManifestTranslation) {}
}
