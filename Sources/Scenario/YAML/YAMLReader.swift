/// The parser's state: where it is, the anchors defined so far and how deeply it is nested.
///
/// Block structure, flow collections and scalars are read by extensions in the files named
/// after them; this file holds node dispatch and node properties (anchors, aliases, tags).
struct YAMLReader {
    var cursor: YAMLCursor
    var anchors: [String: YAMLAnchor] = [:]
    private var depth = 0
    /// The deepest level reached in the node being read (an alias counts its anchor's levels).
    private var deepest = 0
    /// Nodes read so far, aliases counted at their expanded size.
    private var nodeCount = 0
    /// Nodes that aliases have repeated so far.
    private var aliasNodes = 0

    init(_ text: String, file: String) {
        cursor = YAMLCursor(text, file: file)
    }

    /// Anchors and the alias budget belong to one document of a stream.
    mutating func resetDocumentState() {
        anchors = [:]
        depth = 0
        deepest = 0
        nodeCount = 0
        aliasNodes = 0
    }

    /// Where a node may start after an indicator on the same line, or at a line's start.
    struct NodeContext {
        /// The indentation of the collection that holds the node (-1 for the document).
        var parentIndent: Int
        /// A block mapping or sequence may start here (at a line start or after `- `).
        var allowsBlockCollection: Bool
        /// A value of a block mapping may be a sequence at the key's own indentation.
        var allowsIndentlessSequence: Bool
        /// Where an empty node is reported: right after its indicator.
        var emptyLocation: SourceLocation
    }

    /// Parses the node that starts at the cursor (after blanks), on this line or, if the line
    /// ends here, on the following more-indented lines. Leaves the cursor at the end of the
    /// node's last line, or at the first content character of the line after the node.
    mutating func parseNode(_ context: NodeContext) throws(Diagnostic) -> YAMLNode {
        try enterNesting()
        defer { leaveNesting() }
        cursor.skipBlanks()
        if context.allowsBlockCollection, let collection = try parseBlockCollectionIfPresent() {
            return collection
        }
        let anchor = try parseProperties(skippingBreaks: false)
        let mark = markNode()
        let node: YAMLNode
        if cursor.skipSpaceAndComment() {
            node = try parseNodeOnFollowingLines(context)
        } else {
            node = try parseInlineNode(parentIndent: context.parentIndent)
        }
        finish(node, since: mark, anchor: anchor)
        return node
    }

    private mutating func parseNodeOnFollowingLines(_ context: NodeContext) throws(Diagnostic) -> YAMLNode {
        let empty = YAMLNode(.scalar("", quoted: false), at: context.emptyLocation)
        guard let indent = try cursor.skipToContentLine(), !cursor.atDocumentMarker else { return empty }
        if indent > context.parentIndent {
            var nested = context
            nested.allowsBlockCollection = true
            nested.allowsIndentlessSequence = false
            return try parseNode(nested)
        }
        if indent == context.parentIndent && context.allowsIndentlessSequence && atSequenceEntry {
            return try parseBlockSequence(indent: indent, indentless: true)
        }
        return empty
    }

    /// A node that starts on the current line at the cursor, after its properties.
    private mutating func parseInlineNode(parentIndent: Int) throws(Diagnostic) -> YAMLNode {
        let start = cursor.location
        let opening = cursor.current
        let node: YAMLNode
        switch opening {
        case "[", "{":
            node = try parseFlowCollection()
        case "\"", "'":
            node = try parseQuotedScalar()
        case "*":
            node = try parseAlias()
        case "|", ">":
            return try parseBlockScalar(parentIndent: parentIndent)
        case "?" where cursor.nextIsBlankOrBreakOrEnd:
            throw complexKeyError()
        case "-" where cursor.nextIsBlankOrBreakOrEnd:
            throw cursor.error("a block sequence cannot start on the same line as its key; start it on the next line")
        case "]", "}":
            throw cursor.error("unexpected '\(cursor.current.map(String.init) ?? "")' outside a flow collection")
        default:
            return try parseBlockPlainScalar(parentIndent: parentIndent)
        }
        cursor.skipBlanks()
        if cursor.current == ":" && cursor.nextIsBlankOrBreakOrEnd {
            if opening == "\"" || opening == "'" {
                throw cursor.error("a mapping cannot start on the same line as its key; start it on the next line")
            }
            throw .error("mapping keys must be scalars", at: start)
        }
        try expectLineEnd()
        return node
    }

