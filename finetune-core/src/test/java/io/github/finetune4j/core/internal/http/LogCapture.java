package io.github.finetune4j.core.internal.http;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every java.util.logging record (System.Logger's default backend) at every level, including DEBUG and
 * TRACE, while open: the root logger is set to {@link Level#ALL} and its own handlers are detached so the console
 * stays quiet. {@link #close()} restores the level and the handlers.
 */
final class LogCapture implements AutoCloseable {
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();
    private final Handler[] rootHandlers = root.getHandlers();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        for (Handler h : rootHandlers) {
            root.removeHandler(h);
        }
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.ALL);
    }

    static LogCapture all() {
        return new LogCapture();
    }

    /** The captured records. */
    List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** Records from the SDK's own loggers (not the test server's). */
    List<LogRecord> sdkRecords() {
        List<LogRecord> sdk = new ArrayList<>();
        for (LogRecord r : records) {
            if (r.getLoggerName() != null && r.getLoggerName().startsWith("io.github.finetune4j")) {
                sdk.add(r);
            }
        }
        return sdk;
    }

    /**
     * Everything a log line could show of a record: the formatted message (parameters filled in), the raw message
     * and parameters, and the full text of the thrown exception with its causes and suppressed exceptions.
     */
    static String text(LogRecord record) {
        Formatter formatter = new SimpleFormatter();
        StringBuilder sb = new StringBuilder();
        sb.append(formatter.format(record)).append('\n').append(record.getMessage()).append('\n');
        if (record.getParameters() != null) {
            for (Object p : record.getParameters()) {
                sb.append(p).append('\n');
            }
        }
        if (record.getThrown() != null) {
            sb.append(Throwables.everyText(record.getThrown()));
        }
        return sb.toString();
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        for (Handler h : rootHandlers) {
            root.addHandler(h);
        }
        root.setLevel(rootLevel);
    }

    /** Texts of throwables. */
    static final class Throwables {
        private Throwables() {
        }

        /** The stack trace print (causes, suppressed), plus toString and messages of each link. */
        static String everyText(Throwable t) {
            StringWriter out = new StringWriter();
            t.printStackTrace(new PrintWriter(out));
            StringBuilder sb = new StringBuilder(out.toString());
            walk(t, sb, new java.util.IdentityHashMap<>());
            return sb.toString();
        }

        private static void walk(Throwable t, StringBuilder sb, java.util.Map<Throwable, Boolean> seen) {
            if (t == null || seen.put(t, Boolean.TRUE) != null) {
                return;
            }
            sb.append('\n').append(t).append('\n').append(t.getMessage()).append('\n').append(t.getLocalizedMessage());
            walk(t.getCause(), sb, seen);
            for (Throwable s : t.getSuppressed()) {
                walk(s, sb, seen);
            }
        }
    }
}
