package io.github.finetune4j.eval;

import io.github.finetune4j.core.model.TrainingHistory;
import io.github.finetune4j.core.spi.AtomicFile;
import io.github.finetune4j.eval.internal.SvgMode;
import io.github.finetune4j.eval.internal.TrainingCharts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A standalone SVG of a job's loss curves (training loss solid; validation and full validation loss dashed), with
 * axes, units and a legend, for a README or a slide. Self-contained: no script, font or image is loaded.
 *
 * <pre>{@code
 * LossCurves.write(job.metrics(), Path.of("loss.svg"));
 * }</pre>
 */
public final class LossCurves {
    private LossCurves() {
    }

    /**
     * Renders the loss curves as an SVG document.
     *
     * @param history the metrics, for example {@code job.metrics()}
     * @return the SVG document, starting with an XML declaration; a "no data" notice when there is no loss
     */
    public static String svg(TrainingHistory history) {
        return TrainingCharts.loss(Objects.requireNonNull(history, "history")).render(SvgMode.STANDALONE);
    }

    /**
     * Writes the loss curves to a file (UTF-8), replacing it.
     *
     * @param history the metrics
     * @param file the target, for example {@code loss.svg}
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(TrainingHistory history, Path file) {
        try {
            AtomicFile.writeString(Objects.requireNonNull(file, "file"), svg(history));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
