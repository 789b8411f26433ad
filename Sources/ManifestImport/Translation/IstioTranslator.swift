import Scenario

enum IstioTranslator {
    static func translate(_ translation: inout ManifestTranslation) {}
}
