import CharterKit

/// A piece of HTML whose dynamic parts are always escaped.
///
/// Literal text written in the source is markup; every `String` interpolated into it is
/// escaped (`&`, `<`, `>`, `"`, `'`), so text from the charter, the records or a request can
/// only ever appear as text. Markup made elsewhere enters only through `HTML(trusted:)`, used
/// for the few renderers of CharterKit that escape on their own (the redline fragment, the
/// SVG figures, clause bodies through `MarkdownLite`).
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var rendered: String

    /// Markup already safe: produced by an escaping renderer.
    public init(trusted markup: String) { rendered = markup }

    public init(stringLiteral value: String) { rendered = value }

    public init(stringInterpolation: StringInterpolation) { rendered = stringInterpolation.output }

    public var description: String { rendered }

    public static let empty = HTML(trusted: "")

    public static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(trusted: lhs.rendered + rhs.rendered) }

    public static func += (lhs: inout HTML, rhs: HTML) { lhs.rendered += rhs.rendered }

    /// Escapes text for HTML text and attribute values.
    public static func escape(_ text: String) -> String { HTMLDiffRenderer.escape(text) }

    public struct StringInterpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) { output += literal }
        /// Text: escaped.
        public mutating func appendInterpolation(_ text: String) { output += HTML.escape(text) }
        public mutating func appendInterpolation(_ text: Substring) { output += HTML.escape(String(text)) }
        public mutating func appendInterpolation(_ number: Int) { output += String(number) }
        public mutating func appendInterpolation(_ html: HTML) { output += html.rendered }
        public mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { output += part.rendered } }
        public mutating func appendInterpolation(_ html: HTML?) { output += html?.rendered ?? "" }
    }
}

extension Array where Element == HTML {
    func joined(separator: HTML = .empty) -> HTML {
        HTML(trusted: map(\.rendered).joined(separator: separator.rendered))
    }
}

extension HTML {
    /// `condition ? html : nothing`.
    static func when(_ condition: Bool, _ html: @autoclosure () -> HTML) -> HTML { condition ? html() : .empty }

    /// `condition ? a : b`, typed, so both literals are markup (a bare ternary of two literals
    /// inside an interpolation would be a `String`, and escaped).
    static func choose(_ condition: Bool, _ yes: @autoclosure () -> HTML, _ no: @autoclosure () -> HTML) -> HTML {
        condition ? yes() : no()
    }

    /// `selected` / `checked` / `disabled` attributes.
    static func flag(_ name: HTML, _ on: Bool) -> HTML { on ? " " + name : .empty }
}

/// Percent-encoding for a value put into a URL's query or path.
enum URLText {
    static func component(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2, with: "0")
            }
        }
        return out
    }

    /// `path?a=1&b=2`, leaving out nil values.
    static func link(_ path: String, _ query: [(String, String?)]) -> String {
        let parts = query.compactMap { key, value in value.map { "\(key)=\(component($0))" } }
        return parts.isEmpty ? path : path + "?" + parts.joined(separator: "&")
    }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character) -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
