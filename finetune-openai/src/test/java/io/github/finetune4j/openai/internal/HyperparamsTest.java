package io.github.finetune4j.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.finetune4j.core.model.HyperparameterValue;
import io.github.finetune4j.core.model.Hyperparameters;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HyperparamsTest {
    @Test
    void readsAutoNumbersAndNumericStrings() {
        assertThat(Hyperparams.fromWire(TextNode.valueOf("auto"))).contains(HyperparameterValue.auto());
        assertThat(Hyperparams.fromWire(IntNode.valueOf(3))).contains(HyperparameterValue.of(3));
        assertThat(Hyperparams.fromWire(DoubleNode.valueOf(0.1))).contains(HyperparameterValue.of(0.1));
        assertThat(Hyperparams.fromWire(TextNode.valueOf("2"))).contains(HyperparameterValue.of(2));
    }

    @Test
    void treatsNullMissingAndOddValuesAsAbsent() {
        assertThat(Hyperparams.fromWire((JsonNode) null)).isEmpty();
        assertThat(Hyperparams.fromWire(NullNode.getInstance())).isEmpty();
        assertThat(Hyperparams.fromWire(TextNode.valueOf("medium"))).isEmpty();
        assertThat(Hyperparams.fromWire(JsonNodeFactory.instance.objectNode())).isEmpty();
    }

    @Test
    void writesWholeNumbersAsIntegersAndFractionsAsDoubles() {
        assertThat(Hyperparams.toWire(Optional.of(HyperparameterValue.of(3))).toString()).isEqualTo("3");
        assertThat(Hyperparams.toWire(Optional.of(HyperparameterValue.of(0.05))).toString()).isEqualTo("0.05");
        assertThat(Hyperparams.toWire(Optional.of(HyperparameterValue.auto())).asText()).isEqualTo("auto");
        assertThat(Hyperparams.toWire(Optional.empty())).isNull();
    }

    @Test
    void emptyHyperparametersAreNotSent() {
        assertThat(Hyperparams.toWire(Hyperparameters.defaults())).isNull();
        assertThat(Hyperparams.fromWire((HyperparametersDto) null)).isEqualTo(Hyperparameters.defaults());
    }
}
