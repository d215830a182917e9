package io.github.finetune4j.eval.internal;

/** How an SVG chart is embedded. */
public enum SvgMode {
    /** Inside an HTML page: no XML declaration and no namespace attribute (HTML puts {@code svg} in it). */
    INLINE,
    /** A standalone {@code .svg} file: XML declaration and the SVG namespace. */
    STANDALONE
}
