package io.github.finetune4j.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.eval.internal.JsonSchemaValidator;
import io.github.finetune4j.eval.internal.TextMetrics;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The built-in scorers. Each returns a new, immutable, thread-safe {@link Scorer}; scores are in [0, 1].
 *
 * <pre>{@code
 * Evaluation.builder()
 *         .addScorer(Scorers.exactMatch())          // 1 if equal after normalisation
 *         .addScorer(Scorers.tokenF1())             // word overlap
 *         .addScorer(Scorers.chrF())                // character n-gram F-score
 *         .addScorer(Scorers.regex("mentions_filter", "(?i)filter"))
 *         .addScorer(Scorers.judge(judgeModel, "Is the answer helpful and correct for the customer?"))
 *         ...
 * }</pre>
 */
public final class Scorers {
    /** Name of {@link #exactMatch()}. */
    public static final String EXACT_MATCH = "exact_match";
    /** Name of {@link #tokenF1()}. */
    public static final String TOKEN_F1 = "token_f1";
    /** Name of {@link #chrF()}. */
    public static final String CHRF = "chrf";
    /** Name of {@link #jsonValid()}. */
    public static final String JSON_VALID = "json_valid";
    /** Name of {@link #jsonSchema(String)}. */
    public static final String JSON_SCHEMA = "json_schema";
    /** Default largest n-gram order of {@link #chrF()}. */
    public static final int DEFAULT_CHRF_ORDER = 6;
    /** Default recall weight of {@link #chrF()}. */
    public static final double DEFAULT_CHRF_BETA = 2;

    private static final ObjectReader JSON = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Scorers() {
    }

    /**
     * Normalised exact match: 1 when answer and reference are equal after Unicode NFKC normalisation, lower-casing,
     * replacing punctuation and symbols with spaces and collapsing white space; otherwise 0.
     *
     * @return the scorer, named {@value #EXACT_MATCH}
     */
    public static Scorer exactMatch() {
        return Scorer.of(EXACT_MATCH,
                (example, answer) -> Score.of(TextMetrics.exactMatch(answer, example.reference())));
    }

    /**
     * Token-level F1 (as in SQuAD) of the normalised words of answer and reference.
     *
     * @return the scorer, named {@value #TOKEN_F1}
     */
    public static Scorer tokenF1() {
        return Scorer.of(TOKEN_F1, (example, answer) -> Score.of(TextMetrics.tokenF1(answer, example.reference())));
    }

    /**
     * chrF: the character n-gram F-score of sacreBLEU with its defaults (orders 1 to 6, beta 2, white space ignored,
     * case-sensitive), on a 0 to 1 scale instead of 0 to 100.
     *
     * @return the scorer, named {@value #CHRF}
     */
    public static Scorer chrF() {
        return chrF(DEFAULT_CHRF_ORDER, DEFAULT_CHRF_BETA);
    }

    /**
     * chrF with other parameters.
     *
     * @param maxOrder the largest character n-gram order, 1 to 10
     * @param beta the weight of recall over precision, positive
     * @return the scorer, named {@value #CHRF}
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static Scorer chrF(int maxOrder, double beta) {
        if (maxOrder < 1 || maxOrder > 10) {
            throw new IllegalArgumentException("maxOrder must be in [1, 10]: " + maxOrder);
        }
        if (!(beta > 0)) {
            throw new IllegalArgumentException("beta must be positive: " + beta);
        }
        return Scorer.of(CHRF,
                (example, answer) -> Score.of(TextMetrics.chrF(answer, example.reference(), maxOrder, beta)));
    }

    /**
     * JSON validity, for format tasks: 1 when the whole answer (trimmed) is one JSON value, otherwise 0 with the
     * parser's complaint. Code fences around the JSON count as invalid.
     *
     * @return the scorer, named {@value #JSON_VALID}
     */
    public static Scorer jsonValid() {
        return Scorer.of(JSON_VALID, (example, answer) -> {
            Parsed parsed = parse(answer);
            return parsed.node().isPresent() ? Score.of(1) : Score.of(0, parsed.error());
        });
    }

    /**
     * JSON validity against a JSON Schema: 1 when the answer is JSON and satisfies the schema, otherwise 0 with the
     * first violation. Supports {@code type}, {@code enum}, {@code const}, {@code properties}, {@code required},
     * {@code additionalProperties}, {@code items}, {@code minItems}, {@code maxItems}, {@code minLength},
     * {@code maxLength}, {@code pattern}, {@code minimum}, {@code maximum}, {@code exclusiveMinimum},
     * {@code exclusiveMaximum}, {@code allOf}, {@code anyOf}, {@code oneOf} and {@code not}; other keywords (such as
     * {@code $ref} and {@code format}) are ignored.
     *
     * @param schema the schema as JSON text
     * @return the scorer, named {@value #JSON_SCHEMA}
     * @throws IllegalArgumentException if the schema is not JSON
     */
    public static Scorer jsonSchema(String schema) {
        Parsed parsedSchema = parse(Objects.requireNonNull(schema, "schema"));
        JsonSchemaValidator validator = new JsonSchemaValidator(parsedSchema.node()
                .orElseThrow(() -> new IllegalArgumentException("schema is " + parsedSchema.error())));
        return Scorer.of(JSON_SCHEMA, (example, answer) -> {
            Parsed parsed = parse(answer);
            if (parsed.node().isEmpty()) {
                return Score.of(0, parsed.error());
            }
            Optional<String> violation = validator.firstViolation(parsed.node().get());
            return violation.map(v -> Score.of(0, v)).orElseGet(() -> Score.of(1));
        });
    }

    /**
     * Regular expression: 1 when the pattern is found anywhere in the answer ({@link java.util.regex.Matcher#find()}),
     * otherwise 0. Anchor it ({@code ^...$}) to require a full match.
     *
     * @param name the scorer's name, for example {@code mentions_filter}
     * @param regex the pattern, in {@link Pattern} syntax
     * @return the scorer
     * @throws java.util.regex.PatternSyntaxException if the pattern is invalid
     */
    public static Scorer regex(String name, String regex) {
        Pattern pattern = Pattern.compile(Objects.requireNonNull(regex, "regex"));
        return Scorer.of(name, (example, answer) -> Score.of(pattern.matcher(answer).find() ? 1 : 0));
    }

    /**
     * A judge model with a rubric, on a 1 to 10 scale, named {@value JudgeScorer#DEFAULT_NAME}; see
     * {@link JudgeScorer#builder()} for other scales and names.
     *
     * @param judge any chat model of the same client, for example {@code client.model("gpt-4.1-2025-04-14")}
     * @param rubric what a good answer is, in words
     * @return the scorer
     */
    public static JudgeScorer judge(FineTunedModel judge, String rubric) {
        return JudgeScorer.builder().model(judge).rubric(rubric).build();
    }

    private static Parsed parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isMissingNode() ? new Parsed(Optional.empty(), "not JSON: empty answer")
                    : new Parsed(Optional.of(node), "");
        } catch (JsonProcessingException e) {
            return new Parsed(Optional.empty(), "not JSON: " + e.getOriginalMessage());
        }
    }

    private record Parsed(Optional<JsonNode> node, String error) {
    }
}
