/**
 * finetune4j migration: moves fine-tuned models off a provider before their shutdown. An inventory of the account,
 * a snapshot of each model's data and golden answers, retraining on a target provider exactly once, and a
 * comparison of old and new model with reports, each step resumable from a migration folder.
 */
module io.github.finetune4j.migrate {
    requires transitive io.github.finetune4j.core;
    requires transitive io.github.finetune4j.eval;
    requires com.fasterxml.jackson.databind;

    exports io.github.finetune4j.migrate;

    opens io.github.finetune4j.migrate.internal to com.fasterxml.jackson.databind;
}
