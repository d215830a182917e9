package io.github.finetune4j.eval.internal;

import java.util.Locale;

/** Writes SVG markup; every text and attribute value is escaped. Not thread-safe. */
public final class Svg {
    /** The colour-blind-safe palette (Okabe and Ito) used for series, in order. */
    static final String[] PALETTE = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"};
    static final String FONT = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif";
    static final String AXIS_COLOR = "#333333";
    static final String GRID_COLOR = "#e3e3e3";
    static final String MUTED = "#555555";
    private static final String NAMESPACE = "http://www.w3.org/2000/svg";

    private final StringBuilder out = new StringBuilder();

    /**
     * Starts a drawing.
     *
     * @param mode inline or standalone
     * @param width the width in pixels
     * @param height the height in pixels
     * @param title the accessible title
     */
    public Svg(SvgMode mode, int width, int height, String title) {
        if (mode == SvgMode.STANDALONE) {
            out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        }
        out.append("<svg");
        if (mode == SvgMode.STANDALONE) {
            attr("xmlns", NAMESPACE);
        }
        attr("viewBox", "0 0 " + width + " " + height);
        attr("width", Integer.toString(width));
        attr("height", Integer.toString(height));
        attr("role", "img");
        attr("font-family", FONT);
        attr("font-size", "12");
        out.append(">\n<title>").append(Xml.escape(title)).append("</title>\n");
        out.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>\n");
    }

    /**
     * A line.
     *
     * @param x1 start x
     * @param y1 start y
     * @param x2 end x
     * @param y2 end y
     * @param stroke the colour
     * @param width the stroke width
     * @param dash a dash array, or null for a solid line
     * @return this
     */
    public Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        out.append("<line");
        attr("x1", n(x1));
        attr("y1", n(y1));
        attr("x2", n(x2));
        attr("y2", n(y2));
        attr("stroke", stroke);
        attr("stroke-width", n(width));
        if (dash != null) {
            attr("stroke-dasharray", dash);
        }
        out.append("/>\n");
        return this;
    }

    /**
     * A rectangle.
     *
     * @param x left
     * @param y top
     * @param w width
     * @param h height
     * @param fill the fill colour
     * @param tooltip a tooltip text, or null
     * @return this
     */
    public Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        out.append("<rect");
        attr("x", n(x));
        attr("y", n(y));
        attr("width", n(Math.max(0, w)));
        attr("height", n(Math.max(0, h)));
        attr("fill", fill);
        closeWithTooltip("rect", tooltip);
        return this;
    }

    /**
     * A circle.
     *
     * @param cx centre x
     * @param cy centre y
     * @param r radius
     * @param fill the fill colour
     * @param tooltip a tooltip text, or null
     * @return this
     */
    public Svg circle(double cx, double cy, double r, String fill, String tooltip) {
        out.append("<circle");
        attr("cx", n(cx));
        attr("cy", n(cy));
        attr("r", n(r));
        attr("fill", fill);
        closeWithTooltip("circle", tooltip);
        return this;
    }

    /**
     * A polyline.
     *
     * @param points {@code x,y} pairs separated by spaces
     * @param stroke the colour
     * @param width the stroke width
     * @param dash a dash array, or null
     * @return this
     */
    public Svg polyline(String points, String stroke, double width, String dash) {
        out.append("<polyline");
        attr("points", points);
        attr("fill", "none");
        attr("stroke", stroke);
        attr("stroke-width", n(width));
        attr("stroke-linejoin", "round");
        if (dash != null) {
            attr("stroke-dasharray", dash);
        }
        out.append("/>\n");
        return this;
    }

    /**
     * A text.
     *
     * @param x the anchor x
     * @param y the baseline y
     * @param text the text
     * @param anchor {@code start}, {@code middle} or {@code end}
     * @param size the font size
     * @param weight {@code normal} or {@code bold}
     * @param fill the colour
     * @return this
     */
    public Svg text(double x, double y, String text, String anchor, int size, String weight, String fill) {
        out.append("<text");
        attr("x", n(x));
        attr("y", n(y));
        attr("text-anchor", anchor);
        attr("font-size", Integer.toString(size));
        if (!"normal".equals(weight)) {
            attr("font-weight", weight);
        }
        attr("fill", fill);
        out.append('>').append(Xml.escape(text)).append("</text>\n");
        return this;
    }

    /**
     * A text rotated by -90 degrees around its anchor (for a y axis title).
     *
     * @param x the anchor x
     * @param y the anchor y
     * @param text the text
     * @return this
     */
    public Svg verticalText(double x, double y, String text) {
        out.append("<text");
        attr("x", n(x));
        attr("y", n(y));
        attr("text-anchor", "middle");
        attr("fill", AXIS_COLOR);
        attr("transform", "rotate(-90 " + n(x) + " " + n(y) + ")");
        out.append('>').append(Xml.escape(text)).append("</text>\n");
        return this;
    }

    /**
     * Ends the drawing.
     *
     * @return the SVG markup
     */
    public String finish() {
        return out.append("</svg>\n").toString();
    }

    /**
     * Formats a coordinate with at most one decimal.
     *
     * @param v the value
     * @return the text
     */
    static String n(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }

    private void closeWithTooltip(String tag, String tooltip) {
        if (tooltip == null) {
            out.append("/>\n");
        } else {
            out.append("><title>").append(Xml.escape(tooltip)).append("</title></").append(tag).append(">\n");
        }
    }

    private void attr(String name, String value) {
        out.append(' ').append(name).append("=\"").append(Xml.escape(value)).append('"');
    }
}
