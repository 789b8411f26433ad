/// Reads the YAML subset that scenario files use (see scenario-format.md, "YAML accepted").
///
/// Supported: block mappings and sequences, flow collections, plain, quoted and block
/// scalars, comments, anchors, aliases and merge keys, one document with an optional `---`
/// and `...`. JSON is valid input. Tags, complex keys, directives and further documents are
/// rejected with a diagnostic that names the offending character, as is nesting deeper than
/// 100 levels (counting what aliases repeat) and aliases that repeat more than 100,000 nodes.
///
/// One deliberate difference from YAML: in block context a plain value runs to the end of
/// the line, so `latency: mix(90%: 1ms, 10%: 2ms)` is one string rather than an error, and
/// parentheses group in flow context so that `{latency: mix(90%: 1ms, 10%: 2ms)}` works too.
public enum YAMLParser {
    /// How deeply nodes may nest (the root is level 1). Deep enough for any real
    /// configuration, shallow enough that recursion cannot exhaust a thread's stack on hostile
    /// input, even in a debug build.
    static let maxNesting = 100

    /// How many nodes aliases may repeat in one document, all aliases together. A scenario
    /// repeats a few defaults; nested aliases (`&b [*a, *a, …]`) could otherwise describe a
    /// tree of billions of nodes in a few lines.
    static let maxAliasNodes = 100_000

    /// Parses one YAML document. `file` is used in every SourceLocation.
    public static func parse(_ text: String, file: String) throws(Diagnostic) -> YAMLNode {
        var reader = YAMLReader(text, file: file)
        return try reader.parseDocument()
    }

    /// Parses a stream of documents separated by `---` (and optionally ended by `...`), as
    /// Kubernetes manifests are written. Empty documents are skipped, as `kubectl` skips them;
    /// anchors and the alias budget are per document, as the YAML specification scopes them.
    public static func parseStream(_ text: String, file: String) throws(Diagnostic) -> [YAMLNode] {
        var reader = YAMLReader(text, file: file)
        var documents: [YAMLNode] = []
        while true {
            switch try reader.parseStreamDocument() {
            case .end: return documents
            case .empty: continue
            case .document(let node): documents.append(node)
            }
        }
    }
}

extension YAMLReader {
    mutating func parseDocument() throws(Diagnostic) -> YAMLNode {
        let documentStart = SourceLocation(file: cursor.file, line: 1, column: 1)
        let emptyDocument = YAMLNode(.mapping([]), at: documentStart)
        guard try cursor.skipToContentLine() != nil else { return emptyDocument }
        if cursor.current == "%" && cursor.column == 0 {
            throw cursor.error("directives such as %YAML and %TAG are not supported")
        }
        var root: YAMLNode?
        if cursor.atDocumentMarker && cursor.current == "-" {
            advancePastMarker()
            let context = NodeContext(
                parentIndent: -1, allowsBlockCollection: false, allowsIndentlessSequence: false,
                emptyLocation: documentStart)
            let node = try parseNode(context)
            // `---` followed by nothing is an empty document, not an empty scalar.
            if node.value != .scalar("", quoted: false) || node.location != documentStart {
                root = node
            }
        } else if !cursor.atDocumentMarker {
            let context = NodeContext(
                parentIndent: -1, allowsBlockCollection: true, allowsIndentlessSequence: false,
                emptyLocation: documentStart)
            root = try parseNode(context)
        }
        try expectDocumentEnd()
        return root ?? emptyDocument
    }

    enum StreamDocument { case end, empty, document(YAMLNode) }

    /// The next document of a stream. A `---` that ends a document is left for the next one.
    mutating func parseStreamDocument() throws(Diagnostic) -> StreamDocument {
        resetDocumentState()
        guard try cursor.skipToContentLine() != nil else { return .end }
        if cursor.current == "%" && cursor.column == 0 {
            throw cursor.error("directives such as %YAML and %TAG are not supported")
        }
        let documentStart = cursor.location
        var root: YAMLNode?
        if cursor.atDocumentMarker && cursor.current == "." {
            try skipEndMarker()
            return .empty
        }
        let context: NodeContext
        if cursor.atDocumentMarker {
            advancePastMarker()
            context = NodeContext(parentIndent: -1, allowsBlockCollection: false, allowsIndentlessSequence: false, emptyLocation: documentStart)
        } else {
            context = NodeContext(parentIndent: -1, allowsBlockCollection: true, allowsIndentlessSequence: false, emptyLocation: documentStart)
        }
        let node = try parseNode(context)
        if node.value != .scalar("", quoted: false) || node.location != documentStart { root = node }
        if try cursor.skipToContentLine() != nil {
            if cursor.atDocumentMarker && cursor.current == "." {
                try skipEndMarker()
            } else if !cursor.atDocumentMarker {
                throw cursor.error("unexpected content after the document's root node; check the indentation of this line")
            }
        }
        return root.map { .document($0) } ?? .empty
    }

    private mutating func skipEndMarker() throws(Diagnostic) {
        advancePastMarker()
        if !cursor.skipSpaceAndComment() {
            throw cursor.error("unexpected text after the document end marker '...'")
        }
    }

    /// After the root node only a `...` marker, blank lines and comments may follow.
    private mutating func expectDocumentEnd() throws(Diagnostic) {
        guard try cursor.skipToContentLine() != nil else { return }
        if cursor.atDocumentMarker && cursor.current == "." {
            advancePastMarker()
            if !cursor.skipSpaceAndComment() {
                throw cursor.error("unexpected text after the document end marker '...'")
            }
            guard try cursor.skipToContentLine() != nil else { return }
            throw cursor.error("only one document per file")
        }
        if cursor.atDocumentMarker {
            throw cursor.error("only one document per file")
        }
        throw cursor.error("unexpected content after the document's root node; check the indentation of this line")
    }

    private mutating func advancePastMarker() {
        for _ in 0..<3 { cursor.advance() }
    }
}
