/**
 * Moving fine-tuned models off a provider before their shutdown, as one resumable operation.
 *
 * <pre>{@code
 * System.out.print(Migration.inventory(openAi).toText());            // jobs, files, shutdown dates, days left
 * Migration migration = Migration.builder().folder(Path.of("migration")).source(openAi)
 *         .target(Target.builder(azure).serving(viaDeployment).build()).build();
 * migration.snapshot();     // files downloaded and checksummed, golden answers of the live models recorded
 * migration.retrain();      // the same data on the target, each job started exactly once and awaited
 * migration.compare();      // old vs new on the golden and reference answers: reports and summary.html
 * }</pre>
 *
 * <p>Entry points: {@link io.github.finetune4j.migrate.Migration} (the steps),
 * {@link io.github.finetune4j.migrate.Target} (where to retrain: any client and base model),
 * {@link io.github.finetune4j.migrate.ModelServing} (how a new model answers, e.g. through an Azure deployment).
 */
package io.github.finetune4j.migrate;
