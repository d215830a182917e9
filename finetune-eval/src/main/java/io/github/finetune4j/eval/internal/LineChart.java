package io.github.finetune4j.eval.internal;

import io.github.finetune4j.core.model.MetricPoint;

import java.util.List;
import java.util.Objects;

/**
 * A line chart of metric series over training steps, with axes, ticks, grid, axis titles (with units) and a
 * legend. Deterministic output for the same input.
 */
public final class LineChart {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 340;
    private static final int LEFT = 72;
    private static final int RIGHT = 24;
    private static final int TOP = 60;
    private static final int BOTTOM = 52;
    private static final int MARKER_LIMIT = 60;

    /** How the y axis is scaled. */
    public enum YScale {
        /** From 0 to a nice bound above the largest value (losses). */
        FROM_ZERO,
        /** A fraction from 0 to 1, labelled as a percentage (accuracies). */
        FRACTION_AS_PERCENT
    }

    /**
     * One line.
     *
     * @param name the legend text
     * @param points the points, in step order
     * @param dashed whether to draw it dashed (validation series)
     */
    public record Series(String name, List<MetricPoint> points, boolean dashed) {
        public Series {
            Objects.requireNonNull(name, "name");
            points = List.copyOf(points);
        }
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final YScale yScale;
    private final List<Series> series;

    /**
     * Creates a chart.
     *
     * @param title the title
     * @param xLabel the x axis title, with its unit
     * @param yLabel the y axis title, with its unit
     * @param yScale how the y axis is scaled
     * @param series the lines; empty ones are left out of the legend
     */
    public LineChart(String title, String xLabel, String yLabel, YScale yScale, List<Series> series) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.yScale = yScale;
        this.series = series.stream().filter(s -> !s.points().isEmpty()).toList();
    }

    /**
     * The chart's title.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * Tells whether there is anything to draw.
     *
     * @return true when no series has a point
     */
    public boolean isEmpty() {
        return series.isEmpty();
    }

    /**
     * Renders the chart.
     *
     * @param mode inline in HTML or standalone
     * @return the SVG markup
     */
    public String render(SvgMode mode) {
        Svg svg = new Svg(mode, WIDTH, HEIGHT, title);
        svg.text(LEFT, 22, title, "start", 15, "bold", Svg.AXIS_COLOR);
        double x0 = LEFT;
        double x1 = WIDTH - RIGHT;
        double y0 = HEIGHT - BOTTOM;
        double y1 = TOP;
        if (series.isEmpty()) {
            svg.text(WIDTH / 2.0, HEIGHT / 2.0, "no data reported", "middle", 13, "normal", Svg.MUTED);
            return svg.finish();
        }
        Axis x = xAxis();
        Axis y = yAxis();
        for (double t : y.ticks()) {
            double py = y.scale(t, y0, y1);
            svg.line(x0, py, x1, py, Svg.GRID_COLOR, 1, null);
            svg.text(x0 - 8, py + 4, yTick(t, y), "end", 11, "normal", Svg.AXIS_COLOR);
        }
        for (double t : x.ticks()) {
            double px = x.scale(t, x0, x1);
            svg.line(px, y0, px, y0 + 5, Svg.AXIS_COLOR, 1, null);
            svg.text(px, y0 + 18, Formats.number(t, x.decimals()), "middle", 11, "normal", Svg.AXIS_COLOR);
        }
        svg.line(x0, y0, x1, y0, Svg.AXIS_COLOR, 1, null);
        svg.line(x0, y0, x0, y1, Svg.AXIS_COLOR, 1, null);
        svg.text((x0 + x1) / 2, HEIGHT - 12, xLabel, "middle", 12, "normal", Svg.AXIS_COLOR);
        svg.verticalText(18, (y0 + y1) / 2, yLabel);
        for (int i = 0; i < series.size(); i++) {
            drawSeries(svg, series.get(i), Svg.PALETTE[i % Svg.PALETTE.length], x, y, x0, x1, y0, y1);
        }
        legend(svg);
        return svg.finish();
    }

    private void drawSeries(Svg svg, Series s, String color, Axis x, Axis y, double x0, double x1, double y0,
                            double y1) {
        StringBuilder points = new StringBuilder();
        for (MetricPoint p : s.points()) {
            points.append(points.length() == 0 ? "" : " ").append(Svg.n(x.scale(p.step(), x0, x1))).append(',')
                    .append(Svg.n(y.scale(clampY(p.value()), y0, y1)));
        }
        String dash = s.dashed() ? "6 4" : null;
        if (s.points().size() > 1) {
            svg.polyline(points.toString(), color, 2, dash);
        }
        if (s.points().size() <= MARKER_LIMIT || s.points().size() == 1) {
            for (MetricPoint p : s.points()) {
                svg.circle(x.scale(p.step(), x0, x1), y.scale(clampY(p.value()), y0, y1), 2.8, color,
                        s.name() + " at step " + p.step() + ": " + yValue(p.value()));
            }
        }
    }

    private void legend(Svg svg) {
        double lx = LEFT;
        double ly = 42;
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String color = Svg.PALETTE[i % Svg.PALETTE.length];
            svg.line(lx, ly - 4, lx + 22, ly - 4, color, 2.5, s.dashed() ? "6 4" : null);
            svg.text(lx + 28, ly, s.name(), "start", 12, "normal", Svg.AXIS_COLOR);
            lx += 28 + s.name().length() * 6.8 + 22;
        }
    }

    private Axis xAxis() {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (Series s : series) {
            lo = Math.min(lo, s.points().get(0).step());
            hi = Math.max(hi, s.points().get(s.points().size() - 1).step());
        }
        return Axis.nice(Math.min(lo, 0), hi, 8).integral();
    }

    private Axis yAxis() {
        if (yScale == YScale.FRACTION_AS_PERCENT) {
            return new Axis(0, 1, 0.2);
        }
        double hi = 0;
        for (Series s : series) {
            for (MetricPoint p : s.points()) {
                hi = Math.max(hi, p.value());
            }
        }
        return Axis.nice(0, hi <= 0 ? 1 : hi, 6);
    }

    private double clampY(double v) {
        return yScale == YScale.FRACTION_AS_PERCENT ? Math.max(0, Math.min(1, v)) : Math.max(0, v);
    }

    private String yTick(double t, Axis y) {
        return yScale == YScale.FRACTION_AS_PERCENT ? Formats.percent(t) : Formats.number(t, y.decimals());
    }

    private String yValue(double v) {
        return yScale == YScale.FRACTION_AS_PERCENT ? Formats.percent(v) : Formats.number(v, 4);
    }
}
