package io.github.finetune4j.testkit.internal.state;

import java.util.Map;
import java.util.Optional;

/**
 * The shutdown dates OpenAI announced for the models that can be (or could be) fine-tuned, as
 * {@code Model.shutdown_date} reports them: {@value #WIND_DOWN} for the gpt-4o, gpt-4o-mini, gpt-4.1 and
 * gpt-4.1-mini snapshots and every fine-tune of them; {@value #RETIRED} for the gpt-3.5-turbo snapshots,
 * gpt-4-0613, gpt-4.1-nano and o4-mini, which are already shut down. A fine-tune shares its base model's date.
 */
public final class OpenAiLifecycle {

    /** The shutdown of the families that can still be fine-tuned until 2027-01-06. */
    public static final String WIND_DOWN = "2027-01-14";

    /** The shutdown of the families retired in 2026. */
    public static final String RETIRED = "2026-10-23";

    private static final Map<String, String> DATES = Map.ofEntries(
            Map.entry("gpt-4o-mini-2024-07-18", WIND_DOWN), Map.entry("gpt-4o-2024-08-06", WIND_DOWN),
            Map.entry("gpt-4o-2024-11-20", WIND_DOWN), Map.entry("gpt-4.1-2025-04-14", WIND_DOWN),
            Map.entry("gpt-4.1-mini-2025-04-14", WIND_DOWN), Map.entry("gpt-3.5-turbo-0125", RETIRED),
            Map.entry("gpt-3.5-turbo-1106", RETIRED), Map.entry("gpt-3.5-turbo-0613", RETIRED),
            Map.entry("gpt-4-0613", RETIRED), Map.entry("gpt-4.1-nano-2025-04-14", RETIRED),
            Map.entry("o4-mini-2025-04-16", RETIRED));

    private OpenAiLifecycle() {
    }

    /**
     * Returns the announced shutdown date of a base model.
     *
     * @param model the base model id
     * @return the date as {@code YYYY-MM-DD}, or empty when none is known
     */
    public static Optional<String> shutdownDate(String model) {
        return Optional.ofNullable(DATES.get(model));
    }

    /**
     * Tells whether a base model is known to OpenAI's fine-tuning, current or retired.
     *
     * @param model the base model id
     * @return true when it has an announced shutdown date
     */
    public static boolean isKnown(String model) {
        return DATES.containsKey(model);
    }
}
