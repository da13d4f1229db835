/// Writes a sheet as an OpenDocument spreadsheet (.ods) that LibreOffice opens: a bold header
/// row kept in view (frozen, in the view settings), column widths, a drop-down list (content
/// validation) on each column that has choices, line breaks as paragraphs.
enum ODSWriter {
    static let mimetype = "application/vnd.oasis.opendocument.spreadsheet"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" \
        xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"
        """

    static func write(_ sheet: WorkbookSheet) throws -> [UInt8] {
        let zip = try WorkbookZip()
        try zip.add("mimetype", mimetype, stored: true)
        try zip.add("META-INF/manifest.xml", declaration + """
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">\
            <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="\(mimetype)"/>\
            <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
            <manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/>\
            </manifest:manifest>
            """)
        try zip.add("content.xml", content(sheet))
        try zip.add("settings.xml", settings(sheet))
        return zip.bytes()
    }

    static func content(_ sheet: WorkbookSheet) -> String {
        let name = XMLText.escaped(sheet.name)
        var xml = declaration + "<office:document-content \(namespaces) office:version=\"1.2\"><office:automatic-styles>"
        for (index, column) in sheet.columns.enumerated() {
            xml += "<style:style style:name=\"co\(index + 1)\" style:family=\"table-column\">"
                + "<style:table-column-properties style:column-width=\"\(column.width * 2)mm\"/></style:style>"
        }
        xml += "<style:style style:name=\"header\" style:family=\"table-cell\"><style:text-properties fo:font-weight=\"bold\"/></style:style>"
        xml += "<style:style style:name=\"body\" style:family=\"table-cell\">"
            + "<style:table-cell-properties fo:wrap-option=\"wrap\" style:vertical-align=\"top\"/></style:style>"
        xml += "</office:automatic-styles><office:body><office:spreadsheet>"
        let validated = sheet.columns.enumerated().filter { $0.element.choices != nil }
        if !validated.isEmpty {
            xml += "<table:content-validations>"
            for (index, column) in validated {
                let list = (column.choices ?? []).map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ";")
                let base = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'." + ColumnLetter.of(index) + "2"
                xml += "<table:content-validation table:name=\"choices\(index + 1)\" "
                    + "table:condition=\"\(XMLText.escaped("of:cell-content-is-in-list(" + list + ")"))\" "
                    + "table:allow-empty-cell=\"true\" table:display-list=\"unsorted\" table:base-cell-address=\"\(XMLText.escaped(base))\">"
                    + "<table:error-message table:display=\"true\" table:message-type=\"stop\"/></table:content-validation>"
            }
            xml += "</table:content-validations>"
        }
        xml += "<table:table table:name=\"\(name)\">"
        for index in sheet.columns.indices {
            xml += "<table:table-column table:style-name=\"co\(index + 1)\" table:default-cell-style-name=\"body\"/>"
        }
        xml += "<table:table-header-rows><table:table-row>"
        for column in sheet.columns {
            xml += cell(.text(column.title), style: "header", validation: nil)
        }
        xml += "</table:table-row></table:table-header-rows>"
        for values in sheet.rows {
            xml += "<table:table-row>"
            for index in 0..<max(values.count, sheet.columns.count) {
                let value = index < values.count ? values[index] : .text("")
                let validation = index < sheet.columns.count && sheet.columns[index].choices != nil ? "choices\(index + 1)" : nil
                xml += cell(value, style: "body", validation: validation)
            }
            xml += "</table:table-row>"
        }
        return xml + "</table:table></office:spreadsheet></office:body></office:document-content>"
    }

    static func cell(_ value: WorkbookSheet.Value, style: String, validation: String?) -> String {
        let attributes = " table:style-name=\"\(style)\"" + (validation.map { " table:content-validation-name=\"\($0)\"" } ?? "")
        switch value {
        case .number(let number):
            return "<table:table-cell\(attributes) office:value-type=\"float\" office:value=\"\(number)\"><text:p>\(number)</text:p></table:table-cell>"
        case .text(let raw):
            let text = CellSafety.neutralised(raw)
            if text.isEmpty { return "<table:table-cell\(attributes)/>" }
            return "<table:table-cell\(attributes) office:value-type=\"string\">" + paragraphs(text) + "</table:table-cell>"
        }
    }

    /// Each line as a `<text:p>`; runs of spaces as `<text:s/>` (XML would collapse them), tabs as `<text:tab/>`.
    static func paragraphs(_ text: String) -> String {
        var xml = ""
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" }
        for line in lines {
            xml += "<text:p>"
            var spaces = 0
            var atStart = true
            func flush() {
                guard spaces > 0 else { return }
                if atStart {
                    xml += "<text:s text:c=\"\(spaces)\"/>"
                } else {
                    xml += " " + (spaces > 1 ? "<text:s text:c=\"\(spaces - 1)\"/>" : "")
                }
                spaces = 0
            }
            for scalar in line.unicodeScalars {
                if scalar == " " {
                    spaces += 1
                    continue
                }
                flush()
                atStart = false
                if scalar == "\t" {
                    xml += "<text:tab/>"
                } else if XMLText.isAllowed(scalar) {
                    xml += XMLText.escaped(String(scalar))
                } else {
                    xml += "\u{FFFD}"  // XML cannot carry this control character: shown as �, not dropped silently
                }
            }
            if spaces > 0 {
                // Trailing spaces: a plain space then the rest would be collapsed at the end of a paragraph.
                xml += "<text:s text:c=\"\(spaces)\"/>"
                spaces = 0
            }
            xml += "</text:p>"
        }
        return xml
    }

    static func settings(_ sheet: WorkbookSheet) -> String {
        guard sheet.freezesHeader else {
            return declaration + "<office:document-settings \(namespaces) office:version=\"1.2\"><office:settings/></office:document-settings>"
        }
        func item(_ name: String, _ type: String, _ value: String) -> String {
            "<config:config-item config:name=\"\(name)\" config:type=\"\(type)\">\(value)</config:config-item>"
        }
        return declaration + "<office:document-settings \(namespaces) office:version=\"1.2\"><office:settings>"
            + "<config:config-item-set config:name=\"ooo:view-settings\"><config:config-item-map-indexed config:name=\"Views\">"
            + "<config:config-item-map-entry>" + item("ViewId", "string", "view1")
            + "<config:config-item-map-named config:name=\"Tables\"><config:config-item-map-entry config:name=\"\(XMLText.escaped(sheet.name))\">"
            + item("HorizontalSplitMode", "short", "0") + item("VerticalSplitMode", "short", "2")
            + item("HorizontalSplitPosition", "int", "0") + item("VerticalSplitPosition", "int", "1")
            + item("ActiveSplitRange", "short", "2") + item("PositionLeft", "int", "0") + item("PositionRight", "int", "0")
            + item("PositionTop", "int", "0") + item("PositionBottom", "int", "1")
            + "</config:config-item-map-entry></config:config-item-map-named>"
            + item("ActiveTable", "string", XMLText.escaped(sheet.name))
            + "</config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set>"
            + "</office:settings></office:document-settings>"
    }
}
