package io.github.finetune4j.openai.internal;

import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.core.model.TokenUsage;
import io.github.finetune4j.core.model.ToolCall;
import io.github.finetune4j.core.spi.ModelCatalog;
import io.github.finetune4j.core.spi.ModelDeletion;
import io.github.finetune4j.testsupport.Fixtures;
import io.github.finetune4j.openai.support.TestProviders;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.github.finetune4j.openai.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

class OpenAiModelsAndChatTest {
    private static final String FT_MODEL = "ft:gpt-4o-mini-2024-07-18:my-org:t1000:AbC123xy";

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final TestProviders providers = TestProviders.create();

    @AfterEach
    void closeProviders() {
        providers.close();
    }

    @Test
    void getModelReadsShutdownDate() throws Exception {
        server.enqueue(FIXTURES.json("models/get.json"));

        ModelInfo model = providers.provider(server).feature(ModelCatalog.class).orElseThrow().getModel("gpt-4o-mini-2024-07-18");

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/models/gpt-4o-mini-2024-07-18");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(model).isEqualTo(new ModelInfo("gpt-4o-mini-2024-07-18", Optional.of("system"),
                Optional.of(LocalDate.of(2027, 1, 14))));
    }

    @Test
    void getModelKeepsColonsOfFineTunedModelNamesUnencoded() throws Exception {
        server.enqueue(FIXTURES.json("models/get-fine-tuned.json"));

        ModelInfo model = providers.provider(server).feature(ModelCatalog.class).orElseThrow().getModel(FT_MODEL);

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getTarget()).isEqualTo("/v1/models/" + FT_MODEL);
        assertThat(model.id()).isEqualTo(FT_MODEL);
        assertThat(model.ownedBy()).contains("my-org");
        assertThat(model.shutdownDate()).isEmpty();
    }

    @Test
    void deleteModelSendsDeleteWithColonsKept() throws Exception {
        server.enqueue(FIXTURES.json("models/delete.json"));

        boolean deleted = providers.provider(server).feature(ModelDeletion.class).orElseThrow().deleteModel(FT_MODEL);

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("DELETE");
        assertThat(request.getTarget()).isEqualTo("/v1/models/" + FT_MODEL);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(deleted).isTrue();
    }

    @Test
    void chatPostsModelMessagesTemperatureAndMaxTokens() throws Exception {
        server.enqueue(FIXTURES.json("chat/completion.json"));
        ChatRequest chat = ChatRequest.builder().model(FT_MODEL)
                .addMessage(Message.system("Du chattest jetzt mit dem Kundenservice für den Hochleistungs-Staubsauger T-1000."))
                .addMessage(Message.user("Ich will meinen T-1000 mit Pril reinigen. Geht das?"))
                .temperature(0.2).maxTokens(100).build();

        ChatResponse response = providers.provider(server).chat(chat);

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(Fixtures.parse(request.getBody().utf8())).isEqualTo(FIXTURES.tree("chat/request.json"));
        assertThat(response).isEqualTo(new ChatResponse("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", FT_MODEL,
                "Bitte nicht! Pril kann die Dichtungen beschädigen.", Optional.of("stop"),
                Optional.of(new TokenUsage(42, 12, 54))));
    }

    @Test
    void chatSendsToolCallsAndToolResultsButNoTrainingWeights() throws Exception {
        server.enqueue(FIXTURES.json("chat/completion.json"));
        ChatRequest chat = ChatRequest.builder().model("gpt-4o-mini")
                .addMessage(Message.user("Wetter?"))
                .addMessage(Message.assistantToolCalls(List.of(new ToolCall("call_1", "weather", "{\"city\":\"Bonn\"}"))))
                .addMessage(Message.tool("call_1", "sonnig"))
                .addMessage(Message.assistant("Sonnig.").withWeight(1))
                .build();

        providers.provider(server).chat(chat);

        assertThat(Fixtures.parse(server.takeRequest(1, SECONDS).getBody().utf8())).isEqualTo(Fixtures.parse("""
                {"model":"gpt-4o-mini","messages":[
                  {"role":"user","content":"Wetter?"},
                  {"role":"assistant","tool_calls":[{"id":"call_1","type":"function",
                    "function":{"name":"weather","arguments":"{\\"city\\":\\"Bonn\\"}"}}]},
                  {"role":"tool","content":"sonnig","tool_call_id":"call_1"},
                  {"role":"assistant","content":"Sonnig."}]}
                """));
    }

    @Test
    void chatAnswerWithoutContentGivesEmptyText() throws Exception {
        server.enqueue(FIXTURES.jsonBody("{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null},"
                + "\"finish_reason\":\"tool_calls\"}]}"));

        ChatResponse response = providers.provider(server).chat(ChatRequest.builder().model("m")
                .addMessage(Message.user("hi")).build());

        assertThat(response.text()).isEmpty();
        assertThat(response.finishReason()).contains("tool_calls");
        assertThat(response.usage()).isEmpty();
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }
}
