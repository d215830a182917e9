package io.github.finetune4j.eval;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.model.Example;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.model.Role;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CandidateTest {
    private static final EvalExample EXAMPLE = EvalExample.of("ex-1",
            List.of(Message.system("sys"), Message.user("Frage?")), "Antwort.");

    @Test
    void plainCandidateSendsTheExamplePromptUnchanged() {
        Candidate c = Candidate.of("base", Fixtures.base());

        assertThat(c.messagesFor(EXAMPLE)).isEqualTo(EXAMPLE.prompt());
    }

    @Test
    void fewShotExamplesGoAfterTheSystemPromptWithoutTheirOwnSystemMessages() {
        Dataset training = Dataset.builder().systemPrompt("sys").example("Q1", "A1").example("Q2", "A2")
                .example("Q3", "A3").build();

        Candidate c = Candidate.builder().name("few-shot").model(Fixtures.base()).fewShot(training, 2).build();

        assertThat(c.messagesFor(EXAMPLE)).extracting(m -> m.role() + ":" + m.content().orElse(""))
                .containsExactly("SYSTEM:sys", "USER:Q1", "ASSISTANT:A1", "USER:Q2", "ASSISTANT:A2", "USER:Frage?");
    }

    @Test
    void ownSystemPromptReplacesTheExamplesSystemPrompt() {
        Candidate c = Candidate.builder().name("other").model(Fixtures.base()).systemPrompt("mine").build();

        List<Message> sent = c.messagesFor(EXAMPLE);

        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).content()).contains("mine");
        assertThat(sent.get(1).role()).isEqualTo(Role.USER);
    }

    @Test
    void builderRequiresNameAndModel() {
        assertThatThrownBy(() -> Candidate.builder().name("x").build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void exampleIsSplitAtItsLastAssistantTurn() {
        Example conversation = Example.of(Message.system("sys"), Message.user("Q1"), Message.assistant("A1"),
                Message.user("Q2"), Message.assistant("A2"));

        EvalExample e = EvalExample.fromExample("c-1", conversation);

        assertThat(e.reference()).isEqualTo("A2");
        assertThat(e.prompt()).hasSize(4);
        assertThat(e.question()).isEqualTo("Q2");
    }

    @Test
    void datasetExamplesGetSequentialIds() {
        Dataset heldOut = Dataset.builder().systemPrompt("sys").example("Q1", "A1").example("Q2", "A2").build();

        assertThat(EvalExample.fromDataset(heldOut)).extracting(EvalExample::id).containsExactly("ex-0001", "ex-0002");
    }

    @Test
    void exampleWithoutAssistantTurnIsRejected() {
        assertThatThrownBy(() -> EvalExample.fromExample("x", Example.of(Message.user("Q"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
