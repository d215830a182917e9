package io.github.finetune4j.openai.internal;

import io.github.finetune4j.core.error.ResponseFormatException;
import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.openai.support.TestProviders;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.finetune4j.openai.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OpenAiResponseFormatTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final TestProviders providers = TestProviders.create();

    @AfterEach
    void closeProviders() {
        providers.close();
    }

    @Test
    void nonJsonSuccessBodyThrowsResponseFormatExceptionWithRequestId() throws Exception {
        server.enqueue(FIXTURES.jsonBody("<html>gateway says hi</html>"));

        ResponseFormatException e = catchThrowableOfType(ResponseFormatException.class,
                () -> providers.provider(server).getJob(JobId.of("ftjob-abc123")));

        assertThat(e.provider()).contains("openai");
        assertThat(e.requestId()).contains("req_test123");
        assertThat(e.getMessage()).contains("job").doesNotContain("gateway says hi");
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @Test
    void jobWithoutIdThrowsResponseFormatExceptionNamingTheField() throws Exception {
        server.enqueue(FIXTURES.jsonBody("{\"object\":\"fine_tuning.job\",\"status\":\"queued\","
                + "\"model\":\"m\",\"created_at\":1,\"training_file\":\"file-a\"}"));

        ResponseFormatException e = catchThrowableOfType(ResponseFormatException.class,
                () -> providers.provider(server).getJob(JobId.of("ftjob-abc123")));

        assertThat(e.getMessage()).contains("'id'");
        assertThat(e.requestId()).contains("req_test123");
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @Test
    void jsonNullBodyThrowsResponseFormatException() throws Exception {
        server.enqueue(FIXTURES.jsonBody("null"));

        assertThat(catchThrowableOfType(ResponseFormatException.class,
                () -> providers.provider(server).getFile(FileId.of("file-a")))).isNotNull();
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @Test
    void listWithoutDataThrowsResponseFormatException() throws Exception {
        server.enqueue(FIXTURES.jsonBody("{\"object\":\"list\",\"has_more\":false}"));

        ResponseFormatException e = catchThrowableOfType(ResponseFormatException.class,
                () -> providers.provider(server).listJobs(PageRequest.first()));

        assertThat(e.getMessage()).contains("'data'");
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @Test
    void wronglyTypedFieldThrowsResponseFormatException() throws Exception {
        server.enqueue(FIXTURES.jsonBody("{\"id\":\"ftjob-a\",\"status\":\"queued\",\"model\":\"m\","
                + "\"created_at\":\"yesterday\",\"training_file\":\"file-a\"}"));

        assertThat(catchThrowableOfType(ResponseFormatException.class,
                () -> providers.provider(server).getJob(JobId.of("ftjob-a")))).isNotNull();
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @Test
    void chatCompletionWithoutChoicesThrowsResponseFormatException() throws Exception {
        server.enqueue(FIXTURES.jsonBody("{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[]}"));

        assertThat(catchThrowableOfType(ResponseFormatException.class, () -> providers.provider(server)
                .chat(ChatRequest.builder().model("m").addMessage(Message.user("hi")).build()))).isNotNull();
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }
}
