package io.github.finetune4j.cli;

import io.github.finetune4j.cli.command.RootCommand;
import io.github.finetune4j.core.error.DatasetValidationException;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.model.DatasetIssue;
import picocli.CommandLine;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Runs one command line: builds the picocli command tree with the run's {@link Session}, turns every failure into
 * one clear line on standard error (the stack trace only with {@code --verbose}) and returns the exit code.
 */
public final class Cli {
    /** finetune4j's loggers, held here: java.util.logging keeps only weak references, and with them their level. */
    private static final Logger LIBRARY_LOGGER = Logger.getLogger("io.github.finetune4j");

    /** Exit code after an interrupt (128 + SIGINT), as shells report it. */
    public static final int INTERRUPTED = 130;

    private Cli() {
    }

    /**
     * Runs a command line.
     *
     * @param ctx the context
     * @param args the arguments
     * @return the exit code
     */
    public static int run(CliContext ctx, String... args) {
        try (Session session = new Session(ctx)) {
            CommandLine cmd = commandLine(session, args);
            configureLogging(ctx.err(), java.util.Arrays.asList(args).contains("--verbose")
                    || java.util.Arrays.asList(args).contains("-v"));
            return cmd.execute(args);
        }
    }

    /**
     * The full command tree bound to a session, every subcommand inspected.
     *
     * @param session the session
     * @return the command line
     */
    public static CommandLine commandLine(Session session) {
        return commandLine(session, null);
    }

    /**
     * The command tree for one command line: only the subcommand it runs is inspected; the others are listed by
     * name and header (enough for the help). Without arguments, or for {@code completion}, all are inspected.
     *
     * @param session the session
     * @param args the arguments, or null for the full tree
     * @return the command line
     */
    static CommandLine commandLine(Session session, String[] args) {
        CliContext ctx = session.ctx();
        Factory factory = new Factory(session);
        CommandLine cmd = new CommandLine(new RootCommand(session), factory);
        String invoked = args == null ? null : invokedCommand(args);
        boolean all = args == null || "completion".equals(invoked);
        for (Class<?> type : RootCommand.COMMANDS) {
            CommandLine.Command annotation = type.getAnnotation(CommandLine.Command.class);
            if (all || annotation.name().equals(invoked)) {
                cmd.addSubcommand(annotation.name(), new CommandLine(type, factory));
            } else {
                CommandLine.Model.CommandSpec listed = CommandLine.Model.CommandSpec.create().name(annotation.name());
                listed.usageMessage().header(annotation.header());
                cmd.addSubcommand(annotation.name(), listed);
            }
        }
        cmd.setOut(new PrintWriter(new OutputStreamWriter(ctx.out(), StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new OutputStreamWriter(ctx.err(), StandardCharsets.UTF_8), true));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler((e, command, parseResult) -> failed(session, e));
        cmd.setParameterExceptionHandler((e, arguments) -> {
            PrintStream err = ctx.err();
            err.println("finetune: " + e.getMessage());
            String name = e.getCommandLine().getCommandSpec().qualifiedName();
            err.println("Try '" + name + " --help' for more information.");
            return CliException.USAGE;
        });
        return cmd;
    }

    /**
     * The subcommand a command line runs: the first argument that is not an option (or the value of a global
     * option), if it names a subcommand.
     */
    private static String invokedCommand(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return null;
            }
            if (a.equals("-c") || a.equals("--config") || a.equals("-p") || a.equals("--provider")) {
                i++;
                continue;
            }
            if (a.startsWith("-")) {
                continue;
            }
            for (Class<?> type : RootCommand.COMMANDS) {
                if (type.getAnnotation(CommandLine.Command.class).name().equals(a)) {
                    return a;
                }
            }
            return null;
        }
        return null;
    }

    private static int failed(Session session, Exception e) {
        PrintStream err = session.ctx().err();
        int code;
        if (e instanceof CliException) {
            err.println("finetune: " + e.getMessage());
            code = ((CliException) e).exitCode();
        } else if (e instanceof DatasetValidationException) {
            DatasetValidationException d = (DatasetValidationException) e;
            for (DatasetIssue issue : d.issues()) {
                err.println("  " + issue);
            }
            err.println("finetune: the data has errors; nothing was uploaded");
            code = CliException.FAILURE;
        } else if (e instanceof FineTuneInterruptedException) {
            err.println("finetune: interrupted");
            code = INTERRUPTED;
        } else if (e instanceof FineTuneException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException || e instanceof UnsupportedOperationException
                || e instanceof java.io.UncheckedIOException) {
            err.println("finetune: " + e.getMessage());
            code = CliException.FAILURE;
        } else {
            err.println("finetune: internal error: " + e + (session.verbose() ? "" : " (run with --verbose for "
                    + "the stack trace)"));
            code = CliException.FAILURE;
        }
        if (session.verbose()) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /**
     * Sends java.util.logging records to standard error as one line each: warnings only, or with {@code --verbose}
     * finetune4j's own records from FINE (which is where System.Logger's DEBUG lands) while every other logger (the
     * JDK's HTTP client and TLS, libraries) stays at WARNING. Keeps the progress display readable.
     */
    private static void configureLogging(PrintStream err, boolean verbose) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        LIBRARY_LOGGER.setLevel(verbose ? Level.FINE : null);
        Level level = verbose ? Level.FINE : Level.WARNING;
        Formatter oneLine = new Formatter() {
            @Override
            public String format(LogRecord r) {
                return r.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": " + formatMessage(r)
                        + System.lineSeparator();
            }
        };
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (isLoggable(r)) {
                    err.print(oneLine.format(r));
                    err.flush();
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                err.flush();                  // never close the process's standard error
            }
        };
        handler.setLevel(level);
        root.addHandler(handler);
    }

    /** Creates commands and mixins with the run's session. */
    private static final class Factory implements CommandLine.IFactory {
        private final Session session;

        Factory(Session session) {
            this.session = session;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> withSession = cls.getDeclaredConstructor(Session.class);
                withSession.setAccessible(true);
                return withSession.newInstance(session);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
