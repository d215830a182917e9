package io.github.finetune4j.core.internal.preflight;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.core.internal.tokenizer.WorkBudget;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.Severity;
import io.github.finetune4j.core.preflight.ChatTemplate;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import static io.github.finetune4j.core.internal.preflight.Names.type;

/**
 * Checks the lines of a batch: encoding, JSON syntax, then the chat or preference format, counting tokens and
 * scanning for personal data on the way. Runs on the worker threads; one instance serves all of them.
 */
final class LineChecker {
    /** Jackson names the place where an unclosed value started with its own location syntax; say it plainly. */
    private static final java.util.regex.Pattern JACKSON_START_MARKER = java.util.regex.Pattern.compile(
            "\\(start marker at \\[Source: [^\\]]*?column: (\\d+)\\]\\)");
    /** Any other location Jackson appends: the issue carries line and column already. */
    private static final java.util.regex.Pattern JACKSON_SOURCE = java.util.regex.Pattern.compile(
            "\\s*(at )?\\[Source: [^\\]]*\\]");
    private static final int MAX_PARSER_MESSAGE = 160;

    private final String source;
    private final FineTuneMethod method;
    private final TextAnalyzer analyzer;
    private final JsonReaders json;
    private final ChatChecker chat;
    private final PreferenceChecker preference;
    private final Severity bomSeverity;
    private final Severity piiSeverity;
    private final boolean redact;
    private final int maxLineBytes;
    private final Supplier<WorkBudget> budget;
    private final TemplateOverhead template;

    LineChecker(String source, FineTuneMethod method, TextAnalyzer analyzer, JsonReaders json, Severity bomSeverity,
                Severity piiSeverity, boolean redact, int maxLineBytes) {
        this(source, method, analyzer, json, bomSeverity, piiSeverity, redact, maxLineBytes,
                () -> WorkBudget.UNLIMITED, new TemplateOverhead(ChatTemplate.OPENAI));
    }

    /**
     * Creates the checker of one run.
     *
     * @param budget gives each line the budget its token counts may spend
     * @param template the chat template whose overhead is counted
     */
    LineChecker(String source, FineTuneMethod method, TextAnalyzer analyzer, JsonReaders json, Severity bomSeverity,
                Severity piiSeverity, boolean redact, int maxLineBytes, Supplier<WorkBudget> budget,
                TemplateOverhead template) {
        this.budget = budget;
        this.template = template;
        this.source = source;
        this.method = method;
        this.analyzer = analyzer;
        this.json = json;
        MessageChecker messages = new MessageChecker(json);
        this.chat = new ChatChecker(messages);
        this.preference = new PreferenceChecker(messages);
        this.bomSeverity = bomSeverity;
        this.piiSeverity = piiSeverity;
        this.redact = redact;
        this.maxLineBytes = maxLineBytes;
    }

    LineResult[] check(Batch batch) {
        LineResult[] results = new LineResult[batch.count];
        for (int i = 0; i < batch.count; i++) {
            results[i] = checkSafely(batch, i);
        }
        return results;
    }

