package io.github.finetune4j.migrate;

import io.github.finetune4j.core.model.ModelInfo;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Renders an {@link Inventory} as a table for people. */
final class InventoryText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private InventoryText() {
    }

    static String render(Inventory inventory) {
        StringBuilder out = new StringBuilder();
        long models = inventory.entries().stream().filter(e -> e.job().fineTunedModel().isPresent()).count();
        long blocked = inventory.migratable().stream().filter(e -> !e.trainingFile().isAvailable()).count();
        long ready = inventory.migratable().size() - blocked;
        out.append("Fine-tuning jobs on ").append(inventory.provider()).append(": ").append(inventory.entries().size())
                .append(inventory.entries().size() == 1 ? " job, " : " jobs, ").append(models)
                .append(models == 1 ? " fine-tuned model, " : " fine-tuned models, ")
                .append(ready).append(" to migrate").append(blocked > 0 ? ", " + blocked + " whose training file "
                        + "is gone" : "").append(" (taken ")
                .append(MINUTE.format(inventory.takenAt())).append(")\n");
        TextTable table = new TextTable("JOB", "STATUS", "FINE-TUNED MODEL", "BASE MODEL", "METHOD", "EPOCHS",
                "CREATED", "TRAINING FILE", "VALIDATION FILE", "SHUTDOWN", "DAYS LEFT");
        for (InventoryEntry e : inventory.entries()) {
            table.row(e.job().id().value(), e.job().rawStatus(), e.job().fineTunedModel().orElse("-"),
                    e.job().baseModel(), e.job().method().wireName(), HyperparameterText.epochs(e.job().hyperparameters()),
                    DAY.format(e.job().createdAt()), file(e.trainingFile()),
                    e.validationFile().map(InventoryText::file).orElse("-"),
                    e.shutdownDate().map(Object::toString).orElse("-"),
                    e.daysLeft().map(Object::toString).orElse("-"));
        }
        if (!table.isEmpty()) {
            table.appendTo(out, "  ");
        }
        for (InventoryEntry e : inventory.entries()) {
            if (!e.trainingFile().isAvailable()) {
                out.append("  ").append(e.job().id().value()).append(": training file ")
                        .append(e.trainingFile().id().value()).append(" can no longer be downloaded (")
                        .append(e.trainingFile().detail().orElse(e.trainingFile().availability().wireName()))
                        .append("): the model cannot be retrained from it\n");
            }
            e.whyNotMigratable().ifPresent(why -> out.append("  ").append(e.job().id().value())
                    .append(": not migrated: ").append(why).append('\n'));
        }
        if (!inventory.unmatchedModels().isEmpty()) {
            out.append("Fine-tuned models without a job in the job list (their data cannot be found):\n");
            for (ModelInfo m : inventory.unmatchedModels()) {
                out.append("  ").append(m.id()).append(m.shutdownDate().map(d -> "  shuts down " + d).orElse(""))
                        .append('\n');
            }
        }
        for (String note : inventory.notes()) {
            out.append("Note: ").append(note).append('\n');
        }
        return out.toString();
    }

    private static String file(SourceFile f) {
        return f.id().value() + " (" + (f.isAvailable() ? "available" : f.availability().wireName()) + ")";
    }
}
