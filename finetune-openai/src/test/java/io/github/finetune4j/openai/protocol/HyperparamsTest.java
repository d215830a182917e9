package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.finetune4j.core.model.HyperparameterValue;
import io.github.finetune4j.core.model.Hyperparameters;
import org.junit.jupiter.api.Test;

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
    void readsAzuresMinusOneAsChosenByTheService() {
        assertThat(Hyperparams.fromWire(IntNode.valueOf(-1))).contains(HyperparameterValue.auto());
    }

    @Test
    void treatsNullMissingAndOddValuesAsAbsent() {
        assertThat(Hyperparams.fromWire((JsonNode) null)).isEmpty();
        assertThat(Hyperparams.fromWire(NullNode.getInstance())).isEmpty();
        assertThat(Hyperparams.fromWire(TextNode.valueOf("medium"))).isEmpty();
        assertThat(Hyperparams.fromWire(JsonNodeFactory.instance.objectNode())).isEmpty();
    }

    @Test
    void writesWholeNumbersAsIntegersFractionsAsDoublesAndAutoAsAuto() {
        Hyperparameters h = Hyperparameters.builder().epochs(3).learningRateMultiplier(0.05).batchSizeAuto().build();

        assertThat(Hyperparams.toWire(h, true).toString())
                .isEqualTo("{\"n_epochs\":3,\"batch_size\":\"auto\",\"learning_rate_multiplier\":0.05}");
    }

    @Test
    void leavesAutoOutForDialectsThatOnlyTakeNumbers() {
        Hyperparameters h = Hyperparameters.builder().epochs(3).batchSizeAuto().build();

        assertThat(Hyperparams.toWire(h, false).toString()).isEqualTo("{\"n_epochs\":3}");
        assertThat(Hyperparams.toWire(Hyperparameters.builder().batchSizeAuto().build(), false))
                .isNull();
    }

    @Test
    void emptyHyperparametersAreNotSent() {
        assertThat(Hyperparams.toWire(Hyperparameters.defaults(), true)).isNull();
        assertThat(Hyperparams.fromWire((HyperparametersDto) null)).isEqualTo(Hyperparameters.defaults());
    }
}
