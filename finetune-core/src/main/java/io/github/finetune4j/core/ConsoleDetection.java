package io.github.finetune4j.core;

import java.io.Console;
import java.lang.reflect.Method;

/** How {@link ConsoleProgress} decides by default whether standard output is a terminal, and how wide it is. */
final class ConsoleDetection {
    private ConsoleDetection() {
    }

    static boolean isTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected; it then answers isTerminal() honestly.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;                   // Java 17 to 21: a console exists only when in and out are terminals
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    static int columns(int fallback) {
        String columns = System.getenv("COLUMNS");
        if (columns != null) {
            try {
                int n = Integer.parseInt(columns.trim());
                if (n >= 20) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall back
            }
        }
        return fallback;
    }
}
