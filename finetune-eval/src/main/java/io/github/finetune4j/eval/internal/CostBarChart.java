package io.github.finetune4j.eval.internal;

import io.github.finetune4j.core.preflight.Usd;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Horizontal stacked bars of the cost of 1,000 requests per candidate, split into prompt and answer, with an axis
 * in US dollars and the total printed at the end of each bar.
 */
public final class CostBarChart {
    private static final int WIDTH = 720;
    private static final int LEFT = 170;
    private static final int RIGHT = 90;
    private static final int TOP = 60;
    private static final int ROW = 34;
    private static final int BOTTOM = 52;
    private static final String PROMPT_COLOR = "#0072B2";
    private static final String ANSWER_COLOR = "#56B4E9";

    /**
     * One candidate's bar.
     *
     * @param label the candidate
     * @param prompt the prompt cost in USD, or null when not priced
     * @param answer the answer cost in USD, or null when not priced
     */
    public record Bar(String label, BigDecimal prompt, BigDecimal answer) {
        public Bar {
            Objects.requireNonNull(label, "label");
        }
    }

    private final String title;
    private final List<Bar> bars;

    /**
     * Creates a chart.
     *
     * @param title the title
     * @param bars one per candidate
     */
    public CostBarChart(String title, List<Bar> bars) {
        this.title = title;
        this.bars = List.copyOf(bars);
    }

    /**
     * Renders the chart.
     *
     * @param mode inline or standalone
     * @return the SVG markup
     */
    public String render(SvgMode mode) {
        int height = TOP + BOTTOM + ROW * Math.max(1, bars.size());
        Svg svg = new Svg(mode, WIDTH, height, title);
        svg.text(16, 22, title, "start", 15, "bold", Svg.AXIS_COLOR);
        svg.rect(LEFT, 32, 14, 14, PROMPT_COLOR, null);
        svg.text(LEFT + 20, 44, "prompt", "start", 12, "normal", Svg.AXIS_COLOR);
        svg.rect(LEFT + 90, 32, 14, 14, ANSWER_COLOR, null);
        svg.text(LEFT + 110, 44, "answer", "start", 12, "normal", Svg.AXIS_COLOR);
        double max = 0;
        for (Bar b : bars) {
            if (b.prompt() != null && b.answer() != null) {
                max = Math.max(max, b.prompt().add(b.answer()).doubleValue());
            }
        }
        Axis x = Axis.nice(0, max <= 0 ? 0.01 : max, 6);
        double x0 = LEFT;
        double x1 = WIDTH - RIGHT;
        double y0 = TOP + ROW * Math.max(1, bars.size());
        for (double t : x.ticks()) {
            double px = x.scale(t, x0, x1);
            svg.line(px, TOP, px, y0, Svg.GRID_COLOR, 1, null);
            svg.text(px, y0 + 18, "$" + Formats.number(t, x.decimals()), "middle", 11, "normal", Svg.AXIS_COLOR);
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double top = TOP + i * ROW + 6;
            double h = ROW - 12;
            svg.text(x0 - 8, top + h / 2 + 4, b.label(), "end", 12, "normal", Svg.AXIS_COLOR);
            if (b.prompt() == null || b.answer() == null) {
                svg.text(x0 + 6, top + h / 2 + 4, "no price for this model", "start", 11, "normal", Svg.MUTED);
                continue;
            }
            double pEnd = x.scale(b.prompt().doubleValue(), x0, x1);
            double aEnd = x.scale(b.prompt().add(b.answer()).doubleValue(), x0, x1);
            svg.rect(x0, top, pEnd - x0, h, PROMPT_COLOR, b.label() + " prompt: " + Usd.format(b.prompt()));
            svg.rect(pEnd, top, aEnd - pEnd, h, ANSWER_COLOR, b.label() + " answer: " + Usd.format(b.answer()));
            svg.text(aEnd + 6, top + h / 2 + 4, Usd.format(b.prompt().add(b.answer())), "start", 11, "bold",
                    Svg.AXIS_COLOR);
        }
        svg.line(x0, TOP, x0, y0, Svg.AXIS_COLOR, 1, null);
        svg.line(x0, y0, x1, y0, Svg.AXIS_COLOR, 1, null);
        svg.text((x0 + x1) / 2, height - 12, "USD per 1,000 requests", "middle", 12, "normal", Svg.AXIS_COLOR);
        return svg.finish();
    }
}
