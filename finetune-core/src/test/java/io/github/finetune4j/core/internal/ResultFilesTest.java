package io.github.finetune4j.core.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class ResultFilesTest {
    private static final String CSV = "step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy\n1,1.5,0.4,,\n";

    @Test
    void plainCsvIsReturnedUnchanged() {
        assertThat(new String(ResultFiles.decode(CSV.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)).isEqualTo(CSV);
    }

    @Test
    void base64CsvIsDecoded() {
        byte[] encoded = Base64.getEncoder().encode(CSV.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(ResultFiles.decode(encoded), StandardCharsets.UTF_8)).isEqualTo(CSV);
    }
}
