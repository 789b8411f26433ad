/// `--set PATH=VALUE` and `variants`: changes to a scenario's YAML tree before it is decoded,
/// so an override is checked exactly as if it had been written in the file.
public enum Overrides {
    /// The file name that diagnostics about command-line overrides carry.
    public static let commandLineFile = "--set"

    /// Parses a command-line `PATH=VALUE`. The VALUE is YAML (a scalar like `100`, `5%`, `true`,
    /// or flow `[a, b]`, `{a: 1}`); locations in it use file "--set", line 1, and the column of
    /// the character within the whole argument.
    public static func parseAssignment(_ text: String) throws(Diagnostic) -> Override {
        let characters = Array(text)
        guard let equals = separatorIndex(characters) else {
            throw .error("expected PATH=VALUE, for example mesh.enabled=true", at: location(column: 1))
        }
        let path = String(characters[..<equals])
        if case .failure(let failure) = OverridePath.parse(path) {
            throw .error("invalid path \"\(Diagnostic.excerpt(path))\": \(failure.message)", at: location(column: failure.offset + 1))
        }
        let valueText = String(characters[(equals + 1)...])
        if valueText.allSatisfy(\.isWhitespace) {
            throw .error("missing value after '=' in \(path)=", at: location(column: equals + 2))
        }
        // The parser counts columns from the start of the value; the user counts from the start of the argument.
        let shift = equals + 1
        let value: YAMLNode
        do {
            value = try YAMLParser.parse(valueText, file: commandLineFile)
        } catch {
            throw Diagnostic(error.severity, at: error.location.shiftedOnFirstLine(by: shift), error.message)
        }
        return Override(path: path, value: value.shiftedOnFirstLine(by: shift))
    }

    /// Applies overrides in order to a scenario's YAML tree. Missing field keys along the path
    /// are created; an entry of a map keyed by names (a service, version, variant, header…)
    /// must exist, unless written `+NAME` to add it; `[N]` must be in range; `[name=X]` picks
    /// the list entry whose `name` is X.
    /// The replaced or created node takes the override value's location, and errors are reported
    /// there, naming the path component that could not be followed.
    public static func apply(_ overrides: [Override], to root: YAMLNode) throws(Diagnostic) -> YAMLNode {
        var tree = root
        for override in overrides {
            let components: [OverridePath.Component]
            switch OverridePath.parse(override.path) {
            case .success(let parsed): components = parsed
            case .failure(let failure):
                throw .error("invalid path \"\(Diagnostic.excerpt(override.path))\": \(failure.message)", at: override.value.location)
            }
            tree = try OverrideEditor(override: override, components: components).apply(to: tree)
        }
        return tree
    }

    /// The `=` between path and value: the first one outside `[...]`, since `[name=X]` has its own
    /// (`--sweep` splits the same way).
    static func separatorIndex(_ characters: [Character]) -> Int? {
        var depth = 0
        for (index, character) in characters.enumerated() {
            switch character {
            case "[": depth += 1
            case "]": depth = max(0, depth - 1)
            case "=" where depth == 0: return index
            default: break
            }
        }
        return nil
    }

    private static func location(column: Int) -> SourceLocation {
        SourceLocation(file: commandLineFile, line: 1, column: column)
    }
}

extension SourceLocation {
    /// Moves a position on line 1 right by `columns`; later lines start at column 1 of their own.
    func shiftedOnFirstLine(by columns: Int) -> SourceLocation {
        guard line == 1 else { return self }
        return SourceLocation(file: file, line: line, column: column + columns)
    }
}

extension YAMLNode {
    func shiftedOnFirstLine(by columns: Int) -> YAMLNode {
        let shiftedValue: Value
        switch value {
        case .scalar:
            shiftedValue = value
        case .sequence(let items):
            shiftedValue = .sequence(items.map { $0.shiftedOnFirstLine(by: columns) })
        case .mapping(let entries):
            shiftedValue = .mapping(entries.map {
                YAMLEntry(
                    key: $0.key, keyLocation: $0.keyLocation.shiftedOnFirstLine(by: columns),
                    value: $0.value.shiftedOnFirstLine(by: columns))
            })
        }
        return YAMLNode(shiftedValue, at: location.shiftedOnFirstLine(by: columns))
    }
}
