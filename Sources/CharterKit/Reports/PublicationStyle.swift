/// The published charter's stylesheet: the screen layout, and the print layout (A4, margins,
/// running header with the title and version, « page X sur Y » on every page, headings kept
/// with what follows them) that Chromium follows to make the PDF.
enum PublicationStyle {
    /// The `@page` rules: `pageNumber` holds U+0001 where the page number goes and U+0002
    /// where the page count goes.
    static func page(title: String, version: String, pageNumber: String) -> String {
        let number = "\"" + cssString(pageNumber).replacingOccurrences(of: "\u{1}", with: "\" counter(page) \"")
            .replacingOccurrences(of: "\u{2}", with: "\" counter(pages) \"") + "\""
        return """
        @page {
          size: A4;
          margin: 22mm 18mm 20mm 20mm;
          @top-left { content: "\(cssString(title))"; font: 8.5pt system-ui, sans-serif; color: #555; vertical-align: bottom; padding-bottom: 3mm; }
          @top-right { content: "\(cssString(version))"; font: 8.5pt system-ui, sans-serif; color: #555; vertical-align: bottom; padding-bottom: 3mm; }
          @bottom-center { content: \(number); font: 8.5pt system-ui, sans-serif; color: #333; }
        }
        @page :first { @top-left { content: none; } @top-right { content: none; } }

        """
    }

    /// Text as the inside of a CSS string: backslashes, quotes and line breaks escaped.
    static func cssString(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n", "\r": out += " "
            case "<": out += "\\3C "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let css = """
        body { font-family: Georgia, "DejaVu Serif", "Times New Roman", serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
        h1 { font-size: 1.9rem; margin-bottom: 0.4rem; }
        h2 { font-size: 1.3rem; border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; margin-top: 2rem; }
        h3 { font-size: 1.06rem; margin: 1.2rem 0 0.3rem; }
        h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
        p, li { orphans: 2; widows: 2; }
        .meta { font-family: system-ui, sans-serif; font-size: 0.88rem; color: #444; margin: 0.2rem 0; }
        .number { color: #666; }
        .badge { font-family: system-ui, sans-serif; font-size: 0.72rem; font-weight: normal; padding: 0.08rem 0.45rem; border-radius: 0.7rem; vertical-align: 0.08rem; white-space: nowrap; color: #fff; }
        .badge.consensus { background: #2e7d32; }
        .badge.consensus-with-reservations { background: #8bc34a; color: #1a1a1a; }
        .badge.objection { background: #c62828; }
        .badge.open { background: #b0b7bf; color: #1a1a1a; }
        .badge.stale { background: #8e6fb5; }
        .origin { font-size: 0.84rem; color: #444; font-style: italic; margin: 0.2rem 0; }
        .participation { font-family: system-ui, sans-serif; font-size: 0.84rem; color: #333; margin: 0.2rem 0 0.5rem; }
        sup.refs { font-size: 0.72em; line-height: 0; }
        sup.refs a, a.back { text-decoration: none; }
        ol.notes { font-size: 0.84rem; color: #333; border-left: 3px solid #e0e3e6; margin: 0.4rem 0 0.8rem; padding-left: 2.2rem; }
        ol.notes li.objection::marker { color: #c62828; font-weight: bold; }
        ol.notes li.reservation::marker { color: #a06c00; font-weight: bold; }
        a.reference { color: #1d4f91; }
        .toc ol { list-style: none; padding: 0; margin: 0; }
        .toc li { margin: 0.15rem 0; }
        .toc li.level-1 { font-weight: bold; margin-top: 0.5rem; }
        .toc li.level-2 { padding-left: 1.5rem; font-size: 0.95rem; }
        .toc a { display: flex; color: inherit; text-decoration: none; }
        .toc .label { flex: 1; }
        .toc .page { padding-left: 0.8rem; font-variant-numeric: tabular-nums; }
        .legend dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 0.8rem; font-size: 0.92rem; }
        .legend dd { margin: 0; }
        .redline { white-space: pre-wrap; font-size: 0.92rem; background: #fafafa; border-left: 3px solid #e0e3e6; padding: 0.3rem 0.6rem; }
        del { color: #9b1c1c; text-decoration: line-through; }
        ins { color: #1b5e20; text-decoration: underline; }
        del + ins, ins + del { margin-left: 0.2em; }
        .kinds, .label { font-family: system-ui, sans-serif; font-size: 0.84rem; color: #444; margin: 0.2rem 0; }
        .amendment, .change { break-inside: avoid; }
        table { border-collapse: collapse; font-family: system-ui, sans-serif; font-size: 0.8rem; margin: 0.5rem 0; }
        caption { caption-side: bottom; text-align: left; color: #555; padding-top: 0.3rem; }
        th, td { border: 1px solid #d5d9dd; padding: 0.2rem 0.4rem; text-align: center; }
        tbody th, tfoot th { text-align: left; font-weight: normal; }
        th .date { font-weight: normal; color: #555; }
        tfoot { font-weight: bold; }
        figure { margin: 1.5rem 0; break-inside: avoid; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { font-family: system-ui, sans-serif; font-size: 0.85rem; color: #555; }
        .technical { font-family: system-ui, sans-serif; font-size: 0.8rem; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
          .cover { margin-top: 30mm; }
          nav.toc { break-after: page; }
          .legend { break-after: page; }
          .changes, .appendix, .participation-table, .figures, .technical { break-before: page; }
          h2 { margin-top: 0; }
          article { break-inside: avoid-page; }
          a { color: inherit; }
        }

        """
}