    mutating func expectLineEnd() throws(Diagnostic) {
        if !cursor.skipSpaceAndComment() {
            throw cursor.error("unexpected text after the value")
        }
    }

    var atSequenceEntry: Bool { cursor.current == "-" && cursor.nextIsBlankOrBreakOrEnd }

    mutating func enterNesting() throws(Diagnostic) {
        depth += 1
        if depth > YAMLParser.maxNesting {
            throw cursor.error("nesting is deeper than \(YAMLParser.maxNesting) levels")
        }
        deepest = max(deepest, depth)
        nodeCount += 1
    }

    /// Where a node's own reading starts, to measure its height and size when it is anchored.
    struct NodeMark {
        fileprivate var level: Int
        fileprivate var deepestBefore: Int
        fileprivate var nodeCount: Int
    }

    mutating func markNode() -> NodeMark {
        defer { deepest = depth }
        return NodeMark(level: depth, deepestBefore: deepest, nodeCount: nodeCount)
    }

    /// Records an anchored node with its measures, and hands the deepest level on to the parent.
    mutating func finish(_ node: YAMLNode, since mark: NodeMark, anchor: String?) {
        if let anchor {
            anchors[anchor] = YAMLAnchor(node: node, height: deepest - mark.level + 1, size: nodeCount - mark.nodeCount + 1)
        }
        deepest = max(deepest, mark.deepestBefore)
    }

    mutating func leaveNesting() { depth -= 1 }

    func complexKeyError() -> Diagnostic {
        cursor.error("complex keys ('? ') are not supported; write 'key: value'")
    }

    /// Reads `&anchor` (at most one) and rejects tags; returns the anchor name.
    mutating func parseProperties(skippingBreaks: Bool) throws(Diagnostic) -> String? {
        var anchor: String?
        while true {
            if cursor.current == "!" {
                throw cursor.error("tags are not supported; remove the '!' tag")
            }
            guard cursor.current == "&" else { return anchor }
            if anchor != nil {
                throw cursor.error("a node can have only one anchor")
            }
            anchor = try parseName(of: "anchor")
            if skippingBreaks { skipFlowSpace() } else { cursor.skipBlanks() }
        }
    }

    mutating func parseAlias() throws(Diagnostic) -> YAMLNode {
        let start = cursor.location
        let name = try parseName(of: "alias")
        guard let anchor = anchors[name] else {
            throw .error("unknown alias '*\(name)'; define the anchor '&\(name)' before using it", at: start)
        }
        // The alias stands for a copy of the anchored node at this level: the copy must keep
        // within the nesting limit, and all copies together within the repetition limit, or a
        // small file could describe a tree too deep to walk or too large to read.
        let bottom = depth + anchor.height - 1
        guard bottom <= YAMLParser.maxNesting else {
            throw .error("nesting is deeper than \(YAMLParser.maxNesting) levels: '*\(name)' puts the \(anchor.height) levels of '&\(name)' below level \(depth)", at: start)
        }
        deepest = max(deepest, bottom)
        nodeCount += anchor.size - 1
        aliasNodes += anchor.size
        guard aliasNodes <= YAMLParser.maxAliasNodes else {
            throw .error("aliases repeat more than \(YAMLParser.maxAliasNodes) nodes in all; write the values out or use fewer aliases", at: start)
        }
        var node = anchor.node
        node.location = start
        return node
    }

    /// Reads the name after `&` or `*`, which runs to whitespace or a flow indicator.
    private mutating func parseName(of kind: String) throws(Diagnostic) -> String {
        let indicator = cursor.location
        cursor.advance()
        var name = ""
        while let scalar = cursor.current, !YAMLCursor.isWhitespace(scalar), !YAMLCursor.isFlowIndicator(scalar) {
            name.unicodeScalars.append(scalar)
            cursor.advance()
        }
        if name.isEmpty {
            throw .error("expected an \(kind) name", at: indicator)
        }
        return name
    }
}
