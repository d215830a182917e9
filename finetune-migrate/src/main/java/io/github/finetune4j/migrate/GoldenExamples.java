package io.github.finetune4j.migrate;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.model.Example;
import io.github.finetune4j.core.model.PreferenceExample;
import io.github.finetune4j.core.model.TrainingRecord;
import io.github.finetune4j.eval.EvalExample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The examples golden answers are recorded on, read from a local copy of a source file: each is the conversation as
 * it was trained (system prompt included) up to its last assistant answer, which is the reference. A DPO example's
 * prompt is its input and its reference the preferred answer. Ids name the file and the example's position:
 * {@code val-0001} is the first example of the validation file, {@code train-0042} the 42nd training example.
 */
final class GoldenExamples {
    static final String VALIDATION = "validation";
    static final String TRAINING = "training";

    private GoldenExamples() {
    }

    /**
     * The indices of the examples to ask: every usable one of a validation file, a seeded sample of a training
     * file.
     */
    static List<Integer> choose(Path file, String from, int sampleSize, long seed) {
        List<Integer> usable = new ArrayList<>();
        try (Stream<TrainingRecord> records = Dataset.fromJsonl(file).records()) {
            int[] index = {0};
            records.forEach(r -> {
                if (toExample("x", r).isPresent()) {
                    usable.add(index[0]);
                }
                index[0]++;
            });
        }
        if (from.equals(VALIDATION) || usable.size() <= sampleSize) {
            return usable;
        }
        List<Integer> shuffled = new ArrayList<>(usable);
        Collections.shuffle(shuffled, new Random(seed));
        List<Integer> sample = new ArrayList<>(shuffled.subList(0, sampleSize));
        Collections.sort(sample);
        return sample;
    }

    /** The examples at the given indices, in index order. */
    static List<EvalExample> load(Path file, String from, List<Integer> indices) {
        Set<Integer> wanted = new HashSet<>(indices);
        List<EvalExample> out = new ArrayList<>();
        try (Stream<TrainingRecord> records = Dataset.fromJsonl(file).records()) {
            int[] index = {0};
            records.forEach(r -> {
                int i = index[0]++;
                if (wanted.contains(i)) {
                    toExample(id(from, i), r).ifPresent(out::add);
                }
            });
        }
        if (out.size() != wanted.size()) {
            throw new IllegalStateException(file + " no longer has the examples chosen earlier (" + out.size()
                    + " of " + wanted.size() + " found): was it changed?");
        }
        return out;
    }

    static String id(String from, int index) {
        return String.format(Locale.ROOT, "%s-%04d", from.equals(VALIDATION) ? "val" : "train", index + 1);
    }

    static int index(String id) {
        return Integer.parseInt(id.substring(id.indexOf('-') + 1)) - 1;
    }

    private static Optional<EvalExample> toExample(String id, TrainingRecord record) {
        if (record instanceof Example) {
            try {
                return Optional.of(EvalExample.fromExample(id, (Example) record));
            } catch (IllegalArgumentException e) {
                return Optional.empty();         // no assistant answer with text: nothing to compare
            }
        }
        if (record instanceof PreferenceExample) {
            PreferenceExample p = (PreferenceExample) record;
            Optional<String> preferred = p.preferred().content();
            return preferred.map(text -> EvalExample.of(id, p.input(), text));
        }
        return Optional.empty();
    }
}
