import CharterKit
import Foundation

/// The page around every page: header, navigation, who is signed in, the embedded CSS.
enum Layout {
    static func page(title: String, body: HTML, exchange: Exchange) -> HTML {
        let console = exchange.console
        let say = { (key: String) in console.say(key) }
        let path = exchange.request.uri.path
        let charterTitle = (try? console.repository.charter(.revision("HEAD")).manifest.title) ?? "charter"
        func tab(_ href: String, _ label: String, _ active: Bool) -> HTML {
            "<a href=\"\(href)\"\(HTML.when(active, " aria-current=\"page\""))>\(label)</a>"
        }
        var who: HTML
        let person = try? exchange.facilitator()
        if let session = exchange.session, let person {
            let role = session.isRepresentative ? console.say("console.layout.representative-of", ["territory": console.territoryNames(person.territories)])
                : console.territoryNames(person.territories)
            who = """
                <span class="who" data-facilitator="\(person.id)">\(person.name) · \(role)</span>
                <form method="post" action="/signout" class="inline"><input type="hidden" name="csrf" value="\(session.csrf)">\
                <button type="submit" class="link">\(say("console.layout.sign-out"))</button></form>
                """
        } else {
            who = "<span class=\"who reader\">\(say("console.layout.read-only"))</span>"
        }
        let facilitator = exchange.session.map { !$0.isRepresentative } == true && person != nil
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
            <a class="skip-link" href="#main">\(say("console.layout.skip"))</a>
            <header class="top">
            <a class="brand" href="/">\(charterTitle)</a>
            <nav aria-label="\(say("console.layout.navigation"))">
            \(tab("/", say("console.nav.charter"), path == "/" || path.hasPrefix("/clauses")))
            \(tab("/workshops", say("console.nav.workshops"), path.hasPrefix("/workshops")))
            \(tab("/status", say("console.nav.status"), path.hasPrefix("/status")))
            \(tab("/amendments", say("console.nav.amendments"), path.hasPrefix("/amendments")))
            \(tab("/export", say("console.nav.export"), path.hasPrefix("/export")))
            \(HTML.when(facilitator, tab("/invitations", say("console.nav.invitations"), path.hasPrefix("/invitations"))))
            </nav>
            <div class="session">\(who)</div>
            </header>
            <main id="main" tabindex="-1">
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

    /// Colours checked at ≥ 4.5:1 against their background (WCAG 2.1 AA): marks, badges, muted
    /// text; a stale mark is outlined and labelled, never faded.
    static let css = """
        :root { --ink: #1c1f23; --muted: #4f5862; --line: #c9d0d6; --soft: #f4f6f8; --accent: #1d4f91; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; line-height: 1.45; }
        .skip-link { position: absolute; left: -999px; top: 0; background: #fff; color: var(--accent); padding: 0.5rem 1rem; z-index: 10; }
        .skip-link:focus { left: 0.5rem; top: 0.5rem; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 1.2rem; padding: 0.5rem 1rem; background: #17324f; color: #fff; }
        header.top a { color: #fff; text-decoration: none; }
        .brand { font-weight: 700; font-size: 1.02rem; }
        nav { display: flex; gap: 0.2rem; flex-wrap: wrap; }
        nav a { padding: 0.3rem 0.6rem; border-radius: 0.35rem; }
        nav a[aria-current=page], nav a:hover { background: rgba(255,255,255,0.18); }
        .session { margin-left: auto; font-size: 0.85rem; display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap; }
        .session .link { color: #fff; }
        main { max-width: 72rem; margin: 0 auto; padding: 0.8rem 1rem 3rem; }
        main:focus { outline: none; }
        h1 { font-size: 1.45rem; margin: 0.5rem 0; }
        h2 { font-size: 1.18rem; margin-top: 1.6rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; }
        h3 { font-size: 1.02rem; margin: 1rem 0 0.3rem; }
        a { color: var(--accent); }
        code { font-size: 0.85em; color: var(--muted); }
        .muted, .meta { color: var(--muted); font-size: 0.88rem; }
        .badge { display: inline-block; font-size: 0.72rem; padding: 0.08rem 0.5rem; border-radius: 0.7rem; color: #fff; white-space: nowrap; vertical-align: middle; }
        .badge.consensus { background: #1b5e20; }
        .badge.consensus-with-reservations { background: #c5e1a5; color: #1a1a1a; }
        .badge.objection { background: #b71c1c; }
        .badge.open { background: #dfe3e7; color: #1a1a1a; }
        .badge.stale { background: #5e4387; }
        .badge.state { background: #455a64; }
        ol.clauses { list-style: none; padding: 0; margin: 0; }
        ol.clauses li { display: flex; gap: 0.6rem; align-items: baseline; padding: 0.35rem 0.2rem; border-bottom: 1px solid var(--soft); flex-wrap: wrap; }
        ol.clauses .number { color: var(--muted); min-width: 2rem; text-align: right; }
        ol.clauses .title { flex: 1; min-width: 12rem; }
        ol.clauses .state { width: 12.5rem; }
        form.diff-form, form.inline-form { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin: 0.5rem 0; }
        form.diff-form label, form.inline-form label { display: grid; gap: 0.15rem; font-size: 0.85rem; max-width: 100%; }
        form.diff-form select { max-width: min(22rem, 100%); }
        label.check { display: inline-block; margin-right: 1rem; }
        .marks { font-family: ui-monospace, monospace; letter-spacing: 0.1rem; }
        .mark { display: inline-block; min-width: 1.3rem; text-align: center; border-radius: 0.2rem; color: #fff; border: 2px solid transparent; font-weight: 600; }
        .mark.support { background: #1b5e20; } .mark.reservation { background: #ffd54f; color: #1a1a1a; } .mark.objection { background: #b71c1c; }
        .mark.none { color: #4f5862; background: #fff; border-color: #c9d0d6; }
        .mark.stale { background: #fff; border: 2px dashed #5e4387; color: #3b2a58; }
        .mark .stale-tag { font-size: 0.62rem; font-weight: 600; margin-left: 0.15rem; text-transform: uppercase; }
        .clause-text { white-space: pre-wrap; font-family: Georgia, "Times New Roman", serif; font-size: 1.05rem; line-height: 1.6; background: var(--soft); padding: 1rem 1.2rem; border-radius: 0.4rem; }
        mark { background: #ffe58a; padding: 0 0.1rem; }
        mark.stale { background: #e3d7f3; }
        .redline { white-space: pre-wrap; font-family: Georgia, serif; line-height: 1.6; border: 1px solid var(--line); padding: 0.8rem 1rem; border-radius: 0.4rem; overflow-wrap: anywhere; }
        del { background: #fde2e2; color: #8b0000; text-decoration: line-through; }
        ins { background: #ddf4dd; color: #05520b; text-decoration: underline; }
        table { border-collapse: collapse; }
        table.data { width: 100%; font-size: 0.9rem; }
        table.data th, table.data td { border-bottom: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        table.heatmap { font-size: 0.85rem; }
        table.heatmap th.territory { writing-mode: vertical-rl; transform: rotate(180deg); font-weight: 500; padding: 0.4rem 0.1rem; white-space: nowrap; text-align: left; }
        table.heatmap th.label { text-align: left; font-weight: normal; padding-right: 0.8rem; }
        table.heatmap td, table.heatmap th { padding: 0.15rem 0.25rem; }
        table.heatmap td.cell { width: 1.9rem; height: 1.6rem; text-align: center; color: #fff; border: 2px solid #fff; border-radius: 0.3rem; }
        td.cell.support { background: #1b5e20; } td.cell.reservation { background: #ffd54f; color: #1a1a1a; } td.cell.objection { background: #b71c1c; }
        td.cell.none { background: #eef0f2; color: #4f5862; } td.cell.stale { background: #fff; color: #3b2a58; outline: 2px dashed #5e4387; outline-offset: -3px; }
        .heatmap-wrap, figure { overflow-x: auto; max-width: 100%; }
        .grid-wrap { overflow: auto; max-height: calc(100vh - 7rem); border: 1px solid var(--line); }
        table.grid { font-size: 0.8rem; width: 100%; table-layout: fixed; }
        table.grid th, table.grid td { border: 1px solid var(--line); padding: 0.2rem; vertical-align: top; overflow-wrap: anywhere; }
        table.grid thead th { background: #e9edf1; position: sticky; top: 0; z-index: 2; font-weight: 600; }
        table.grid thead th.corner { left: 0; z-index: 3; width: 10.5rem; }
        table.grid th.clause { text-align: left; font-weight: 500; position: sticky; left: 0; z-index: 1; background: #fff; }
        table.grid select { width: 100%; font-size: 0.8rem; padding: 0.1rem; }
        table.grid textarea { width: 100%; font-size: 0.78rem; min-height: 1.9rem; resize: vertical; field-sizing: content; max-height: 12rem; padding: 0.15rem 0.25rem; }
        table.grid td.readonly { background: #fafbfc; color: var(--muted); }
        table.grid td.changed, .card-cell.changed { background: #fff8dc; }
        table.grid td.error, .card-cell.error { background: #fdecea; }
        .cell-text { font-size: 0.75rem; }
        .cell-error, .field-error { color: #a0191a; font-size: 0.78rem; font-weight: 600; margin: 0.15rem 0; }
        table.grid .line, .card-cell .line { display: flex; gap: 0.25rem; align-items: center; margin-bottom: 0.15rem; }
        table.grid .line select { flex: 1; min-width: 0; }
        a.project { font-size: 0.75rem; }
        .grid-actions { position: sticky; bottom: 0; background: #fff; padding: 0.4rem 0; margin: 0; }
        .cards { display: grid; gap: 0.8rem; }
        .card { border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.6rem 0.8rem; }
        .card h3 { margin-top: 0.2rem; }
        .card-cell { display: grid; gap: 0.3rem; padding: 0.3rem 0; }
        .card-cell select, .card-cell textarea { width: 100%; font-size: 1rem; }
        .card-territory { margin: 0.2rem 0; }
        .card-cell textarea { field-sizing: content; min-height: 4rem; }
        form.stack { display: grid; gap: 0.35rem; max-width: 40rem; }
        form.stack > label { font-size: 0.9rem; margin-top: 0.35rem; }
        form.stack label { display: grid; gap: 0.2rem; }
        input[type=text], input[type=date], input[type=email], input[type=number], select, textarea { font: inherit; padding: 0.3rem 0.4rem; border: 1px solid #6b7580; border-radius: 0.3rem; max-width: 100%; }
        input[aria-invalid=true], textarea[aria-invalid=true], select[aria-invalid=true] { border: 2px solid #a0191a; }
        :focus-visible { outline: 3px solid #f0a30a; outline-offset: 1px; }
        button { font: inherit; padding: 0.4rem 0.9rem; border: 0; border-radius: 0.35rem; background: var(--accent); color: #fff; cursor: pointer; }
        button.secondary { background: #fff; color: var(--accent); border: 1px solid var(--accent); padding: 0.2rem 0.6rem; }
        button.link { background: none; padding: 0; text-decoration: underline; color: var(--accent); }
        button[disabled] { opacity: 0.7; cursor: progress; }
        form.inline { display: inline; }
        .notice { padding: 0.6rem 0.9rem; border-radius: 0.4rem; background: #e8f5e9; border: 1px solid #a5d6a7; }
        .problem { padding: 0.6rem 0.9rem; border-radius: 0.4rem; background: #fdecea; border: 1px solid #f5b7b1; color: #5f0f0f; }
        .link-box { width: 100%; font-family: ui-monospace, monospace; font-size: 0.85rem; }
        .error-message { font-weight: 600; }
        .comment { border-left: 3px solid var(--line); padding: 0.2rem 0.8rem; margin: 0.5rem 0; }
        .comment.stale { border-left-color: #5e4387; }
        .comment.retracted { color: var(--muted); text-decoration: line-through; }
        .tag { font-size: 0.72rem; border-radius: 0.3rem; padding: 0 0.35rem; background: var(--soft); border: 1px solid var(--line); }
        .tag.stale { background: #efe7fa; border-color: #5e4387; color: #3b2a58; }
        .columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; }
        @media (max-width: 60rem) { .columns { grid-template-columns: 1fr; } }
        figure { margin: 1rem 0; }
        figure svg { max-width: 100%; height: auto; }
        .legend { font-size: 0.85rem; color: var(--muted); }
        .projection h1 { font-size: 2rem; }
        .clause-text.projected { font-size: 1.6rem; line-height: 1.5; }
        ul.projected-positions { list-style: none; padding: 0; font-size: 1.3rem; display: grid; gap: 0.4rem; }
        ul.projected-positions .said { color: var(--ink); }
        .projection-nav { display: flex; justify-content: space-between; gap: 1rem; margin: 1rem 0; font-size: 1.1rem; }
        @media (max-width: 40rem) {
          header.top { padding: 0.4rem 0.6rem; gap: 0.3rem 0.8rem; }
          main { padding: 0.6rem 0.6rem 2rem; }
          table.data { font-size: 0.82rem; }
          .session { margin-left: 0; }
        }

        """
}

