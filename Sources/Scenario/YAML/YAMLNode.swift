/// A position in a source file, 1-based, as printed in `file:line:column` diagnostics.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A parsed YAML value with the location of its first character.
///
/// Aliases are resolved by the parser and merge keys (`<<`) are applied, so consumers see a
/// plain tree. Mapping entries keep file order; duplicate keys are rejected by the parser.
/// A tree is at most `YAMLParser.maxNesting` levels deep, aliases included, plus an override
/// path of at most `OverridePath.maxComponents`: code may recurse over it (equality, shifting
/// locations, decoding) without risk to the stack.
public struct YAMLNode: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        /// A scalar's text after quote and escape processing. `quoted` is true for `'…'`,
        /// `"…"` and block scalars, so that `"5"` can be told from `5` where that matters.
        case scalar(String, quoted: Bool)
        case sequence([YAMLNode])
        case mapping([YAMLEntry])
    }

    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// One `key: value` pair of a mapping; the key keeps its own location for diagnostics.
public struct YAMLEntry: Sendable, Hashable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: YAMLNode

    public init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}

/// A node defined with `&name`, with what repeating it through `*name` costs.
struct YAMLAnchor {
    var node: YAMLNode
    /// Levels from the node to its deepest descendant; 1 for a scalar.
    var height: Int
    /// Nodes in it, with the aliases inside it expanded.
    var size: Int
}
