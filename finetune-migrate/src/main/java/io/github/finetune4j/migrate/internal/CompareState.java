package io.github.finetune4j.migrate.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The comparison of old and new model in the manifest: its report and the numbers of the summary. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class CompareState {
    /** Whether every example was answered and scored. */
    public boolean complete;
    /** The HTML report, relative to the migration folder. */
    public String report;
    /** The model that answered for the new side. */
    public String servedAs;
    /** The scorers against the references, in the order they were configured. */
    public List<String> scorers = new ArrayList<>();
    /** Examples compared. */
    public int examples;
    /** Rows without an answer. */
    public int errors;
    /** Scores of the old model (recorded answers): scorer to interval. */
    public Map<String, IntervalState> before = new LinkedHashMap<>();
    /** Scores of the new model: scorer to interval. */
    public Map<String, IntervalState> after = new LinkedHashMap<>();
    /** Mean prompt and completion tokens per request, old model. */
    public double beforePromptTokens;
    /** Mean completion tokens per request, old model. */
    public double beforeCompletionTokens;
    /** Mean prompt tokens per request, new model. */
    public double afterPromptTokens;
    /** Mean completion tokens per request, new model. */
    public double afterCompletionTokens;
    /** Cost of 1,000 requests to the old model in USD, when priced. */
    public String beforeCostPer1000;
    /** Cost of 1,000 requests to the new model in USD, when priced. */
    public String afterCostPer1000;
    /** Training cost of the new model in USD, when priced. */
    public String trainingCostUsd;
    /** Training cost of the old model in USD, when priced. */
    public String sourceTrainingCostUsd;
    /** When it was compared (ISO-8601). */
    public String comparedAt;
}
