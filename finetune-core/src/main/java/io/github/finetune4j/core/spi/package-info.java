/**
 * The provider SPI: what a provider module implements to plug a fine-tuning service into the core. For provider
 * authors, not application code.
 */
package io.github.finetune4j.core.spi;
