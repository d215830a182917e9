package io.github.finetune4j.migrate;

import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.eval.InferencePriceTable;
import io.github.finetune4j.migrate.internal.ManifestState;
import io.github.finetune4j.migrate.internal.ManifestStore;
import io.github.finetune4j.migrate.internal.ModelState;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Moves fine-tuned models off a provider (OpenAI shuts down {@code gpt-4o*}, {@code gpt-4o-mini*},
 * {@code gpt-4.1*} and their fine-tunes on 2027-01-14) before they stop answering: four steps, each resumable and
 * idempotent through a migration folder with a JSON manifest.
 *
 * <ol>
 *   <li>{@link #takeInventory()}: the account's jobs with base model, method, hyperparameters as resolved, files and
 *       whether their content can still be downloaded, and the shutdown date from the model catalog.</li>
 *   <li>{@link #snapshot()}: each model's training and validation files downloaded (streamed, SHA-256 recorded)
 *       and its <em>golden answers</em>: the live model's answers to its validation set, or to a sample of its
 *       training prompts, through the Batch API for large sets.</li>
 *   <li>{@link #retrain()}: the same data on the {@link Target} (same base model where its catalog still tunes it,
 *       else the closest one), hyperparameters and method translated, the target's pre-flight and prices, the job
 *       started exactly once and awaited.</li>
 *   <li>{@link #compare()}: the new model against the golden answers and the reference answers (token F1 and chrF
 *       by default, a judge optionally), one HTML report per model and a summary of old and new scores with
 *       intervals, the cost of 1,000 requests before and after, and the training cost.</li>
 * </ol>
 *
 * <p>Every step records what it did in {@code manifest.json} (written atomically) as soon as it did it: a step run
 * again, in this process or after a crash, downloads nothing twice, starts no second job and asks no golden or
 * comparison question twice. A model that cannot be migrated (its training file was deleted) is reported and the
 * others go on. Two processes never work in one folder at once (a lock file).
 *
 * <pre>{@code
 * try (FineTuneClient openAi = FineTuneClient.builder().provider("openai").build();
 *      FineTuneClient azure = FineTuneClient.builder().provider("azure-openai").build()) {
 *     System.out.print(Migration.inventory(openAi).toText());          // what there is, read-only
 *     Migration migration = Migration.builder()
 *             .folder(Path.of("migration")).source(openAi)
 *             .target(Target.builder(azure).serving(viaDeployment).build())
 *             .build();
 *     System.out.print(migration.plan(EnumSet.allOf(Step.class)).toText());   // the plan and its cost
 *     migration.runAll().forEach(step -> System.out.print(step.toText()));
 * }
 * }</pre>
 *
 * <p>A migration does not close the clients it is given. It is not meant to be used by several threads at once.
 */
public final class Migration {
    private final Path folder;
    private final FineTuneClient source;
    private final Optional<Target> target;
    private final Set<String> selection;
    private final SnapshotOptions snapshotOptions;
    private final CompareOptions compareOptions;
    private final WaitOptions waitOptions;
    private final Optional<BigDecimal> maxTrainingCost;
    private final boolean retryFailedJobs;
    private final InferencePriceTable sourceInferencePrices;
    private final Clock clock;
    private final MigrationListener listener;

    private Migration(Builder b) {
        this.folder = b.folder;
        this.source = b.source;
        this.target = b.target;
        this.selection = Set.copyOf(b.selection);
        this.snapshotOptions = b.snapshotOptions;
        this.compareOptions = b.compareOptions;
        this.waitOptions = b.waitOptions;
        this.maxTrainingCost = b.maxTrainingCost;
        this.retryFailedJobs = b.retryFailedJobs;
        this.sourceInferencePrices = b.sourceInferencePrices;
        this.clock = b.clock;
        this.listener = new SafeListener(b.listener);
    }

    /**
     * Takes the inventory of an account without recording it anywhere: every job (all pages), the model catalog
     * for shutdown dates (one request) and one request per distinct file to learn whether its content can still
     * be downloaded.
     *
     * @param client the account's client, for example OpenAI's
     * @return the inventory
     * @throws io.github.finetune4j.core.error.FineTuneException if the jobs cannot be listed
     */
    public static Inventory inventory(FineTuneClient client) {
        return inventory(client, Clock.systemUTC());
    }

    /**
     * Takes the inventory with a given clock (for the days left until each shutdown).
     *
     * @param client the account's client
     * @param clock the clock
     * @return the inventory
     * @throws io.github.finetune4j.core.error.FineTuneException if the jobs cannot be listed
     */
    public static Inventory inventory(FineTuneClient client, Clock clock) {
        return InventoryReader.read(Objects.requireNonNull(client, "client"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Starts configuring a migration.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The migration folder.
     *
     * @return the folder
     */
    public Path folder() {
        return folder;
    }

    /**
     * Takes the inventory of the source account and records it in the manifest (merged with what earlier steps
     * recorded). The only step that asks the source for its job list again when run twice; it downloads nothing.
     *
     * @return the inventory
     * @throws io.github.finetune4j.core.error.FineTuneException if the jobs cannot be listed
     * @throws IllegalStateException if another process works in the folder, or it belongs to another source
     */
    public Inventory takeInventory() {
        try (ManifestStore store = open()) {
            Inventory inventory = inventory(source, clock);
            InventoryRecorder.record(inventory, store);
            return inventory;
        }
    }

    private StepResult inventoryStep() {
        try (ManifestStore store = open()) {
            InventoryRecorder.record(inventory(source, clock), store);
            return InventoryRecorder.outcomes(store.state(), selection);
        }
    }

    /**
     * Downloads each selected model's training and validation files (streamed, SHA-256 recorded) and records its
     * golden answers. Takes the inventory first when the folder has none. Files already downloaded and intact
     * are not downloaded again; answers already recorded are not asked again.
     *
     * @return one outcome per selected model
     * @throws IllegalStateException if another process works in the folder, or it belongs to another source
     * @throws io.github.finetune4j.core.error.FineTuneInterruptedException if interrupted; what was done is recorded
     */
    public StepResult snapshot() {
        try (ManifestStore store = open()) {
            ensureInventory(store);
            return new Snapshotter(this, store).run(selected(store));
        }
    }

    /**
     * Retrains each selected, snapshotted model on the target exactly once and awaits the jobs (the client's wait
     * budget, see {@link Builder#waitOptions}). A model whose job was started by an earlier run is awaited, not
     * started again.
     *
     * @return one outcome per selected model
     * @throws IllegalStateException if no target was set, another process works in the folder, or it belongs to
     *     another source
     * @throws io.github.finetune4j.core.error.FineTuneInterruptedException if interrupted (the jobs keep running);
     *     what was done is recorded
     */
    public StepResult retrain() {
        requireTarget();
        try (ManifestStore store = open()) {
            ensureInventory(store);
            return new Retrainer(this, store).run(selected(store));
        }
    }

    /**
     * Compares each retrained model with the old one on the golden answers and the reference answers, writes one
     * HTML report per model and the summary ({@code summary.html}, {@code summary.txt}). A model compared by an
     * earlier run is not asked again.
     *
     * @return one outcome per selected model; the reports and the summary as files
     * @throws IllegalStateException if no target was set, another process works in the folder, or it belongs to
     *     another source
     * @throws io.github.finetune4j.core.error.FineTuneInterruptedException if interrupted (the jobs keep running);
     *     what was done is recorded
     */
    public StepResult compare() {
        requireTarget();
        try (ManifestStore store = open()) {
            ensureInventory(store);
            return new Comparer(this, store).run(selected(store));
        }
    }

    /**
     * Runs every step in order; each model goes as far as it can.
     *
     * @return the result of each step
     * @throws IllegalStateException if no target was set, another process works in the folder, or it belongs to
     *     another source
     * @throws io.github.finetune4j.core.error.FineTuneInterruptedException if interrupted; what was done is recorded
     */
    public List<StepResult> runAll() {
        requireTarget();
        List<StepResult> results = new ArrayList<>();
        results.add(inventoryStep());
        results.add(snapshot());
        results.add(retrain());
        results.add(compare());
        return results;
    }

    /**
     * What the steps would do and what it would cost, without changing anything: no file is written, no download,
     * job or answer is requested. Reads the manifest; takes the inventory (read-only requests) when the folder has
     * none, and the target's model catalog to choose base models.
     *
     * @param steps the steps to plan
     * @return the plan
     * @throws io.github.finetune4j.core.error.FineTuneException if the source or target cannot be read
     */
    public MigrationPlan plan(Set<Step> steps) {
        Objects.requireNonNull(steps, "steps");
        return new Planner(this).plan(steps.isEmpty() ? EnumSet.allOf(Step.class) : EnumSet.copyOf(steps));
    }

    // --- for the steps -------------------------------------------------------------------------------------------

    FineTuneClient source() {
        return source;
    }

    Optional<Target> target() {
        return target;
    }

    Target requireTarget() {
        return target.orElseThrow(() -> new IllegalStateException("no target: call target(...) on the builder "
                + "(retrain and compare need one)"));
    }

    Set<String> selection() {
        return selection;
    }

    SnapshotOptions snapshotOptions() {
        return snapshotOptions;
    }

    CompareOptions compareOptions() {
        return compareOptions;
    }

    WaitOptions waitOptions() {
        return waitOptions;
    }

    Optional<BigDecimal> maxTrainingCost() {
        return maxTrainingCost;
    }

    boolean retryFailedJobs() {
        return retryFailedJobs;
    }

    InferencePriceTable sourceInferencePrices() {
        return sourceInferencePrices;
    }

    Clock clock() {
        return clock;
    }

    MigrationListener listener() {
        return listener;
    }

    private ManifestStore open() {
        ManifestStore store = ManifestStore.open(folder, clock);
        ManifestState state = store.state();
        if (state.sourceProvider != null && !state.sourceProvider.equals(source.providerId())) {
            store.close();
            throw new IllegalStateException(folder + " holds a migration from " + state.sourceProvider
                    + ", not from " + source.providerId() + ": use another folder");
        }
        return store;
    }

    private void ensureInventory(ManifestStore store) {
        if (store.state().inventoryTakenAt == null) {
            InventoryRecorder.record(inventory(source, clock), store);
        }
    }

    /** The migratable models of the manifest that the selection names (all when it names none). */
    List<ModelState> selected(ManifestStore store) {
        return select(store.state(), selection);
    }

    static List<ModelState> select(ManifestState state, Set<String> selection) {
        Set<String> unknown = new LinkedHashSet<>(selection);
        List<ModelState> out = new ArrayList<>();
        for (ModelState m : state.models) {
            boolean named = selection.contains(m.sourceJob) || (m.fineTunedModel != null
                    && selection.contains(m.fineTunedModel));
            unknown.remove(m.sourceJob);
            if (m.fineTunedModel != null) {
                unknown.remove(m.fineTunedModel);
            }
            if (m.migratable && (selection.isEmpty() || named)) {
                out.add(m);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("not in the inventory: " + String.join(", ", unknown)
                    + " (name a source job id or fine-tuned model; see the inventory)");
        }
        return out;
    }

    @Override
    public String toString() {
        return "Migration[" + folder + ", " + source.providerId() + " -> "
                + target.map(t -> t.client().providerId()).orElse("(no target)") + "]";
    }

    /** Builds a {@link Migration}. Not thread-safe. */
    public static final class Builder {
        private Path folder;
        private FineTuneClient source;
        private Optional<Target> target = Optional.empty();
        private final Set<String> selection = new LinkedHashSet<>();
        private SnapshotOptions snapshotOptions = SnapshotOptions.defaults();
        private CompareOptions compareOptions = CompareOptions.defaults();
        private WaitOptions waitOptions = WaitOptions.defaults();
        private Optional<BigDecimal> maxTrainingCost = Optional.empty();
        private boolean retryFailedJobs;
        private InferencePriceTable sourceInferencePrices = InferencePriceTable.openAi();
        private Clock clock = Clock.systemUTC();
        private MigrationListener listener = new MigrationListener() {
        };

        private Builder() {
        }

        /**
         * Sets the migration folder: the manifest, the downloaded files, the golden answers and the reports live
         * there. Required. Created when needed.
         *
         * @param folder the folder
         * @return this builder
         */
        public Builder folder(Path folder) {
            this.folder = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /**
         * Sets the client of the account to migrate from. Required.
         *
         * @param client the source client
         * @return this builder
         */
        public Builder source(FineTuneClient client) {
            this.source = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Sets where models are retrained. Required for retrain, compare and their plan.
         *
         * @param target the target
         * @return this builder
         */
        public Builder target(Target target) {
            this.target = Optional.of(Objects.requireNonNull(target, "target"));
            return this;
        }

        /**
         * Limits the steps to some models: source job ids or fine-tuned model names. Default: every migratable
         * model of the inventory.
         *
         * @param jobsOrModels the names
         * @return this builder
         */
        public Builder models(Collection<String> jobsOrModels) {
            jobsOrModels.forEach(n -> selection.add(Objects.requireNonNull(n, "model").strip()));
            return this;
        }

        /**
         * Sets how golden answers are recorded. Default {@link SnapshotOptions#defaults()}.
         *
         * @param options the options
         * @return this builder
         */
        public Builder snapshotOptions(SnapshotOptions options) {
            this.snapshotOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets how models are compared. Default {@link CompareOptions#defaults()}.
         *
         * @param options the options
         * @return this builder
         */
        public Builder compareOptions(CompareOptions options) {
            this.compareOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets the budget and cadence of waiting for the new jobs (and batches). Default
         * {@link WaitOptions#defaults()}: 24 hours. A wait that runs out leaves the job running; run
         * {@link #retrain()} again to keep waiting.
         *
         * @param options the options
         * @return this builder
         */
        public Builder waitOptions(WaitOptions options) {
            this.waitOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Refuses to start new jobs whose estimated training cost adds up to more than this (every estimate then
         * needs a price: see {@link Target.Builder#priceTable}). Default: no limit.
         *
         * @param usd the limit in US dollars
         * @return this builder
         */
        public Builder maxTrainingCost(BigDecimal usd) {
            Objects.requireNonNull(usd, "usd");
            if (usd.signum() < 0) {
                throw new IllegalArgumentException("the cost limit must not be negative: " + usd);
            }
            this.maxTrainingCost = Optional.of(usd);
            return this;
        }

        /**
         * Lets {@link #retrain()} start a new job for a model whose earlier job failed or was cancelled. Default:
         * such a model is reported and nothing is started.
         *
         * @return this builder
         */
        public Builder retryFailedJobs() {
            this.retryFailedJobs = true;
            return this;
        }

        /**
         * Sets the source's inference prices, for the cost of 1,000 requests before the migration. Default
         * {@link InferencePriceTable#openAi()}.
         *
         * @param prices the prices
         * @return this builder
         */
        public Builder sourceInferencePrices(InferencePriceTable prices) {
            this.sourceInferencePrices = Objects.requireNonNull(prices, "prices");
            return this;
        }

        /**
         * Sets the clock for dates in the manifest and the days left. Default the system clock (UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets a progress listener. Default none.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(MigrationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Builds the migration. No I/O.
         *
         * @return the migration
         * @throws IllegalStateException if the folder or the source is missing
         */
        public Migration build() {
            if (folder == null) {
                throw new IllegalStateException("no migration folder: call folder(...)");
            }
            if (source == null) {
                throw new IllegalStateException("no source: call source(...) with the client of the account to "
                        + "migrate from");
            }
            return new Migration(this);
        }
    }
}
