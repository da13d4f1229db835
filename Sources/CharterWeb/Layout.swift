import CharterKit
import Foundation

/// The page around every page: header, navigation, who is signed in, the embedded CSS.
enum Layout {
    static func page(title: String, body: HTML, exchange: Exchange) -> HTML {
        let console = exchange.console
        let t = console.t
        let path = exchange.request.uri.path
        let charterTitle = (try? console.repository.charter(.revision("HEAD")).manifest.title) ?? "charter"
        func tab(_ href: String, _ label: String, _ active: Bool) -> HTML {
            "<a href=\"\(href)\"\(HTML.when(active, " aria-current=\"page\""))>\(label)</a>"
        }
        var who: HTML
        if let session = exchange.session, let facilitator = try? exchange.facilitator() {
            who = """
                <span class="who" data-facilitator="\(facilitator.id)">\(facilitator.name) · \(facilitator.territories.joined(separator: ", "))</span>
                <form method="post" action="/signout" class="inline"><input type="hidden" name="csrf" value="\(session.csrf)">\
                <button type="submit" class="link">\(t("Se déconnecter", "Sign out"))</button></form>
                """
        } else {
            who = "<span class=\"who reader\">\(t("Lecture seule", "Read only"))</span>"
        }
        return """
            <!doctype html>
            <html lang="\(console.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) — \(charterTitle)</title>
            <style>
            \(HTML(trusted: css))</style>
            <script src="/assets/console.js" defer></script>
            </head>
            <body>
            <header class="top">
            <a class="brand" href="/">\(charterTitle)</a>
            <nav>
            \(tab("/", t("Charte", "Charter"), path == "/" || path.hasPrefix("/clauses")))
            \(tab("/workshops", t("Ateliers", "Workshops"), path.hasPrefix("/workshops")))
            \(tab("/status", t("État des positions", "Status"), path.hasPrefix("/status")))
            \(tab("/amendments", t("Amendements", "Amendments"), path.hasPrefix("/amendments")))
            </nav>
            <div class="session">\(who)</div>
            </header>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
    }

    /// A consensus badge.
    static func badge(_ status: ClauseStatus, _ language: Language) -> HTML {
        "<span class=\"badge \(status.rawValue)\" data-status=\"\(status.rawValue)\">\(language.status(status))</span>"
    }

    /// A position cell's mark: ✔ ~ ✖, starred when made on older text.
    static func mark(_ cell: PositionCell?, territory: String, _ language: Language) -> HTML {
        guard let cell else { return "<span class=\"mark none\" title=\"\(territory)\">·</span>" }
        let stale = cell.currency == .stale
        let tip = "\(territory) — \(language.position(cell.position))" + (stale ? " (\(language.words.staleMark))" : "")
        return "<span class=\"mark \(cell.position.rawValue)\(stale ? " stale" : "")\" title=\"\(tip)\">"
            + "\(ReportColors.symbol(cell.position) + (stale ? "*" : ""))</span>"
    }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    static let css = """
        :root { --ink: #1c1f23; --muted: #5c6670; --line: #d9dee3; --soft: #f4f6f8; --accent: #1d4f91; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; line-height: 1.45; }
        header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem 1.5rem; padding: 0.6rem 1.2rem; background: #17324f; color: #fff; }
        header.top a { color: #fff; text-decoration: none; }
        .brand { font-weight: 700; font-size: 1.05rem; }
        nav { display: flex; gap: 0.2rem; flex-wrap: wrap; }
        nav a { padding: 0.3rem 0.7rem; border-radius: 0.35rem; }
        nav a[aria-current=page], nav a:hover { background: rgba(255,255,255,0.18); }
        .session { margin-left: auto; font-size: 0.85rem; display: flex; gap: 0.6rem; align-items: center; }
        .session .link { color: #fff; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
        h1 { font-size: 1.5rem; margin: 0.6rem 0; }
        h2 { font-size: 1.2rem; margin-top: 1.8rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; }
        h3 { font-size: 1.02rem; margin: 1rem 0 0.3rem; }
        a { color: var(--accent); }
        code { font-size: 0.85em; color: var(--muted); }
        .muted, .meta { color: var(--muted); font-size: 0.88rem; }
        .badge { display: inline-block; font-size: 0.72rem; padding: 0.08rem 0.5rem; border-radius: 0.7rem; color: #fff; white-space: nowrap; vertical-align: middle; }
        .badge.consensus { background: #2e7d32; }
        .badge.consensus-with-reservations { background: #8bc34a; color: #1a1a1a; }
        .badge.objection { background: #c62828; }
        .badge.open { background: #b0b7bf; color: #1a1a1a; }
        .badge.stale { background: #8e6fb5; }
        .badge.state { background: #455a64; }
        ol.clauses { list-style: none; padding: 0; margin: 0; }
        ol.clauses li { display: flex; gap: 0.6rem; align-items: baseline; padding: 0.35rem 0.2rem; border-bottom: 1px solid var(--soft); }
        ol.clauses .number { color: var(--muted); min-width: 2rem; text-align: right; }
        ol.clauses .title { flex: 1; }
        ol.clauses .state { width: 12.5rem; }
        form.diff-form, form.inline-form { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin: 0.5rem 0; }
        form.diff-form label, form.inline-form label { display: grid; gap: 0.15rem; font-size: 0.85rem; max-width: 100%; }
        form.diff-form select { max-width: 22rem; }
        label.check { display: inline-block; margin-right: 1rem; }
        .marks { font-family: ui-monospace, monospace; letter-spacing: 0.1rem; }
        .mark { display: inline-block; width: 1.3rem; text-align: center; border-radius: 0.2rem; color: #fff; }
        .mark.support { background: #2e7d32; } .mark.reservation { background: #f0a30a; } .mark.objection { background: #c62828; }
        .mark.none { color: #9aa3ab; }
        .mark.stale { opacity: 0.45; }
        .clause-text { white-space: pre-wrap; font-family: Georgia, "Times New Roman", serif; font-size: 1.05rem; line-height: 1.6; background: var(--soft); padding: 1rem 1.2rem; border-radius: 0.4rem; }
        mark { background: #ffe58a; padding: 0 0.1rem; }
        mark.stale { background: #e3d7f3; }
        .redline { white-space: pre-wrap; font-family: Georgia, serif; line-height: 1.6; border: 1px solid var(--line); padding: 0.8rem 1rem; border-radius: 0.4rem; }
        del { background: #fde2e2; color: #8b0000; text-decoration: line-through; }
        ins { background: #ddf4dd; color: #05520b; text-decoration: underline; }
        table { border-collapse: collapse; }
        table.data { width: 100%; font-size: 0.9rem; }
        table.data th, table.data td { border-bottom: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
        table.heatmap { font-size: 0.85rem; }
        table.heatmap th.territory { writing-mode: vertical-rl; transform: rotate(180deg); font-weight: 500; padding: 0.4rem 0.1rem; white-space: nowrap; text-align: left; }
        table.heatmap th.label { text-align: left; font-weight: normal; padding-right: 0.8rem; }
        table.heatmap td, table.heatmap th { padding: 0.15rem 0.25rem; }
        table.heatmap td.cell { width: 1.9rem; height: 1.6rem; text-align: center; color: #fff; border: 2px solid #fff; border-radius: 0.3rem; }
        td.cell.support { background: #2e7d32; } td.cell.reservation { background: #f0a30a; } td.cell.objection { background: #c62828; }
        td.cell.none { background: #eef0f2; } td.cell.stale { opacity: 0.45; }
        .grid-wrap { overflow-x: auto; }
        table.grid { font-size: 0.85rem; }
        table.grid th, table.grid td { border: 1px solid var(--line); padding: 0.25rem; vertical-align: top; }
        table.grid thead th { background: var(--soft); position: sticky; top: 0; }
        table.grid th.clause { text-align: left; min-width: 13rem; max-width: 18rem; font-weight: 500; }
        table.grid td { min-width: 8.5rem; }
        table.grid select { width: 100%; font-size: 0.85rem; }
        table.grid textarea { width: 100%; font-size: 0.8rem; min-height: 2.2rem; resize: vertical; }
        table.grid td.readonly { background: #fafbfc; color: var(--muted); }
        table.grid td.changed { background: #fff8dc; }
        table.grid td.error { background: #fdecea; }
        .cell-error { color: #b3261e; font-size: 0.75rem; }
        table.grid .line { display: flex; gap: 0.3rem; align-items: center; margin-bottom: 0.2rem; }
        table.grid .line select { flex: 1; }
        form.stack { display: grid; gap: 0.6rem; max-width: 40rem; }
        form.stack label { display: grid; gap: 0.2rem; font-size: 0.9rem; }
        input[type=text], input[type=date], select, textarea { font: inherit; padding: 0.3rem 0.4rem; border: 1px solid #b8c0c8; border-radius: 0.3rem; }
        button { font: inherit; padding: 0.4rem 0.9rem; border: 0; border-radius: 0.35rem; background: var(--accent); color: #fff; cursor: pointer; }
        button.link { background: none; padding: 0; text-decoration: underline; color: var(--accent); }
        form.inline { display: inline; }
        .notice { padding: 0.6rem 0.9rem; border-radius: 0.4rem; background: #e8f5e9; border: 1px solid #a5d6a7; }
        .problem { padding: 0.6rem 0.9rem; border-radius: 0.4rem; background: #fdecea; border: 1px solid #f5b7b1; }
        .error-message { font-weight: 600; }
        .comment { border-left: 3px solid var(--line); padding: 0.2rem 0.8rem; margin: 0.5rem 0; }
        .comment.stale { border-left-color: #8e6fb5; }
        .comment.retracted { opacity: 0.6; text-decoration: line-through; }
        .tag { font-size: 0.72rem; border-radius: 0.3rem; padding: 0 0.35rem; background: var(--soft); border: 1px solid var(--line); }
        .tag.stale { background: #efe7fa; border-color: #c9b5e6; }
        .columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; }
        @media (max-width: 60rem) { .columns { grid-template-columns: 1fr; } }
        figure { margin: 1rem 0; overflow-x: auto; }
        figure svg { max-width: 100%; height: auto; }
        .legend { font-size: 0.85rem; color: var(--muted); }

        """
}

/// The console's only script, served from the binary: marks changed grid cells and warns
/// before leaving a grid with unsaved entries. The console works without it.
enum Assets {
    static let script = """
        "use strict";
        document.addEventListener("DOMContentLoaded", function () {
          var grid = document.querySelector("form.grid-form");
          if (!grid) return;
          var dirty = false;
          grid.addEventListener("input", function (event) {
            var cell = event.target.closest("td");
            if (cell) cell.classList.add("changed");
            dirty = true;
          });
          grid.addEventListener("submit", function () { dirty = false; });
          window.addEventListener("beforeunload", function (event) {
            if (dirty) { event.preventDefault(); event.returnValue = ""; }
          });
        });

        """
}
