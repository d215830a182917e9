package io.github.finetune4j.azure.internal;

import io.github.finetune4j.openai.protocol.ResponseReader;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.azure.support.TestProviders;
import io.github.finetune4j.core.model.JobId;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.github.finetune4j.azure.support.TestProviders.FIXTURES;
import static org.assertj.core.api.Assertions.assertThat;

class ResponseLoggingTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final Logger jul = Logger.getLogger(ResponseReader.class.getName());
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previous;

    @BeforeEach
    void capture() {
        previous = jul.getLevel();
        jul.setLevel(Level.ALL);
        jul.addHandler(handler);
    }

    @AfterEach
    void release() {
        jul.removeHandler(handler);
        jul.setLevel(previous);
    }

    @Test
    void eachResponseLogsTheAzureRequestIdAndRegionButNeverTheKey() {
        server.enqueue(FIXTURES.json("jobs/get-running.json"));

        providers().getJob(JobId.of("ftjob-5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c"));

        assertThat(lines).singleElement().asString()
                .contains(TestProviders.REQUEST_ID).contains(TestProviders.REGION).doesNotContain(TestProviders.KEY);
    }

    private FineTuneProvider providers() {
        return TestProviders.create().v1(server);
    }
}
