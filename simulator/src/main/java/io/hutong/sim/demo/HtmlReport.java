package io.hutong.sim.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's report as one self-contained HTML page: summary tables, latency percentile curves (HdrHistogram
 * style: the x axis stretches the tail, 50% to 99.99%) and per-wallet outcome bars, all as inline SVG. No
 * scripts, no external resources: the file opens anywhere, offline.
 * <p>
 * Stateless; thread-safe.
 */
final class HtmlReport
{
    private static final String[] COLOURS = {
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f" };
    private static final double[] TICKS = {50, 90, 99, 99.9, 99.99};
    private static final int WIDTH = 720;
    private static final int HEIGHT = 320;
    private static final int LEFT = 70;
    private static final int RIGHT = 160;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;

    private HtmlReport()
    {
    }

    /**
     * @param report the demo's JSON report (the load generator's shape, plus {@code curves},
     *               {@code reconciliation} and {@code demo}).
     * @return the HTML page.
     */
    static String render(final JsonNode report)
    {
        final StringBuilder html = new StringBuilder(32 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<title>Hutong demo report</title><style>")
            .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:960px}")
            .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;")
            .append("text-align:right}th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}")
            .append(".ok{color:#2ca02c;font-weight:bold}.bad{color:#d62728;font-weight:bold}")
            .append("svg text{font-size:11px;font-family:sans-serif}</style></head><body>\n");
        final JsonNode reconciliation = report.path("reconciliation");
        final boolean clean = reconciliation.path("clean").asBoolean(false);
        html.append("<h1>Hutong demo</h1>\n<p>")
            .append(escape(report.path("demo").path("description").asText("")))
            .append("</p>\n<p>Reconciliation: <span class=\"").append(clean ? "ok\">clean" : "bad\">FINDINGS")
            .append("</span> (checked ").append(reconciliation.path("checked").asLong()).append(", lost ")
            .append(reconciliation.path("lost").asLong()).append(", duplicates ")
            .append(reconciliation.path("duplicates").asLong()).append(", orphans ")
            .append(reconciliation.path("orphans").asLong()).append(", mismatched ")
            .append(reconciliation.path("mismatched").asLong()).append(")</p>\n");
        summary(html, report);
        html.append("<h2>Latency to the final answer, by hop</h2>\n");
        final List<Series> hops = new ArrayList<>();
        hops.add(new Series("first answer", report.path("curves").path("firstAnswer")));
        hops.add(new Series("final answer", report.path("curves").path("final")));
        plot(html, hops);
        html.append("<h2>Latency to the final answer, by wallet</h2>\n");
        final List<Series> wallets = new ArrayList<>();
        for (final Iterator<Map.Entry<String, JsonNode>> it = report.path("curves").path("wallets").fields(); it.hasNext(); )
        {
            final Map.Entry<String, JsonNode> entry = it.next();
            wallets.add(new Series(entry.getKey(), entry.getValue()));
        }
        plot(html, wallets);
        html.append("<h2>Outcomes by wallet</h2>\n");
        outcomes(html, report.path("byWallet"));
        html.append("<h2>Faults injected</h2>\n<ul>\n");
        for (final JsonNode fault : report.path("demo").path("faults"))
        {
            html.append("<li>").append(escape(fault.asText())).append("</li>\n");
        }
        html.append("</ul>\n<p>").append(escape(report.path("demo").path("machine").asText(""))).append("</p>\n");
        return html.append("</body></html>\n").toString();
    }

    private static void summary(final StringBuilder html, final JsonNode report)
    {
        final JsonNode latency = report.path("latencyUs");
        html.append("<table><tr><th>offered/s</th><th>seconds</th><th>sent</th><th>approved</th><th>declined</th>")
            .append("<th>reversed</th><th>busy</th><th>errors</th><th>throughput/s</th><th>p50 ms</th><th>p90 ms</th>")
            .append("<th>p99 ms</th><th>p99.9 ms</th><th>max ms</th></tr><tr><td>")
            .append(report.path("offeredTps").asLong()).append("</td><td>").append(report.path("seconds").asLong())
            .append("</td><td>").append(report.path("sent").asLong()).append("</td><td>")
            .append(report.path("approved").asLong()).append("</td><td>").append(report.path("declined").asLong())
            .append("</td><td>").append(report.path("reversed").asLong()).append("</td><td>")
            .append(report.path("busy").asLong()).append("</td><td>").append(report.path("errors").asLong())
            .append("</td><td>").append(report.path("throughputTps").asDouble()).append("</td>");
        for (final String p : new String[] {"p50", "p90", "p99", "p999", "max"})
        {
            html.append("<td>").append(ms(latency.path(p).asLong())).append("</td>");
        }
        html.append("</tr></table>\n");
        final JsonNode byWallet = report.path("byWallet");
        html.append("<table><tr><th>wallet</th><th>sent</th><th>approved</th><th>declined</th><th>reversed</th>")
            .append("<th>busy</th><th>errors</th><th>p50 ms</th><th>p99 ms</th></tr>\n");
        for (final Iterator<Map.Entry<String, JsonNode>> it = byWallet.fields(); it.hasNext(); )
        {
            final Map.Entry<String, JsonNode> entry = it.next();
            final JsonNode w = entry.getValue();
            html.append("<tr><td>").append(escape(entry.getKey())).append("</td>");
            for (final String field : new String[] {"sent", "approved", "declined", "reversed", "busy", "errors"})
            {
                html.append("<td>").append(w.path(field).asLong()).append("</td>");
            }
            html.append("<td>").append(ms(w.path("latencyUs").path("p50").asLong())).append("</td><td>")
                .append(ms(w.path("latencyUs").path("p99").asLong())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /**
     * Percentile curves: x = log10(1 / (1 - p)), so 50, 90, 99, 99.9, 99.99 are evenly spaced; y linear in ms.
     */
    private static void plot(final StringBuilder html, final List<Series> series)
    {
        double maxMs = 1;
        for (final Series s : series)
        {
            for (final JsonNode point : s.points)
            {
                maxMs = Math.max(maxMs, point.get(1).asDouble() / 1000.0);
            }
        }
        maxMs = niceCeiling(maxMs);
        final int plotWidth = WIDTH - LEFT - RIGHT;
        final int plotHeight = HEIGHT - TOP - BOTTOM;
        html.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
            .append(HEIGHT).append("\" role=\"img\">\n");
        html.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(plotWidth)
            .append("\" height=\"").append(plotHeight).append("\" fill=\"none\" stroke=\"#999\"/>\n");
        for (final double tick : TICKS)
        {
            final double x = LEFT + plotWidth * xOf(tick);
            html.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>" +
                "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s%%</text>%n", x, TOP, x, TOP + plotHeight, x,
                TOP + plotHeight + 15, trim(tick)));
        }
        for (int i = 0; i <= 4; i++)
        {
            final double value = maxMs * i / 4;
            final double y = TOP + plotHeight - plotHeight * (double)i / 4;
            html.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>" +
                "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n", LEFT, y, LEFT + plotWidth, y, LEFT - 6,
                y + 4, trim(value)));
        }
        html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n",
            LEFT + plotWidth / 2, HEIGHT - 5));
        for (int i = 0; i < series.size(); i++)
        {
            final Series s = series.get(i);
            final String colour = COLOURS[i % COLOURS.length];
            final StringBuilder points = new StringBuilder();
            for (final JsonNode point : s.points)
            {
                final double x = LEFT + plotWidth * xOf(point.get(0).asDouble());
                final double y = TOP + plotHeight - plotHeight * Math.min(1.0, point.get(1).asDouble() / 1000.0 / maxMs);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            html.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                .append(points.toString().trim()).append("\"/>\n");
            final int legendY = TOP + 14 + 16 * i;
            html.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" " +
                "stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + plotWidth + 10, legendY - 4,
                LEFT + plotWidth + 30, legendY - 4, colour, LEFT + plotWidth + 35, legendY, escape(s.name)));
        }
        html.append("</svg>\n");
    }

    private static void outcomes(final StringBuilder html, final JsonNode byWallet)
    {
        final String[] fields = {"approved", "declined", "reversed", "busy", "errors"};
        final String[] colours = {"#2ca02c", "#ff7f0e", "#9467bd", "#7f7f7f", "#d62728"};
        final List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
        byWallet.fields().forEachRemaining(rows::add);
        long max = 1;
        for (final Map.Entry<String, JsonNode> row : rows)
        {
            long total = 0;
            for (final String field : fields)
            {
                total += row.getValue().path(field).asLong();
            }
            max = Math.max(max, total);
        }
        final int barHeight = 22;
        final int height = TOP + rows.size() * (barHeight + 8) + 40;
        final int plotWidth = WIDTH - LEFT - RIGHT;
        html.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
            .append(height).append("\" role=\"img\">\n");
        for (int i = 0; i < rows.size(); i++)
        {
            final int y = TOP + i * (barHeight + 8);
            html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                LEFT - 6, y + 15, escape(rows.get(i).getKey())));
            double x = LEFT;
            for (int f = 0; f < fields.length; f++)
            {
                final long count = rows.get(i).getValue().path(fields[f]).asLong();
                if (count == 0)
                {
                    continue;
                }
                final double w = plotWidth * (double)count / max;
                html.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" " +
                    "fill=\"%s\"><title>%s %d</title></rect>%n", x, y, w, barHeight, colours[f], fields[f], count));
                x += w;
            }
        }
        for (int f = 0; f < fields.length; f++)
        {
            final int legendY = TOP + rows.size() * (barHeight + 8) + 20;
            final int legendX = LEFT + f * 110;
            html.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>" +
                "<text x=\"%d\" y=\"%d\">%s</text>%n", legendX, legendY - 10, colours[f], legendX + 16, legendY,
                fields[f]));
        }
        html.append("</svg>\n");
    }

    private static double xOf(final double percentile)
    {
        final double p = Math.min(percentile, 99.999);
        final double max = Math.log10(1.0 / (1.0 - 99.999 / 100.0));
        final double min = Math.log10(2.0);
        return (Math.log10(1.0 / (1.0 - p / 100.0)) - min) / (max - min);
    }

    private static double niceCeiling(final double value)
    {
        final double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (final double step : new double[] {1, 2, 2.5, 5, 10})
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String ms(final long micros)
    {
        return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
    }

    private static String trim(final double value)
    {
        return value == Math.rint(value) ? Long.toString((long)value) : String.format(Locale.ROOT, "%s", value);
    }

    private static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private record Series(String name, JsonNode points)
    {
    }
}
