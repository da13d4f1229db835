import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A streaming XML reader (Foundation's `XMLParser`) that hands element starts, ends and text to
/// closures: a workbook's sheet is read once, front to back, without building a tree.
final class XMLEvents: NSObject, XMLParserDelegate {
    var onStart: (_ name: String, _ attributes: [String: String]) -> Void = { _, _ in }
    var onEnd: (_ name: String) -> Void = { _ in }
    var onText: (_ text: String) -> Void = { _ in }

    /// Parses `data`; a malformed document is an error naming `part` of `file`.
    func parse(_ data: Data, part: String, file: String) throws {
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.shouldProcessNamespaces = false
        guard parser.parse() else {
            let cause = parser.parserError.map { "\($0.localizedDescription)" } ?? "?"
            throw CharterError(.badInput, file: file,
                               Message("sheet.workbook.badXML", ["part": part, "line": String(parser.lineNumber), "cause": cause]),
                               hint: Message("sheet.workbook.unreadable.hint"))
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        onStart(elementName, attributes)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        onEnd(elementName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        onText(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        onText(String(decoding: CDATABlock, as: UTF8.self))
    }
}
