package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.CliException;
import io.github.finetune4j.cli.Session;
import io.github.finetune4j.core.model.JobId;

/** A job named on the command line, or the newest run's job from the state file. */
final class JobArgument {
    private JobArgument() {
    }

    static JobId resolve(Session session, String given) {
        if (given != null) {
            return JobId.of(given);
        }
        return session.runs().last().map(r -> JobId.of(r.jobId())).orElseThrow(() -> new CliException(
                "no job given and none started from here yet (" + session.runs().file().getFileName()
                        + " has none): name one, e.g. `finetune list` shows them"));
    }
}
