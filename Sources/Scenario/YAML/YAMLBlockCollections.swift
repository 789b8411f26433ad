/// Block mappings and sequences: structure by indentation.
extension YAMLReader {
    /// Starts a block mapping or sequence if the cursor is at `key:` or `- `.
    mutating func parseBlockCollectionIfPresent() throws(Diagnostic) -> YAMLNode? {
        if atSequenceEntry {
            return try parseBlockSequence(indent: cursor.column, indentless: false)
        }
        if cursor.current == "?" && cursor.nextIsBlankOrBreakOrEnd {
            throw complexKeyError()
        }
        switch cursor.implicitKey() {
        case .scalar:
            return try parseBlockMapping(indent: cursor.column)
        case .nonScalar(let start):
            throw .error("mapping keys must be scalars", at: cursor.location(ofIndex: start))
        case .none:
            return nil
        }
    }

    /// Reads entries at `indent` until a less-indented line, the end, or a document marker.
    mutating func parseBlockMapping(indent: Int) throws(Diagnostic) -> YAMLNode {
        let start = cursor.location
        var mapping = YAMLMappingBuilder()
        while true {
            try parseBlockMappingEntry(indent: indent, into: &mapping)
            guard let next = try cursor.skipToContentLine(), !cursor.atDocumentMarker, next >= indent else { break }
            if next > indent {
                throw cursor.error("bad indentation: this line is indented more than the mapping keys above it (column \(indent + 1))")
            }
        }
        return mapping.build(at: start)
    }

    private mutating func parseBlockMappingEntry(indent: Int, into mapping: inout YAMLMappingBuilder) throws(Diagnostic) {
        let keyAnchor = try parseProperties(skippingBreaks: false)
        let keyLocation = cursor.location
        if cursor.current == "?" && cursor.nextIsBlankOrBreakOrEnd {
            throw complexKeyError()
        }
        if atSequenceEntry {
            throw cursor.error("bad indentation: a sequence entry '- ' cannot stand among the keys of a mapping")
        }
        let key: String
        let quoted: Bool
        switch cursor.implicitKey() {
        case .none:
            throw cursor.error("expected 'key: value' (a key ends with a colon followed by a space)")
        case .nonScalar(let start):
            throw .error("mapping keys must be scalars", at: cursor.location(ofIndex: start))
        case .scalar(let colon):
            if cursor.current == "\"" || cursor.current == "'" {
                key = try readQuotedScalar()
                quoted = true
            } else {
                var end = colon
                while end > cursor.index, cursor.text[end - 1] == " " || cursor.text[end - 1] == "\t" { end -= 1 }
                key = cursor.string(cursor.index..<end)
                quoted = false
                if key.isEmpty {
                    throw cursor.error("a mapping key cannot be empty")
                }
            }
            cursor.advance(to: colon + 1)
        }
        if let keyAnchor {
            anchors[keyAnchor] = YAMLAnchor(node: YAMLNode(.scalar(key, quoted: quoted), at: keyLocation), height: 1, size: 1)
        }
        let value = try parseNode(NodeContext(
            parentIndent: indent, allowsBlockCollection: false, allowsIndentlessSequence: true,
            emptyLocation: cursor.location))
        try mapping.add(YAMLEntry(key: key, keyLocation: keyLocation, value: value), isMergeKey: !quoted && key == "<<")
    }

    /// Reads `- ` entries at `indent`. An indentless sequence (the value of a key at the key's
    /// own indentation) ends quietly at a line that is not an entry, since that line belongs to
    /// the enclosing mapping.
    mutating func parseBlockSequence(indent: Int, indentless: Bool) throws(Diagnostic) -> YAMLNode {
        let start = cursor.location
        var items: [YAMLNode] = []
        while true {
            cursor.advance()
            let context = NodeContext(
                parentIndent: indent, allowsBlockCollection: true, allowsIndentlessSequence: false,
                emptyLocation: cursor.location)
            items.append(try parseNode(context))
            guard let next = try cursor.skipToContentLine(), !cursor.atDocumentMarker, next >= indent else { break }
            if next > indent {
                throw cursor.error("bad indentation: this line is indented more than the '- ' entries above it (column \(indent + 1))")
            }
            if !atSequenceEntry {
                if indentless { break }
                throw cursor.error("bad indentation: expected a '- ' entry at this indentation, as on the lines above")
            }
        }
        return YAMLNode(.sequence(items), at: start)
    }
}
