package org.heritageguide.studio;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

/** The dashboard's charts as small self-contained SVG documents, drawn on the server. */
final class Charts {

    private static final String INK = "#1f2a37";
    private static final String MUTED = "#6b7280";
    private static final String GRID = "#e5e7eb";
    static final String PRIMARY = "#8a3b12";
    static final String SECONDARY = "#d9a441";

    private Charts() {
    }

    /** A series of (label, value) bars, or two stacked values per bar when {@code second} is given. */
    static String columns(String title, List<String> labels, List<Integer> first, List<Integer> second,
                          String firstName, String secondName) {
        int width = 640;
        int height = 240;
        int left = 40;
        int bottom = 40;
        int top = 36;
        int plotHeight = height - bottom - top;
        int max = 1;
        for (int i = 0; i < labels.size(); i++) {
            max = Math.max(max, first.get(i) + (second == null ? 0 : second.get(i)));
        }
        max = niceMax(max);
        StringBuilder svg = open(width, height, title);
        grid(svg, left, top, width - 10, plotHeight, max);
        double slot = (width - left - 10) / (double) Math.max(1, labels.size());
        double bar = Math.max(2, slot * 0.7);
        int labelEvery = Math.max(1, (int) Math.ceil(labels.size() / 10.0));
        for (int i = 0; i < labels.size(); i++) {
            double x = left + i * slot + (slot - bar) / 2;
            double h1 = plotHeight * first.get(i) / (double) max;
            double y1 = top + plotHeight - h1;
            svg.append(rect(x, y1, bar, h1, PRIMARY, labels.get(i) + ": " + first.get(i) + " " + firstName));
            if (second != null) {
                double h2 = plotHeight * second.get(i) / (double) max;
                svg.append(rect(x, y1 - h2, bar, h2, SECONDARY, labels.get(i) + ": " + second.get(i) + " " + secondName));
            }
            if (i % labelEvery == 0) {
                svg.append(text(x + bar / 2, height - bottom + 16, labels.get(i), "middle", MUTED, 11));
            }
        }
        legend(svg, width, firstName, secondName);
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars, biggest first: languages, exhibits. */
    static String bars(String title, Map<String, Integer> values, int limit) {
        int rows = Math.max(1, Math.min(limit, values.size()));
        int width = 640;
        int rowHeight = 26;
        int top = 36;
        int height = top + rows * rowHeight + 12;
        int labelWidth = 190;
        int max = values.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        StringBuilder svg = open(width, height, title);
        if (values.isEmpty()) {
            svg.append(text(width / 2.0, top + 18, "No data for this period", "middle", MUTED, 13));
        }
        int i = 0;
        for (Map.Entry<String, Integer> entry : values.entrySet()) {
            if (i >= rows) {
                break;
            }
            double y = top + i * rowHeight;
            double w = (width - labelWidth - 60) * entry.getValue() / (double) Math.max(1, max);
            svg.append(text(labelWidth - 8, y + 17, shorten(entry.getKey(), 28), "end", INK, 12));
            svg.append(rect(labelWidth, y + 4, Math.max(1, w), rowHeight - 8, PRIMARY, entry.getKey() + ": " + entry.getValue()));
            svg.append(text(labelWidth + w + 6, y + 17, String.valueOf(entry.getValue()), "start", INK, 12));
            i++;
        }
        return svg.append("</svg>").toString();
    }

    /** How many answers took how long, in buckets. */
    static String latency(String title, List<Long> sortedMillis) {
        long[] limits = {50, 100, 200, 300, 500, 1000, 2000, Long.MAX_VALUE};
        String[] names = {"<50", "50–100", "100–200", "200–300", "300–500", "0.5–1 s", "1–2 s", "≥2 s"};
        int[] counts = new int[limits.length];
        for (long ms : sortedMillis) {
            for (int b = 0; b < limits.length; b++) {
                if (ms < limits[b]) {
                    counts[b]++;
                    break;
                }
            }
        }
        List<Integer> values = java.util.Arrays.stream(counts).boxed().toList();
        return columns(title, List.of(names), values, null, "answers (ms)", null);
    }

    private static StringBuilder open(int width, int height, String title) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(title))
                .append("\" font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        svg.append(text(0, 18, title, "start", INK, 14).replace("<text ", "<text font-weight=\"600\" "));
        return svg;
    }

    private static void grid(StringBuilder svg, int left, int top, int right, int plotHeight, int max) {
        for (int step = 0; step <= 4; step++) {
            double y = top + plotHeight - plotHeight * step / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>",
                    left, y, right, y, GRID));
            svg.append(text(left - 6, y + 4, String.valueOf(max * step / 4), "end", MUTED, 11));
        }
    }

    private static void legend(StringBuilder svg, int width, String first, String second) {
        double x = width - 10;
        if (second != null) {
            svg.append(text(x, 18, second, "end", INK, 12));
            x -= second.length() * 6.5 + 8;
            svg.append(rect(x - 10, 9, 10, 10, SECONDARY, second));
            x -= 18;
        }
        svg.append(text(x, 18, first, "end", INK, 12));
        x -= first.length() * 6.5 + 8;
        svg.append(rect(x - 10, 9, 10, 10, PRIMARY, first));
    }

    private static int niceMax(int max) {
        int[] steps = {4, 8, 20, 40, 80, 100, 200, 400, 800, 1000, 2000, 4000, 10000, 20000, 40000, 100000};
        for (int step : steps) {
            if (max <= step) {
                return step;
            }
        }
        return (max / 100000 + 1) * 100000;
    }

    private static String rect(double x, double y, double w, double h, String fill, String tooltip) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"2\" fill=\"%s\"><title>%s</title></rect>",
                x, y, w, Math.max(0, h), fill, escape(tooltip));
    }

    private static String text(double x, double y, String text, String anchor, String fill, int size) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\" font-size=\"%d\">%s</text>",
                x, y, anchor, fill, size, escape(text));
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
