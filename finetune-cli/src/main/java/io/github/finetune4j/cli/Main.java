package io.github.finetune4j.cli;

/** The {@code finetune} command's entry point. */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command and exits with its status: 0 success, 1 failure, 2 wrong command line, 130 interrupted.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (isTopLevelHelp(args) && HelpSnapshot.print(System.out)) {
            System.exit(0);
        }
        System.exit(Cli.run(CliContext.system(), args));
    }

    private static boolean isTopLevelHelp(String[] args) {
        return args.length == 0 || args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
    }
}
