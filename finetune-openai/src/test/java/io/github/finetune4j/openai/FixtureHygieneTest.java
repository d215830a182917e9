package io.github.finetune4j.openai;

import io.github.finetune4j.testsupport.FixtureHygiene;
import org.junit.jupiter.api.Test;

class FixtureHygieneTest {
    @Test
    void fixturesHoldNoKeysTokensOrAccountIds() {
        FixtureHygiene.assertClean("openai", 20);
    }
}
