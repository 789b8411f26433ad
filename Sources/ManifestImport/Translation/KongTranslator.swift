import Scenario

enum KongTranslator {
    static func translate(_ translation: inout ManifestTranslation) {}
}
