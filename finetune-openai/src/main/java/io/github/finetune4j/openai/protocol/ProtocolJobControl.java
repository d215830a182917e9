package io.github.finetune4j.openai.protocol;

import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.spi.JobControl;
import io.github.finetune4j.core.spi.RetryMode;

import java.util.Map;

/** Pause and resume; offered where the dialect has {@link OpenAiDialect.Feature#PAUSE_RESUME}. */
final class ProtocolJobControl implements JobControl {
    private final OpenAiProtocol protocol;

    ProtocolJobControl(OpenAiProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public JobSnapshot pauseJob(JobId id) {
        return action(protocol, id, "pause");
    }

    @Override
    public JobSnapshot resumeJob(JobId id) {
        return action(protocol, id, "resume");
    }

    /** Cancel, pause and resume only move the job along, so repeating them is safe. */
    static JobSnapshot action(OpenAiProtocol protocol, JobId id, String action) {
        return protocol.reader().read(protocol.send(protocol.request("POST", protocol.uri(Operation.JOB_ACTION,
                        ProtocolUris.path("fine_tuning", "jobs", id.value(), action), Map.of()))
                .retryMode(RetryMode.IDEMPOTENT).build()), JobDto.class, protocol.jobs()::fromWire, "job");
    }
}
