package io.github.finetune4j.eval.internal;

import java.util.List;
import java.util.Objects;

/**
 * Grouped vertical bars of scores in [0, 1] with confidence-interval whiskers: one group per scorer, one bar per
 * candidate, a legend of candidates, the mean printed above each bar.
 */
public final class IntervalBarChart {
    private static final int HEIGHT = 356;
    private static final int LEFT = 72;
    private static final int RIGHT = 24;
    private static final int TOP = 76;
    private static final int BOTTOM = 52;
    private static final int MIN_GROUP_WIDTH = 150;

    /**
     * One bar.
     *
     * @param mean the bar's height, NaN when missing
     * @param lower the whisker's lower end
     * @param upper the whisker's upper end
     */
    public record Bar(double mean, double lower, double upper) {
    }

    private final String title;
    private final String yLabel;
    private final List<String> groups;
    private final List<String> seriesNames;
    private final Bar[][] bars;

    /**
     * Creates a chart.
     *
     * @param title the title
     * @param yLabel the y axis title
     * @param groups the group labels (scorers)
     * @param seriesNames the bar labels within a group (candidates)
     * @param bars {@code bars[group][series]}
     */
    public IntervalBarChart(String title, String yLabel, List<String> groups, List<String> seriesNames,
                            Bar[][] bars) {
        this.title = Objects.requireNonNull(title, "title");
        this.yLabel = yLabel;
        this.groups = List.copyOf(groups);
        this.seriesNames = List.copyOf(seriesNames);
        this.bars = bars.clone();
    }

    /**
     * Renders the chart.
     *
     * @param mode inline or standalone
     * @return the SVG markup
     */
    public String render(SvgMode mode) {
        int width = Math.max(720, LEFT + RIGHT + groups.size() * MIN_GROUP_WIDTH);
        Svg svg = new Svg(mode, width, HEIGHT, title);
        svg.text(LEFT, 22, title, "start", 15, "bold", Svg.AXIS_COLOR);
        double x0 = LEFT;
        double x1 = width - RIGHT;
        double y0 = HEIGHT - BOTTOM;
        double y1 = TOP;
        Axis y = new Axis(0, 1, 0.2);
        for (double t : y.ticks()) {
            double py = y.scale(t, y0, y1);
            svg.line(x0, py, x1, py, Svg.GRID_COLOR, 1, null);
            svg.text(x0 - 8, py + 4, Formats.number(t, 1), "end", 11, "normal", Svg.AXIS_COLOR);
        }
        double groupWidth = (x1 - x0) / Math.max(1, groups.size());
        double barWidth = groupWidth * 0.78 / Math.max(1, seriesNames.size());
        for (int g = 0; g < groups.size(); g++) {
            double gx = x0 + g * groupWidth + groupWidth * 0.11;
            for (int s = 0; s < seriesNames.size(); s++) {
                Bar bar = bars[g][s];
                String color = Svg.PALETTE[s % Svg.PALETTE.length];
                double bx = gx + s * barWidth;
                if (bar == null || Double.isNaN(bar.mean())) {
                    svg.text(bx + barWidth / 2, y0 - 6, "n/a", "middle", 10, "normal", Svg.MUTED);
                    continue;
                }
                double top = y.scale(clamp(bar.mean()), y0, y1);
                svg.rect(bx + 2, top, barWidth - 4, y0 - top, color, seriesNames.get(s) + ", " + groups.get(g)
                        + ": " + Formats.interval(bar.mean(), bar.lower(), bar.upper()));
                double lo = y.scale(clamp(bar.lower()), y0, y1);
                double hi = y.scale(clamp(bar.upper()), y0, y1);
                double cx = bx + barWidth / 2;
                svg.line(cx, lo, cx, hi, Svg.AXIS_COLOR, 1.5, null);
                svg.line(cx - 5, lo, cx + 5, lo, Svg.AXIS_COLOR, 1.5, null);
                svg.line(cx - 5, hi, cx + 5, hi, Svg.AXIS_COLOR, 1.5, null);
                svg.text(cx, Math.min(top, hi) - 5, Formats.score(bar.mean()), "middle", 11, "bold", Svg.AXIS_COLOR);
            }
            svg.text(x0 + g * groupWidth + groupWidth / 2, y0 + 18, groups.get(g), "middle", 12, "normal",
                    Svg.AXIS_COLOR);
        }
        svg.line(x0, y0, x1, y0, Svg.AXIS_COLOR, 1, null);
        svg.line(x0, y0, x0, y1, Svg.AXIS_COLOR, 1, null);
        svg.text((x0 + x1) / 2, HEIGHT - 12, "scorer", "middle", 12, "normal", Svg.AXIS_COLOR);
        svg.verticalText(18, (y0 + y1) / 2, yLabel);
        double lx = LEFT;
        for (int s = 0; s < seriesNames.size(); s++) {
            svg.rect(lx, 32, 14, 14, Svg.PALETTE[s % Svg.PALETTE.length], null);
            svg.text(lx + 20, 44, seriesNames.get(s), "start", 12, "normal", Svg.AXIS_COLOR);
            lx += 20 + seriesNames.get(s).length() * 6.8 + 22;
        }
        return svg.finish();
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
