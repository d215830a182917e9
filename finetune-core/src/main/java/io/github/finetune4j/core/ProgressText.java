package io.github.finetune4j.core;

import java.time.Duration;
import java.util.Locale;

/** How {@link ConsoleProgress} writes numbers, and what it keeps out of its output. */
final class ProgressText {
    private ProgressText() {
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String loss(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** Replaces control characters (C0, DEL, C1) with spaces: provider texts must not move the cursor. */
    static String clean(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                if (b == null) {
                    b = new StringBuilder(text.substring(0, i));
                }
                b.append(' ');
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }
}
