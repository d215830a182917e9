package io.github.finetune4j.core.internal.preflight;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ModelFamilyTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "gpt-4o-mini-2024-07-18, OPENAI",
        "ft:gpt-4.1-mini-2025-04-14:acme::x, OPENAI",
        "gpt-35-turbo-0125, OPENAI",
        "openai/gpt-oss-20b, GPT_OSS",
        "gpt-oss-120b, GPT_OSS",
        "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference, LLAMA_3",
        "meta-llama/Llama-3.3-70B-Instruct-Reference, LLAMA_3",
        "Llama-3.3-70B-Instruct, LLAMA_3",
        "zainhas/Meta-Llama-3.1-8B-Instruct-Reference-my-demo-finetune-4224205a, LLAMA_3",
        "Qwen/Qwen3-8B, QWEN3",
        "Qwen/Qwen3.5-9B, QWEN3",
        "Qwen-32B, QWEN",
        "Qwen/Qwen2.5-72B-Instruct, QWEN",
        "mistralai/Mistral-Nemo-Instruct-2407, MISTRAL",
        "Ministral-3B, MISTRAL",
        "mistralai/Mixtral-8x7B-Instruct-v0.1, MISTRAL",
        "meta-llama/Llama-4-Scout-17B-16E-Instruct, UNKNOWN",
        "google/gemma-4-31B-it, UNKNOWN"})
    void providersSpellingsResolveToTheirFamily(String model, ModelFamily family) {
        assertThat(ModelFamily.of(model)).isEqualTo(family);
    }
}
