package io.github.finetune4j.azure;

import io.github.finetune4j.testsupport.FixtureHygiene;
import org.junit.jupiter.api.Test;

class FixtureHygieneTest {
    @Test
    void fixturesHoldNoKeysTokensOrAccountIds() {
        FixtureHygiene.assertClean("azure", 20);
    }
}
