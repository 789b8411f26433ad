import Scenario

enum RolloutTranslator {
    static func registerServices(_ translation: inout ManifestTranslation) {}
    static func translate(_ translation: inout ManifestTranslation) {}
}
