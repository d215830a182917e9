/**
 * finetune4j core: the provider-neutral API, datasets, job awaiting and the provider SPI.
 */
module io.github.finetune4j.core {
    requires java.net.http;
    requires transitive com.fasterxml.jackson.databind;
    requires io.github.resilience4j.retry;
    requires io.github.resilience4j.core;
    // No "requires jtokkit": jtokkit has no module name of its own, so the build relocates it into this module's
    // non-exported package io.github.finetune4j.core.internal.jtokkit (docs/modules.md).

    exports io.github.finetune4j.core;
    exports io.github.finetune4j.core.model;
    exports io.github.finetune4j.core.error;
    exports io.github.finetune4j.core.spi;
    exports io.github.finetune4j.core.preflight;

    uses io.github.finetune4j.core.spi.FineTuneProviderFactory;
}
