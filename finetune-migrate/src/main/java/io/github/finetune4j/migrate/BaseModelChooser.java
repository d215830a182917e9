package io.github.finetune4j.migrate;

import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.core.preflight.TokenEncoding;
import io.github.finetune4j.eval.ModelKind;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the target base model of a source job: one named for its base model, else one named for every job,
 * else the same base model when the target's catalog fine-tunes it, else the newest fine-tunable version of the
 * same family, else the family's closest successors in order ({@link #SUCCESSORS}). Names are compared as
 * {@link TokenEncoding#baseModelName} normalises them (Azure's {@code gpt-35} is {@code gpt-3.5}); the target's own
 * spelling is used.
 */
final class BaseModelChooser {
    /** Families in order of closeness to each family (size and generation first). */
    static final Map<String, List<String>> SUCCESSORS = Map.of(
            "gpt-4o-mini", List.of("gpt-4.1-mini", "gpt-4.1-nano", "gpt-4o", "gpt-4.1"),
            "gpt-4o", List.of("gpt-4.1", "gpt-4o-mini", "gpt-4.1-mini"),
            "gpt-4.1", List.of("gpt-4o", "gpt-4.1-mini", "gpt-4o-mini"),
            "gpt-4.1-mini", List.of("gpt-4o-mini", "gpt-4.1-nano", "gpt-4.1", "gpt-4o"),
            "gpt-4.1-nano", List.of("gpt-4.1-mini", "gpt-4o-mini"),
            "gpt-3.5-turbo", List.of("gpt-4o-mini", "gpt-4.1-mini", "gpt-4.1-nano"));
    private static final Pattern VERSION = Pattern.compile("^(.*?)(-\\d{4}-\\d{2}-\\d{2}|-\\d{4})$");

    /**
     * A choice.
     *
     * @param model the target base model, or empty when there is none
     * @param reason why, one phrase
     * @param sameModel whether it is the source's own base model
     */
    record Choice(Optional<String> model, String reason, boolean sameModel) {
    }

    private BaseModelChooser() {
    }

    /**
     * Chooses.
     *
     * @param sourceBase the source job's base model
     * @param target the target
     * @param catalog the target's catalog, or empty when it has none
     * @param today for fine-tuning retirement dates
     * @return the choice
     */
    static Choice choose(String sourceBase, Target target, Optional<List<ModelInfo>> catalog, LocalDate today) {
        String wanted = TokenEncoding.baseModelName(sourceBase);
        String named = target.baseModels().get(sourceBase);
        if (named != null) {
            return new Choice(Optional.of(named), "named for " + sourceBase, same(named, wanted));
        }
        if (target.baseModel().isPresent()) {
            String all = target.baseModel().get();
            return new Choice(Optional.of(all), "named for every job", same(all, wanted));
        }
        if (catalog.isEmpty()) {
            return new Choice(Optional.of(sourceBase), "the same base model (the target has no model catalog to "
                    + "check)", true);
        }
        List<ModelInfo> models = catalog.get();
        Optional<ModelInfo> exact = models.stream()
                .filter(m -> same(m.id(), wanted) && m.fineTunable().orElse(true) && stillTunable(m, today))
                .findFirst();
        if (exact.isPresent()) {
            return new Choice(Optional.of(exact.get().id()), "the same base model, which the target still "
                    + "fine-tunes", true);
        }
        String family = family(wanted);
        Optional<ModelInfo> sameFamily = newestTunable(models, family, today);
        if (sameFamily.isPresent()) {
            return new Choice(Optional.of(sameFamily.get().id()), sourceBase + " is not fine-tunable there; the "
                    + "newest fine-tunable " + family, false);
        }
        for (String successor : SUCCESSORS.getOrDefault(family, List.of())) {
            Optional<ModelInfo> next = newestTunable(models, successor, today);
            if (next.isPresent()) {
                return new Choice(Optional.of(next.get().id()), sourceBase + " is not fine-tunable there; the "
                        + "closest fine-tunable family is " + successor, false);
            }
        }
        return new Choice(Optional.empty(), "the target's catalog lists no fine-tunable model close to " + sourceBase
                + "; name one (Target.Builder#baseModel or mapBaseModel, --target-model)", false);
    }

    private static Optional<ModelInfo> newestTunable(List<ModelInfo> models, String family, LocalDate today) {
        return models.stream()
                .filter(m -> ModelKind.of(m.id()) == ModelKind.BASE && m.fineTunable().orElse(false)
                        && stillTunable(m, today) && family(TokenEncoding.baseModelName(m.id())).equals(family))
                .max(Comparator.comparing(ModelInfo::id));
    }

    private static boolean stillTunable(ModelInfo m, LocalDate today) {
        return m.fineTuneDeprecation().map(d -> d.isAfter(today)).orElse(true);
    }

    private static boolean same(String model, String normalisedBase) {
        return TokenEncoding.baseModelName(model).equals(normalisedBase);
    }

    /** The model name without its version: {@code gpt-4o-mini-2024-07-18} → {@code gpt-4o-mini}. */
    static String family(String normalised) {
        Matcher m = VERSION.matcher(normalised);
        return m.matches() ? m.group(1) : normalised;
    }
}
