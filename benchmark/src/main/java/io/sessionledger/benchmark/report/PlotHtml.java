package io.sessionledger.benchmark.report;

import io.sessionledger.benchmark.reference.ReferenceResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/** Self-contained HTML, inline SVG: throughput and p99 against concurrency, the reference dashed. */
public final class PlotHtml {

    record Point(int concurrency, double throughput, double p99) {
    }

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};
    private static final String REFERENCE = "pgbench reference";

    private PlotHtml() {
    }

    public static String render(Results results) {
        Map<String, List<Point>> series = series(results);
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Session Ledger benchmark "
                + results.startedAt() + "</title></head><body style=\"font-family:sans-serif\">"
                + "<h2>Session Ledger benchmark, " + results.startedAt() + "</h2>"
                + Svg.chart("throughput (per s) against concurrency", series, Point::throughput)
                + Svg.chart("p99 latency (ms) against concurrency", series, Point::p99)
                + "<p>Dashed: " + REFERENCE + " (one event-sized row per transaction, same run).</p></body></html>";
    }

    /** Closed-loop rows by scenario, then the reference; a scenario at one concurrency is a single dot. */
    static Map<String, List<Point>> series(Results results) {
        Map<String, List<Point>> series = new LinkedHashMap<>();
        for (Row row : results.rows()) {
            if ("closed".equals(row.mode()) && row.throughput() != null && row.latency() != null) {
                series.computeIfAbsent(row.name(), k -> new ArrayList<>())
                        .add(new Point(row.concurrency(), row.throughput(), row.latency().p99()));
            }
        }
        List<Point> reference = new ArrayList<>();
        for (ReferenceResult ref : results.reference()) {
            reference.add(new Point(ref.concurrency(), ref.tps(), ref.latency().p99()));
        }
        series.put(REFERENCE, reference);
        return series;
    }

    private static final class Svg {
        static final int W = 640, H = 320, LEFT = 70, RIGHT = 180, TOP = 30, BOTTOM = 40;

        static String chart(String title, Map<String, List<Point>> series, ToDoubleFunction<Point> y) {
            TreeSet<Integer> xs = new TreeSet<>();
            double max = 0;
            double min = Double.MAX_VALUE;
            for (List<Point> points : series.values()) {
                for (Point p : points) {
                    xs.add(p.concurrency());
                    max = Math.max(max, y.applyAsDouble(p));
                    if (y.applyAsDouble(p) > 0) {
                        min = Math.min(min, y.applyAsDouble(p));
                    }
                }
            }
            if (xs.isEmpty()) {
                // A run of sequential sections only (--only rebuild): no scale can be made of nothing.
                return "<p>" + title + ": no closed-loop figures in this run.</p>";
            }
            List<Integer> levels = new ArrayList<>(xs);
            // Log scale: the system and the raw-insert reference can be orders of magnitude apart.
            double low = Math.pow(10, Math.floor(Math.log10(Math.max(min, 1e-3))));
            double high = Math.pow(10, Math.ceil(Math.log10(Math.max(max, low * 10))));
            Scale scale = new Scale(low, high);
            StringBuilder svg = new StringBuilder(String.format(java.util.Locale.ROOT,
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">"
                            + "<text x=\"%d\" y=\"18\" font-size=\"14\">%s (log scale)</text>"
                            + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>"
                            + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>",
                    W, H, LEFT, title, LEFT, TOP, LEFT, H - BOTTOM, LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM));
            for (double value = low; value <= high * 1.0001; value *= 10) {
                svg.append(text(LEFT - 8, scale.y(value), MarkdownReport.num(value, value < 1 ? 3 : 0), "end"));
            }
            for (int level : levels) {
                svg.append(text(xPos(level, levels), H - BOTTOM + 16, Integer.toString(level), "middle"));
            }
            int colour = 0;
            for (Map.Entry<String, List<Point>> entry : series.entrySet()) {
                boolean reference = entry.getKey().equals(REFERENCE);
                String stroke = reference ? "#555" : COLOURS[colour++ % COLOURS.length];
                StringBuilder path = new StringBuilder();
                for (Point p : entry.getValue()) {
                    double px = xPos(p.concurrency(), levels), py = scale.y(y.applyAsDouble(p));
                    path.append(path.length() == 0 ? "M" : " L").append(fmt(px)).append(' ').append(fmt(py));
                    svg.append("<circle cx=\"").append(fmt(px)).append("\" cy=\"").append(fmt(py))
                            .append("\" r=\"3\" fill=\"").append(stroke).append("\"/>");
                }
                svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(stroke)
                        .append(reference ? "\" stroke-dasharray=\"6 4\"/>" : "\"/>");
                int legendY = TOP + 16 * (colour + (reference ? 1 : 0));
                svg.append("<text x=\"").append(W - RIGHT + 10).append("\" y=\"").append(legendY)
                        .append("\" font-size=\"12\" fill=\"").append(stroke).append("\">")
                        .append(entry.getKey()).append("</text>");
            }
            return svg.append("</svg><br>").toString();
        }

        static double xPos(int level, List<Integer> levels) {
            int slot = levels.indexOf(level);
            return LEFT + (W - LEFT - RIGHT) * (slot + 0.5) / Math.max(1, levels.size());
        }

        record Scale(double low, double high) {
            double y(double value) {
                double clamped = Math.max(low, Math.min(high, value));
                return H - BOTTOM - (H - TOP - BOTTOM) * Math.log10(clamped / low) / Math.log10(high / low);
            }
        }

        static String text(double x, double y, String s, String anchor) {
            return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y + 4) + "\" font-size=\"11\" text-anchor=\"" + anchor
                    + "\">" + s + "</text>";
        }

        static String fmt(double v) {
            return MarkdownReport.num(v, 1);
        }
    }
}
