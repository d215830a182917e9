package io.github.finetune4j.cli;

/**
 * A failure to report to the user as one line (no stack trace unless {@code --verbose}), with the exit code the
 * command ends with.
 */
public class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit code of a failed command. */
    public static final int FAILURE = 1;
    /** Exit code of a wrong command line. */
    public static final int USAGE = 2;

    /** The exit code the command ends with. */
    private final int exitCode;

    /**
     * A failure with exit code 1.
     *
     * @param message the line to print
     */
    public CliException(String message) {
        this(message, FAILURE, null);
    }

    /**
     * A failure with exit code 1 and a cause (shown with {@code --verbose}).
     *
     * @param message the line to print
     * @param cause the cause
     */
    public CliException(String message, Throwable cause) {
        this(message, FAILURE, cause);
    }

    /**
     * A failure with an exit code.
     *
     * @param message the line to print
     * @param exitCode the exit code
     * @param cause the cause, or null
     */
    public CliException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /**
     * The exit code the command ends with.
     *
     * @return 1 or 2 (or another code chosen by the thrower)
     */
    public int exitCode() {
        return exitCode;
    }
}
