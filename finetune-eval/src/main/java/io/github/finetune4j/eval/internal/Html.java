package io.github.finetune4j.eval.internal;

/**
 * Writes XHTML-compatible HTML5: every element is closed, every text and attribute value escaped, so the page
 * also parses as XML. Not thread-safe.
 */
public final class Html {
    private final StringBuilder out = new StringBuilder();

    /**
     * Opens an element.
     *
     * @param tag the tag name
     * @param attributes name/value pairs
     * @return this
     */
    public Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(Xml.escape(attributes[i + 1])).append('"');
        }
        out.append('>');
        return this;
    }

    /**
     * Closes an element.
     *
     * @param tag the tag name
     * @return this
     */
    public Html close(String tag) {
        out.append("</").append(tag).append('>');
        if (isBlock(tag)) {
            out.append('\n');
        }
        return this;
    }

    /**
     * An element with text content.
     *
     * @param tag the tag name
     * @param text the text, escaped
     * @param attributes name/value pairs
     * @return this
     */
    public Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /**
     * Escaped text.
     *
     * @param text the text
     * @return this
     */
    public Html text(String text) {
        out.append(Xml.escape(text));
        return this;
    }

    /**
     * Markup produced by another writer (an SVG chart), inserted as is.
     *
     * @param markup well-formed markup
     * @return this
     */
    public Html raw(String markup) {
        out.append(markup);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private static boolean isBlock(String tag) {
        return switch (tag) {
            case "tr", "table", "section", "div", "p", "h1", "h2", "h3", "ul", "li", "thead", "tbody", "head",
                 "body", "html", "details", "figure" -> true;
            default -> false;
        };
    }
}