/// The console's only script, served from the binary. The console works without it; with it:
/// what is typed in a grid is kept in the browser (localStorage) until it is saved, changed
/// cells are marked, Ctrl+S saves, Enter never sends a half-filled form, a form is sent once,
/// comment boxes grow, the first faulty field takes the focus, the projection view reloads
/// when something is recorded (server-sent events) and ← → move between clauses.
enum Assets {
    static let script = """
        "use strict";
        document.addEventListener("DOMContentLoaded", function () {
          // Enter in a one-line field never sends the form (a half-written comment, a quote).
          document.addEventListener("keydown", function (event) {
            var target = event.target;
            if (event.key === "Enter" && target && target.tagName === "INPUT" && target.type !== "submit" && target.form) {
              event.preventDefault();
            }
          });
          // A form is sent once: a double click does not send it twice.
          document.querySelectorAll("form[method=post]").forEach(function (form) {
            form.addEventListener("submit", function (event) {
              if (form.dataset.sending) { event.preventDefault(); return; }
              form.dataset.sending = "1";
              form.querySelectorAll("button[type=submit]").forEach(function (button) { button.disabled = true; });
            });
          });
          // Boxes that grow with their words (where CSS field-sizing is not known).
          function grow(box) { box.style.height = "auto"; box.style.height = (box.scrollHeight + 2) + "px"; }
          if (!(window.CSS && CSS.supports && CSS.supports("field-sizing", "content"))) {
            document.querySelectorAll("textarea").forEach(function (box) {
              grow(box);
              box.addEventListener("input", function () { grow(box); });
            });
          }
          // The first faulty field takes the focus, and its message is read out.
          var faulty = document.querySelector("[aria-invalid=true]") || document.querySelector(".problem[tabindex]");
          if (faulty) { faulty.focus(); }

          var grid = document.querySelector("form.grid-form");
          if (grid) {
            var key = "charter:" + grid.dataset.draft;
            if (grid.dataset.saved) { localStorage.removeItem(key); }
            var draft = {};
            try { draft = JSON.parse(localStorage.getItem(key) || "{}") || {}; } catch (error) { draft = {}; }
            var restored = 0;
            Object.keys(draft).forEach(function (name) {
              var field = grid.elements.namedItem(name);
              if (field && field.value !== draft[name]) {
                field.value = draft[name];
                var cell = field.closest("td, .card-cell");
                if (cell) cell.classList.add("changed");
                restored += 1;
              }
            });
            if (restored > 0) {
              var note = document.createElement("p");
              note.className = "notice draft-restored";
              note.setAttribute("role", "status");
              note.textContent = grid.dataset.restoredText || "";
              grid.insertBefore(note, grid.firstChild);
            }
            var dirty = restored > 0;
            grid.addEventListener("input", function (event) {
              var field = event.target;
              if (!field.name) return;
              var cell = field.closest("td, .card-cell");
              if (cell) cell.classList.add("changed");
              draft[field.name] = field.value;
              try { localStorage.setItem(key, JSON.stringify(draft)); } catch (error) { /* full: the form still holds it */ }
              dirty = true;
            });
            grid.addEventListener("submit", function () { dirty = false; });
            document.addEventListener("keydown", function (event) {
              if ((event.ctrlKey || event.metaKey) && (event.key === "s" || event.key === "S")) {
                event.preventDefault();
                if (grid.requestSubmit) { grid.requestSubmit(); } else { grid.submit(); }
              }
            });
            window.addEventListener("beforeunload", function (event) {
              if (dirty) { event.preventDefault(); event.returnValue = ""; }
            });
          }

          var projection = document.querySelector(".projection[data-events]");
          if (projection) {
            document.addEventListener("keydown", function (event) {
              if (event.target && /INPUT|TEXTAREA|SELECT/.test(event.target.tagName)) return;
              var link = null;
              if (event.key === "ArrowLeft") link = document.querySelector("a[rel=prev]");
              if (event.key === "ArrowRight") link = document.querySelector("a[rel=next]");
              if (link) { event.preventDefault(); window.location.href = link.href; }
            });
            if (window.EventSource) {
              var source = new EventSource(projection.dataset.events);
              source.addEventListener("change", function () { source.close(); window.location.reload(); });
            }
          }
        });

        """
}
