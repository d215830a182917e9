package io.github.finetune4j.core.internal.preflight;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.preflight.CostEstimate;
import io.github.finetune4j.core.preflight.Distribution;
import io.github.finetune4j.core.preflight.PiiFinding;
import io.github.finetune4j.core.preflight.PiiKind;
import io.github.finetune4j.core.preflight.TokenStatistics;
import io.github.finetune4j.core.preflight.ValidationReport;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/** The JSON form of a {@link ValidationReport}: snake_case, stable field order. */
public final class ReportJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ReportJson() {
    }

    /**
     * Formats a report for tools.
     *
     * @param r the report
     * @return compact JSON
     */
    public static String format(ValidationReport r) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("source", r.source());
            g.writeStringField("base_model", r.baseModel());
            g.writeStringField("method", r.method().wireName());
            g.writeNumberField("bytes", r.bytes());
            g.writeNumberField("lines", r.lines());
            g.writeNumberField("examples", r.examples());
            g.writeBooleanField("ok", !r.hasErrors());
            g.writeNumberField("errors", r.errorCount());
            g.writeNumberField("warnings", r.warningCount());
            g.writeObjectFieldStart("issue_counts");
            for (Map.Entry<String, Long> e : r.sortedIssueCounts().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("issues");
            for (DatasetIssue i : r.issues()) {
                g.writeStartObject();
                g.writeNumberField("line", i.line());
                g.writeStringField("field", i.field());
                g.writeStringField("code", i.code());
                g.writeStringField("severity", i.severity().name().toLowerCase(Locale.ROOT));
                g.writeStringField("message", i.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            tokens(g, r.tokens());
            cost(g, r.cost());
            pii(g, r);
            if (r.redactedCopy().isPresent()) {
                g.writeStringField("redacted_copy", r.redactedCopy().get().toString());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void tokens(JsonGenerator g, TokenStatistics t) throws IOException {
        g.writeObjectFieldStart("tokens");
        g.writeStringField("tokenizer", t.tokenizer());
        if (t.encoding().isPresent()) {
            g.writeStringField("encoding", t.encoding().get().wireName());
        }
        g.writeBooleanField("exact", t.exact());
        g.writeStringField("chat_template", t.chatTemplate().name().toLowerCase(Locale.ROOT));
        distribution(g, "per_example", t.perExample());
        distribution(g, "assistant_per_example", t.assistantPerExample());
        distribution(g, "messages_per_example", t.messagesPerExample());
        g.writeNumberField("examples_over_limit", t.examplesOverLimit());
        g.writeNumberField("tokens_over_limit", t.tokensOverLimit());
        g.writeEndObject();
    }

    private static void distribution(JsonGenerator g, String name, Distribution d) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("count", d.count());
        g.writeNumberField("sum", d.sum());
        g.writeNumberField("min", d.min());
        g.writeNumberField("max", d.max());
        g.writeNumberField("mean", d.mean());
        g.writeNumberField("median", d.median());
        g.writeNumberField("p10", d.p10());
        g.writeNumberField("p90", d.p90());
        g.writeEndObject();
    }

    private static void cost(JsonGenerator g, CostEstimate c) throws IOException {
        g.writeObjectFieldStart("cost");
        g.writeStringField("base_model", c.baseModel());
        if (c.maxTokensPerExample().isPresent()) {
            g.writeNumberField("max_tokens_per_example", c.maxTokensPerExample().get());
        }
        g.writeNumberField("epochs", c.epochs());
        g.writeStringField("epoch_source", c.epochSource().name().toLowerCase(Locale.ROOT));
        g.writeNumberField("billing_tokens", c.billingTokens());
        g.writeNumberField("trained_tokens", c.trainedTokens());
        if (c.pricePerMillionTokens().isPresent()) {
            g.writeNumberField("usd_per_million_tokens", c.pricePerMillionTokens().get());
        }
        if (c.estimatedCost().isPresent()) {
            g.writeNumberField("estimated_cost_usd", c.estimatedCost().get());
        }
        g.writeStringField("price_table", c.priceTableVersion());
        g.writeEndObject();
    }

    private static void pii(JsonGenerator g, ValidationReport r) throws IOException {
        g.writeObjectFieldStart("pii");
        g.writeObjectFieldStart("counts");
        for (PiiKind kind : PiiKind.values()) {
            Long count = r.piiCounts().get(kind);
            if (count != null) {
                g.writeNumberField(kind.name().toLowerCase(Locale.ROOT), count);
            }
        }
        g.writeEndObject();
        g.writeArrayFieldStart("findings");
        for (PiiFinding f : r.piiFindings()) {
            g.writeStartObject();
            g.writeNumberField("line", f.line());
            g.writeStringField("field", f.field());
            g.writeStringField("kind", f.kind().name().toLowerCase(Locale.ROOT));
            g.writeStringField("excerpt", f.maskedExcerpt());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
