package dev.aurora.examples.cli;

/** The report as a small HTML page, every value escaped. */
final class ReportPage {
    private ReportPage() {
    }

    static String html(DirectoryReport report) {
        StringBuilder rows = new StringBuilder();
        for (DirectoryReport.Extension e : report.byExtension()) {
            rows.append("<tr><td>").append(escape(e.extension())).append("</td><td>").append(e.files())
                    .append("</td><td>").append(e.bytes()).append("</td></tr>\n");
        }
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Report of %s</title></head>
                <body>
                <h1>%s</h1>
                <p>%d files, %d bytes%s. <a href="/report.json">JSON</a></p>
                <table><thead><tr><th>extension</th><th>files</th><th>bytes</th></tr></thead>
                <tbody>
                %s</tbody></table>
                <form method="post" action="/done"><button>Done</button></form>
                </body></html>
                """.formatted(escape(report.root().toString()), escape(report.root().toString()), report.files(),
                report.bytes(), report.truncated() ? " (stopped counting at " + DirectoryReport.MAX_FILES + ")" : "",
                rows);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
