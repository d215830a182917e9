package io.github.finetune4j.together.internal;


import io.github.finetune4j.core.preflight.ChatTemplate;
import io.github.finetune4j.core.preflight.ModelLimits;
import io.github.finetune4j.core.preflight.PriceTable;
import io.github.finetune4j.core.preflight.TokenEncoding;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.ProviderCapabilities;
import io.github.finetune4j.openai.protocol.BaseDialect;
import io.github.finetune4j.openai.protocol.Operation;
import io.github.finetune4j.openai.protocol.ProtocolUris;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Together AI as far as it speaks the OpenAI protocol: {@code Authorization: Bearer}, every route directly under the
 * base URL, and chat completions in OpenAI's shape. The protocol's {@code ProtocolProvider} over this dialect serves
 * chat; the fine-tuning routes, which are Together's own, reuse its request building and response reading. Declares
 * Together's capabilities: the price table (with the chat template and Hub tokenizer of each open model) and no
 * metadata filter (Together stores no metadata: a job of an ambiguous attempt is found by its content). Immutable.
 */
final class TogetherDialect extends BaseDialect {
    private final TogetherConfig config;

    TogetherDialect(TogetherConfig config) {
        super(TogetherMapper.PROVIDER, "Together AI", ProviderCapabilities.builder(priceTable()).build(), Set.of());
        this.config = config;
    }

    /**
     * {@code PriceTable.together()} with rows for the other open models of Together's catalog, so that the
     * pre-flight of any of them counts with its chat template and names its tokenizer. No prices: Together's rates
     * are not part of the reference; its own estimate ({@code PriceEstimates}) gives the dollar figure.
     */
    static PriceTable priceTable() {
        return PriceTable.together().toBuilder()
                .putModel(open("meta-llama/Meta-Llama-3.1-70B-Instruct-Reference", 131_072, ChatTemplate.LLAMA_3,
                        "meta-llama/Llama-3.1-70B-Instruct"))
                .putModel(open("meta-llama/Llama-3.3-70B-Instruct-Reference", 131_072, ChatTemplate.LLAMA_3,
                        "meta-llama/Llama-3.3-70B-Instruct"))
                .putModel(open("Qwen/Qwen3-8B", 40_960, ChatTemplate.QWEN3, "Qwen/Qwen3-8B"))
                .putModel(ModelLimits.builder().model("openai/gpt-oss-20b").encoding(TokenEncoding.O200K_BASE)
                        .maxTokensPerExample(131_072).chatTemplate(ChatTemplate.HARMONY)
                        .tokenizerModelId("openai/gpt-oss-20b").build())
                .putModel(open("mistralai/Mixtral-8x7B-Instruct-v0.1", 32_768, ChatTemplate.MISTRAL,
                        "mistralai/Mixtral-8x7B-Instruct-v0.1"))
                .build();
    }

    private static ModelLimits open(String model, int limit, ChatTemplate template, String tokenizer) {
        return ModelLimits.builder().model(model).encoding(TokenEncoding.CL100K_BASE).maxTokensPerExample(limit)
                .chatTemplate(template).tokenizerModelId(tokenizer).build();
    }

    @Override
    public URI uri(Operation operation, String path, Map<String, String> query) {
        return uri(path, query);
    }

    URI uri(String path, Map<String, String> query) {
        return ProtocolUris.append(config.baseUrl().toString(), path, query);
    }

    @Override
    public void authenticate(HttpCall.Builder call) {
        call.header("Authorization", "Bearer " + config.apiKey().reveal());
    }

    @Override
    public String toString() {
        return "Together[" + config.baseUrl() + ", apiKey=REDACTED]";
    }

}
