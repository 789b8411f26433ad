import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element of a parsed chart: its name, attributes, and children in document order.
final class ChartElement {
    let name: String
    let attributes: [String: String]
    var children: [ChartElement] = []
    /// Character data directly inside this element.
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The text of the element and of everything inside it, as XPath's string value.
    var stringValue: String? { text + children.compactMap(\.stringValue).joined() }

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    /// The root element of `xml`; throws when it is not well-formed XML.
    static func parse(_ xml: String) throws -> ChartElement? {
        let builder = Builder()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = builder
        guard parser.parse() else {
            throw Malformed(description: "line \(parser.lineNumber), column \(parser.columnNumber): \(parser.parserError.map { "\($0)" } ?? "not well-formed")")
        }
        return builder.root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: ChartElement?
        var open: [ChartElement] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let element = ChartElement(name: elementName, attributes: attributes)
            if let parent = open.last { parent.children.append(element) } else { root = element }
            open.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            open.last?.text += string
        }
    }
}
