/// `--sweep PATH=V1,V2,...`: a sweep axis from the command line. The path is an override path
/// as `--set` takes it; each value is YAML as a `--set` value is, and values are separated by
/// the commas outside brackets, braces and quotes, so `x=[1,2],[3]` has two values.
/// Locations use file "--sweep", line 1, and the column within the whole argument.
public enum SweepArgument {
    public static let commandLineFile = "--sweep"

    /// The axes of the `--sweep` arguments, in order; a path given twice is an error.
    public static func parse(_ arguments: [String]) throws(Diagnostic) -> [SweepAxis] {
        var axes: [SweepAxis] = []
        for argument in arguments {
            let axis = try parse(argument)
            if axes.contains(where: { $0.path == axis.path }) {
                throw .error(
                    "--sweep gives \(Diagnostic.excerpt(axis.path)) twice; list all its values in one --sweep \(Diagnostic.excerpt(axis.path))=V1,V2,...",
                    at: axis.location)
            }
            axes.append(axis)
        }
        return axes
    }

    public static func parse(_ text: String) throws(Diagnostic) -> SweepAxis {
        let characters = Array(text)
        guard let equals = Overrides.separatorIndex(characters) else {
            throw .error("expected PATH=V1,V2,..., for example clients[name=web].rate=200/s,400/s", at: location(column: 1))
        }
        let path = String(characters[..<equals])
        if case .failure(let failure) = OverridePath.parse(path) {
            throw .error("invalid path \"\(Diagnostic.excerpt(path))\": \(failure.message)", at: location(column: failure.offset + 1))
        }
        if characters[(equals + 1)...].allSatisfy(\.isWhitespace) {
            throw .error("missing values after '=' in \(Diagnostic.excerpt(path))=; list them separated by commas: \(Diagnostic.excerpt(path))=V1,V2,...",
                         at: location(column: equals + 2))
        }
        var values: [YAMLNode] = []
        for (number, range) in valueRanges(characters, from: equals + 1).enumerated() {
            let valueText = String(characters[range])
            if valueText.allSatisfy(\.isWhitespace) {
                throw .error("value \(number + 1) of \(Diagnostic.excerpt(path)) is empty; separate the values with single commas",
                             at: location(column: range.lowerBound + 1))
            }
            // The parser counts columns from the start of the value; the user counts from the start of the argument.
            do {
                values.append(try YAMLParser.parse(valueText, file: commandLineFile).shiftedOnFirstLine(by: range.lowerBound))
            } catch {
                throw Diagnostic(error.severity, at: error.location.shiftedOnFirstLine(by: range.lowerBound), error.message)
            }
        }
        return SweepAxis(path: path, values: values, location: location(column: 1))
    }

    /// The character ranges between the commas that separate values: those outside `[...]`,
    /// `{...}` and quotes. A quote opens a quoted scalar only where one may start (first in a
    /// value or after `[`, `{`, `,` or `:`), so the apostrophe of `it's` is text.
    private static func valueRanges(_ characters: [Character], from first: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = first
        var depth = 0
        var quote: Character?
        // The last character other than a blank since the value or collection item began.
        var previous: Character?
        var index = first
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                if open == "\"" && character == "\\" {
                    index += 2
                    continue
                }
                if character == open {
                    // `''` inside single quotes is one quote.
                    if open == "'" && index + 1 < characters.count && characters[index + 1] == "'" {
                        index += 2
                        continue
                    }
                    quote = nil
                }
            } else if character == "\"" || character == "'", previous.map({ "[{,:".contains($0) }) ?? true {
                quote = character
            } else if character == "[" || character == "{" {
                depth += 1
            } else if character == "]" || character == "}" {
                depth = max(0, depth - 1)
            } else if character == "," && depth == 0 {
                ranges.append(start..<index)
                start = index + 1
                previous = nil
                index += 1
                continue
            }
            if !character.isWhitespace { previous = character }
            index += 1
        }
        ranges.append(start..<characters.count)
        return ranges
    }

    private static func location(column: Int) -> SourceLocation {
        SourceLocation(file: commandLineFile, line: 1, column: column)
    }
}
