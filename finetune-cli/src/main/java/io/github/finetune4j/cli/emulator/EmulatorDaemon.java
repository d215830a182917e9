package io.github.finetune4j.cli.emulator;

import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.FineTuningEmulator;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The background emulator process that {@code provider: emulator} starts (see {@link LocalEmulator}): runs a
 * {@link FineTuningEmulator} until it is stopped with {@code finetune emulator stop} (SIGTERM). It ignores Ctrl-C
 * and hang-ups of the terminal it was started from, because it must outlive the command that started it: the
 * trained model lives in its memory.
 */
public final class EmulatorDaemon {
    private EmulatorDaemon() {
    }

    /**
     * Runs the emulator.
     *
     * @param args {@code --port N --speed F --pid-file FILE}
     * @throws Exception if the emulator cannot start
     */
    public static void main(String[] args) throws Exception {
        int port = 0;
        double speed = EmulatorClock.DEFAULT_SPEED;
        Path pidFile = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port": port = Integer.parseInt(args[i + 1]); break;
                case "--speed": speed = Double.parseDouble(args[i + 1]); break;
                case "--pid-file": pidFile = Path.of(args[i + 1]); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ignore("INT");
        ignore("HUP");
        // A fresh seed per process: job ids of a restarted emulator never match ids saved from an earlier one.
        FineTuningEmulator emulator = FineTuningEmulator.builder().port(port).clock(EmulatorClock.scaled(speed))
                .seed(new SecureRandom().nextLong()).start();
        Path pid = pidFile;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            if (pid != null) {
                try {
                    Files.deleteIfExists(pid);
                } catch (IOException e) {
                    // nothing left to do while the process ends
                }
            }
        }, "finetune-emulator-stop"));
        if (pidFile != null) {
            Files.createDirectories(pidFile.toAbsolutePath().getParent());
            Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
        }
        System.out.println("emulator listening on " + emulator.baseUrl() + " (pid " + ProcessHandle.current().pid()
                + ", speed " + speed + ")");
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Ignores a signal through sun.misc.Signal (module jdk.unsupported), where the JVM has it. */
    private static void ignore(String signal) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object ignore = handlerClass.getField("SIG_IGN").get(null);
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            handle.invoke(null, signalClass.getConstructor(String.class).newInstance(signal), ignore);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Not available (or the signal does not exist here): the emulator stops with its terminal.
        }
    }
}
