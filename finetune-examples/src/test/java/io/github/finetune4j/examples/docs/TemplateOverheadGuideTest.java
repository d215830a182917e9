package io.github.finetune4j.examples.docs;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.preflight.ChatTemplate;
import io.github.finetune4j.core.preflight.TokenStatistics;
import io.github.finetune4j.core.preflight.ValidationOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/open-models.md states how many tokens each chat template adds per example of the T-1000 data, counted with
 * cl100k_base: the pre-flight must add exactly that.
 */
class TemplateOverheadGuideTest {
    private static final Path GUIDE = Guides.ROOT.resolve("docs/open-models.md");
    private static final Path DATA = Guides.ROOT.resolve("docs/t1000.jsonl");
    /** A table row: | `TEMPLATE` (...) | what it adds | per example | */
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z0-9_]+)`[^|]*\\|.*\\| (\\d+) \\|$");

    @Test
    void everyTemplatesOverheadInTheGuideIsWhatThePreflightAdds() {
        Map<ChatTemplate, Integer> documented = new EnumMap<>(ChatTemplate.class);
        for (String line : Guides.lines(GUIDE)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                documented.put(ChatTemplate.valueOf(row.group(1)), Integer.parseInt(row.group(2)));
            }
        }
        assertThat(documented).as("one row per template").containsOnlyKeys(ChatTemplate.values());

        long examples = Dataset.fromJsonl(DATA).validate(options(ChatTemplate.OPENAI)).examples();
        long content = contentTokens();
        documented.forEach((template, perExample) -> {
            TokenStatistics tokens = Dataset.fromJsonl(DATA).validate(options(template)).tokens();
            double added = (double) (tokens.perExample().sum() - content) / examples;
            assertThat(Math.round(added)).as(template.name()).isEqualTo(perExample.longValue());
        });
    }

    /** The content alone: the OpenAI formula minus its own fixed overhead (3 + role per message, 3 per example). */
    private static long contentTokens() {
        TokenStatistics openAi = Dataset.fromJsonl(DATA).validate(options(ChatTemplate.OPENAI)).tokens();
        io.github.finetune4j.core.preflight.Tokenizer cl100k = io.github.finetune4j.core.preflight.Tokenizer
                .tiktoken(io.github.finetune4j.core.preflight.TokenEncoding.CL100K_BASE);
        long perExample = 3 * 3 + cl100k.countTokens("system") + cl100k.countTokens("user")
                + cl100k.countTokens("assistant") + 3;
        long examples = Dataset.fromJsonl(DATA).validate(options(ChatTemplate.OPENAI)).examples();
        return openAi.perExample().sum() - perExample * examples;
    }

    private static ValidationOptions options(ChatTemplate template) {
        return ValidationOptions.builder().baseModel("gpt-3.5-turbo-0125").chatTemplate(template).build();
    }
}
