package io.github.finetune4j.migrate.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;

/** The golden answers of a model in the manifest: which prompts, how many are answered, a batch in flight. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class GoldenState {
    /** {@code validation} (the validation set) or {@code training} (a sample of training prompts). */
    public String from;
    /** The record indices (0-based) of the examples asked, in order; fixed once chosen. */
    public List<Integer> indices = new ArrayList<>();
    /** The model that answered. */
    public String model;
    /** How many examples have an answer. */
    public int answered;
    /** Whether every example has an answer. */
    public boolean complete;
    /** The answers, relative to the migration folder. */
    public String path;
    /** SHA-256 of the answers file once complete. */
    public String sha256;
    /** A provider batch created for missing answers and not yet read. */
    public String batchId;
    /** The example ids that batch asks. */
    public List<String> batchExamples = new ArrayList<>();
    /** How many requests each batch or online run sent, for the record. */
    public int requestsSent;
    /** When the last answer was recorded (ISO-8601). */
    public String recordedAt;
}
