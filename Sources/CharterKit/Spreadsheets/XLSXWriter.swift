/// Writes a sheet as an Office Open XML workbook (.xlsx) that Excel, LibreOffice and openpyxl
/// open: inline strings, a bold frozen header, column widths, wrapped text, and a drop-down list
/// (data validation) on each column that has choices.
enum XLSXWriter {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let package = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static func write(_ sheet: WorkbookSheet) throws -> [UInt8] {
        let zip = try WorkbookZip()
        try zip.add("[Content_Types].xml", declaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            </Types>
            """)
        try zip.add("_rels/.rels", declaration + """
            <Relationships xmlns="\(package)">\
            <Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """)
        try zip.add("xl/workbook.xml", declaration + """
            <workbook xmlns="\(main)" xmlns:r="\(relationships)">\
            <sheets><sheet name="\(XMLText.escaped(sheetName(sheet.name)))" sheetId="1" r:id="rId1"/></sheets>\
            </workbook>
            """)
        try zip.add("xl/_rels/workbook.xml.rels", declaration + """
            <Relationships xmlns="\(package)">\
            <Relationship Id="rId1" Type="\(relationships)/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="\(relationships)/styles" Target="styles.xml"/>\
            </Relationships>
            """)
        try zip.add("xl/styles.xml", declaration + """
            <styleSheet xmlns="\(main)">\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
            </cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """)
        try zip.add("xl/worksheets/sheet1.xml", worksheet(sheet))
        return zip.bytes()
    }

    static func worksheet(_ sheet: WorkbookSheet) -> String {
        var xml = declaration + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">"
        if sheet.freezesHeader {
            xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        }
        xml += "<cols>"
        for (index, column) in sheet.columns.enumerated() {
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(column.width)\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        xml += row(1, sheet.columns.map { .text($0.title) }, style: 1)
        for (offset, values) in sheet.rows.enumerated() {
            xml += row(offset + 2, values, style: 2)
        }
        xml += "</sheetData>"
        let validated = sheet.columns.enumerated().filter { $0.element.choices != nil }
        if !validated.isEmpty {
            let last = max(sheet.rows.count + 1, 2)
            xml += "<dataValidations count=\"\(validated.count)\">"
            for (index, column) in validated {
                let letter = ColumnLetter.of(index)
                let list = (column.choices ?? []).joined(separator: ",").replacingOccurrences(of: "\"", with: "\"\"")
                xml += "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" sqref=\"\(letter)2:\(letter)\(last)\">"
                    + "<formula1>\(XMLText.escaped("\"" + list + "\""))</formula1></dataValidation>"
            }
            xml += "</dataValidations>"
        }
        return xml + "</worksheet>"
    }

    static func row(_ number: Int, _ values: [WorkbookSheet.Value], style: Int) -> String {
        var xml = "<row r=\"\(number)\">"
        for (index, value) in values.enumerated() {
            let reference = "\(ColumnLetter.of(index))\(number)"
            switch value {
            case .number(let number):
                xml += "<c r=\"\(reference)\" s=\"\(style)\"><v>\(number)</v></c>"
            case .text(let raw):
                let text = CellSafety.neutralised(raw)
                if text.isEmpty { continue }
                xml += "<c r=\"\(reference)\" s=\"\(style)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escaped(text))</t></is></c>"
            }
        }
        return xml + "</row>"
    }

    /// XML-escaped, with Office Open XML's `_xHHHH_` escapes for characters XML cannot carry (and
    /// for a literal `_x` that would otherwise read as one).
    static func escaped(_ text: String) -> String {
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        var pending: UnicodeScalar? = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if scalar == "_" && pending == "x" {
                result += "_x005F_"
                continue
            }
            if XMLText.isAllowed(scalar) && scalar != "\r" {
                result += XMLText.escaped(String(scalar))
            } else {
                result += "_x" + hexadecimal4(scalar.value) + "_"
            }
        }
        return result
    }

    /// Sheet names: at most 31 characters, none of `[]:*?/\`.
    static func sheetName(_ name: String) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
        return cleaned.isEmpty ? "Feuille1" : cleaned
    }
}

/// Four upper-case hexadecimal digits.
func hexadecimal4(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: Swift.max(0, 4 - hex.utf8.count)) + hex
}
