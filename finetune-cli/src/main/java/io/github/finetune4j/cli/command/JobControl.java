package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.Session;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;

import java.util.function.Function;

/** Cancel, pause and resume: one request on a job, then its status. */
final class JobControl {
    private JobControl() {
    }

    static int run(Session session, String given, String verb, Function<FineTuneJob, JobSnapshot> action) {
        JobId id = JobArgument.resolve(session, given);
        Session.Connection connection = session.connect();
        JobSnapshot after = action.apply(connection.client().attach(id));
        session.ctx().out().println(verb + " job " + id + " on " + connection.label() + ": now " + after.rawStatus());
        return 0;
    }
}