    /**
     * Checks one line of a batch and turns anything that goes wrong on the way, running out of memory or stack
     * included, into an issue on that line, so that the rest of the file is still checked.
     */
    private LineResult checkSafely(Batch batch, int i) {
        long line = batch.firstLine + i;
        try {
            return batch.isSkipped(i) ? skipped(line, batch.starts[i], batch.skippedBytes[i])
                    : check(batch.data, batch.starts[i], batch.ends[i], line);
        } catch (OutOfMemoryError e) {
            return failed(line, "there was not enough memory to check it (" + (batch.isSkipped(i) ? 0
                    : batch.ends[i] - batch.starts[i]) + " bytes; maximum heap " + Runtime.getRuntime().maxMemory()
                    / (1 << 20) + " MB)");
        } catch (StackOverflowError e) {
            return failed(line, "its structure is too deep to check (stack overflow)");
        } catch (RuntimeException e) {
            return failed(line, "of an internal error (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Results for a batch whose check failed as a whole: every line gets the issue.
     *
     * @param batch the batch
     * @param cause what went wrong
     * @return one result per line
     */
    LineResult[] failedBatch(Batch batch, Throwable cause) {
        LineResult[] results = new LineResult[batch.count];
        String reason = cause instanceof OutOfMemoryError ? "there was not enough memory to check it"
                : "of an internal error (" + cause.getClass().getSimpleName() + ")";
        for (int i = 0; i < batch.count; i++) {
            results[i] = failed(batch.firstLine + i, reason);
        }
        return results;
    }

    LineResult check(byte[] b, int start, int end, long line) {
        if (isBlank(b, start, end)) {
            return LineResult.BLANK;
        }
        LineContext ctx = new LineContext(source, line, analyzer, piiSeverity, redact, budget.get(), template);
        int from = start;
        if (line == 1 && end - start >= 3 && (b[start] & 0xFF) == 0xEF && (b[start + 1] & 0xFF) == 0xBB
                && (b[start + 2] & 0xFF) == 0xBF) {
            ctx.add(bomSeverity, "", "byte_order_mark",
                    "the file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM");
            from += 3;
            if (isBlank(b, from, end)) {
                return result(ctx, 0);
            }
        }
        int to = end;
        while (to > from && isSpace(b[to - 1])) {
            to--;
        }
        while (from < to && isSpace(b[from])) {
            from++;
        }
        long hash = LineHash.hash(b, from, to);
        int bad = Utf8.firstInvalid(b, from, to);
        boolean rawSurrogates = false;
        if (bad >= 0) {
            if (!Surrogates.onlyEncodedSurrogates(b, from, to)) {
                ctx.error("", "invalid_utf8", "byte " + (bad - start + 1) + " of the line is not valid UTF-8");
                return result(ctx, hash);
            }
            rawSurrogates = true;
        }
        JsonNode root = parse(b, from, to - from, start, ctx);
        if (root == null) {
            return result(ctx, hash);
        }
        if (!root.isObject()) {
            ctx.error("", "data_type", "line is " + type(root) + ", not a JSON object");
            return result(ctx, hash);
        }
        if ((rawSurrogates || Surrogates.hasUnpairedEscape(b, from, to)) && Surrogates.report(root, ctx) == 0
                && rawSurrogates) {
            ctx.error("", "invalid_utf8", "byte " + (bad - start + 1) + " of the line starts a UTF-16 surrogate pair"
                    + " encoded as two 3-byte sequences (CESU-8); UTF-8 needs the 4-byte form");
        }
        ObjectNode o = (ObjectNode) root;
        boolean isChat = o.has("messages");
        boolean isPreference = o.has("input") || o.has("preferred_output") || o.has("non_preferred_output");
        if (method == FineTuneMethod.SUPERVISED) {
            if (isPreference && !isChat) {
                ctx.error("", "method_mismatch", "line is a DPO preference pair, but the job uses supervised training");
            } else {
                chat.check(o, ctx);
            }
        } else if (isChat && !isPreference) {
            ctx.error("", "method_mismatch", "line is a chat example, but the job uses DPO");
        } else {
            preference.check(o, ctx);
        }
        if (ctx.overBudget) {
            ctx.counted = false;
        }
        byte[] redacted = ctx.modified ? json.write(o) : null;
        return new LineResult(false, ctx.counted, ctx.tokens, ctx.assistantTokens, ctx.messages, hash,
                ctx.issues(), ctx.findings(), redacted);
    }

    private JsonNode parse(byte[] b, int offset, int length, int lineStart, LineContext ctx) {
        try {
            return json.read(b, offset, length, true);
        } catch (JsonParseException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                ctx.warning("", "duplicate_key", "an object has the same key twice; the last value wins");
                try {
                    return json.read(b, offset, length, false);
                } catch (IOException again) {
                    return parseFailed(again, offset - lineStart, ctx);
                }
            }
            return parseFailed(e, offset - lineStart, ctx);
        } catch (IOException e) {
            return parseFailed(e, offset - lineStart, ctx);
        }
    }

    private JsonNode parseFailed(IOException e, int shift, LineContext ctx) {
        if (e instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("nesting depth")) {
                ctx.error("", "nesting_too_deep", "JSON nesting is deeper than the limit ("
                        + m.replaceAll("(?s).*?exceeds the maximum allowed \\((\\d+).*", "$1") + ")");
            } else if (m.startsWith("Number value length") || m.contains("Number value length")) {
                ctx.error("", "number_too_long", "a number has more than " + JsonReaders.MAX_NUMBER_LENGTH
                        + " digits" + column(e, shift) + "; no provider accepts such a number");
            } else {
                ctx.error("", "line_too_long", "a string in the line is longer than the limit of " + maxLineBytes
                        + " characters" + column(e, shift));
            }
            return null;
        }
        if (e instanceof MismatchedInputException && String.valueOf(e.getMessage()).contains("Trailing token")) {
            ctx.error("", "invalid_json", "not valid JSON: more data after the JSON object" + column(e, shift));
            return null;
        }
        String detail = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage()
                : e.getMessage();
        if (detail == null) {
            detail = e.getClass().getSimpleName();
        }
        detail = JACKSON_START_MARKER.matcher(detail.replace('\n', ' ')).replaceAll("(opened at column $1)");
        detail = JACKSON_SOURCE.matcher(detail).replaceAll("").trim();
        if (detail.length() > MAX_PARSER_MESSAGE) {
            detail = detail.substring(0, MAX_PARSER_MESSAGE) + "...";
        }
        ctx.error("", "invalid_json", "not valid JSON" + column(e, shift) + ": " + detail);
        return null;
    }

    private static String column(IOException e, int shift) {
        if (e instanceof JsonProcessingException) {
            JsonLocation at = ((JsonProcessingException) e).getLocation();
            if (at != null && at.getColumnNr() > 0) {
                return " at column " + (at.getColumnNr() + shift);
            }
        }
        return "";
    }

    private LineResult skipped(long line, int reason, long bytes) {
        String message = reason == Batch.NO_MEMORY ? "line has at least " + bytes + " bytes and there was not enough"
                + " memory to read it (maximum heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB); it was"
                + " skipped" : "line has " + bytes + " bytes, more than the limit of " + maxLineBytes
                + "; it was skipped";
        DatasetIssue issue = new DatasetIssue(source, line, "", reason == Batch.NO_MEMORY ? "line_check_failed"
                : "line_too_long", Severity.ERROR, message);
        return new LineResult(false, false, 0, 0, 0, 0, List.of(issue), List.of(), null);
    }

    private LineResult failed(long line, String reason) {
        DatasetIssue issue = new DatasetIssue(source, line, "", "line_check_failed", Severity.ERROR,
                "the line could not be checked because " + reason + "; the rest of the file was checked");
        return new LineResult(false, false, 0, 0, 0, 0, List.of(issue), List.of(), null, true);
    }

    private static LineResult result(LineContext ctx, long hash) {
        return new LineResult(false, false, 0, 0, 0, hash, ctx.issues(), ctx.findings(), null);
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isSpace(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r';
    }
}
