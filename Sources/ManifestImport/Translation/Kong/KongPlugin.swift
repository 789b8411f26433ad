import Scenario

/// One Kong plugin instance, as a `plugins` entry of the scenario (`name`, `config`,
/// `enabled`, ...) made of the manifest's own nodes.
struct KongPlugin {
    /// nil when the manifest names none (the decoder then says so).
    var name: String?
    var node: YAMLNode
    /// `enabled: false` (decK) or `disabled: true` (KongPlugin).
    var enabled: Bool
}
