namespace Sparkify.Pipeline.Reporting;

/// The report's stylesheet: readable on screen, and on paper without the navigation and with sections kept whole.
static class HtmlStyle
{
    public const string Css = """
        :root { --ink: #1a202c; --muted: #4a5568; --rule: #e2e8f0; --accent: #2b6cb0; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 980px; padding: 24px 32px 48px; color: var(--ink);
               font: 15px/1.5 "Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif; background: #fff; }
        h1 { font-size: 28px; margin: 0 0 4px; }
        h2 { font-size: 21px; margin: 0 0 6px; color: var(--accent); }
        .meta, .source, footer { color: var(--muted); font-size: 13px; }
        .question { font-style: italic; margin: 0 0 4px; }
        .reading { color: var(--muted); margin: 0 0 12px; }
        nav { border: 1px solid var(--rule); border-radius: 6px; padding: 8px 16px; margin: 16px 0 24px; }
        nav h2 { font-size: 15px; color: var(--ink); margin: 4px 0; }
        nav ol { columns: 2; margin: 0; padding-left: 20px; }
        a { color: var(--accent); text-decoration: none; }
        section { border-top: 1px solid var(--rule); padding: 20px 0 8px; }
        figure { margin: 8px 0 12px; }
        figure img { display: block; max-width: 100%; height: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 4px 0 8px; }
        th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        th { background: #f7fafc; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; margin: 8px 0; }
        .figures div { border: 1px solid var(--rule); border-radius: 6px; padding: 8px 12px; }
        .figures dt { color: var(--muted); font-size: 13px; }
        .figures dd { margin: 0; font-size: 19px; font-weight: 600; }
        .empty, .more { color: var(--muted); }
        .note { background: #ebf8ff; border-left: 4px solid var(--accent); padding: 6px 12px; margin: 4px 0 12px; }
        h3 { font-size: 16px; margin: 14px 0 4px; }
        td.status-passed { color: #276749; font-weight: 600; }
        td.status-failed { color: #c53030; font-weight: 600; }
        td.status-info { color: var(--accent); }
        span.status-passed, span.status-failed, span.status-info { font-size: 13px; font-weight: 600; margin-left: 6px; }
        span.status-passed { color: #276749; } span.status-failed { color: #c53030; } span.status-info { color: var(--accent); }
        pre.sql { background: #f7fafc; border: 1px solid var(--rule); padding: 8px 12px; overflow-x: auto; font-size: 13px; white-space: pre-wrap; }
        details summary { color: var(--muted); font-size: 13px; }
        svg.trend { display: block; }
        svg.lineage { max-width: 100%; height: auto; font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
        footer { border-top: 1px solid var(--rule); margin-top: 24px; padding-top: 12px; }
        @media print {
          @page { margin: 14mm; }
          body { max-width: none; padding: 0; font-size: 11pt; }
          nav { display: none; }
          /* A chart or a row is never cut, and a heading stays with what follows it; long tables go on over pages. */
          figure, tr, .figures div { break-inside: avoid; page-break-inside: avoid; }
          h2, .question, .reading { break-after: avoid; page-break-after: avoid; }
          a { color: inherit; }
        }
        """;
}
