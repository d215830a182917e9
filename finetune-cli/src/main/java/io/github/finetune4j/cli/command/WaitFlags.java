package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.Session;
import io.github.finetune4j.cli.config.Settings;
import picocli.CommandLine.Option;

/** How to wait and show progress (train --wait, watch). */
final class WaitFlags {
    @Option(names = "--timeout", paramLabel = "DURATION", description = "Budget of the wait, e.g. 2h (default: "
            + "wait.timeout, else 24h). The job keeps running when it is spent.")
    String timeout;

    @Option(names = "--poll-interval", paramLabel = "DURATION", description = "First interval between polls "
            + "(default: wait.poll-interval, else 5s; 200ms on the emulator).")
    String pollInterval;

    @Option(names = "--progress", paramLabel = "MODE", description = "auto (a bar on a terminal, plain lines "
            + "otherwise), bar or plain. Default: auto.")
    Session.ProgressMode progress = Session.ProgressMode.AUTO;

    /**
     * Parses the wait's budget and poll interval (flags, else the config file) so that a malformed one fails before
     * anything goes over the network, and names its source.
     *
     * @param settings the run's settings
     */
    void check(Settings settings) {
        settings.waitTimeout(timeout);
        settings.pollInterval(pollInterval, false);
    }
}
