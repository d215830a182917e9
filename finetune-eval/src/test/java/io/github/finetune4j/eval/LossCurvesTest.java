package io.github.finetune4j.eval;

import io.github.finetune4j.core.model.TrainingHistory;
import io.github.finetune4j.eval.support.ReportChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LossCurvesTest {
    @TempDir
    Path dir;

    @Test
    void standaloneSvgHasNamespaceAxesUnitsAndLegend() throws Exception {
        String svg = LossCurves.svg(HtmlReportTest.jobSummary().history());

        Document doc = ReportChecks.parseXml(svg);

        assertThat(svg).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getAttribute("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(doc.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 720 340");
        ReportChecks.assertNoExternalUrl(svg);
        assertThat(ReportChecks.count(doc, "polyline")).isEqualTo(3);
        assertThat(ReportChecks.text(doc)).contains("training step", "loss (mean cross-entropy per token, nats)",
                "training loss", "validation loss", "full validation loss", "0", "10", "20", "30");
    }

    @Test
    void emptyHistorySaysSo() throws Exception {
        Document doc = ReportChecks.parseXml(LossCurves.svg(TrainingHistory.empty()));

        assertThat(ReportChecks.text(doc)).contains("no data reported");
    }

    @Test
    void writeCreatesTheFile() throws Exception {
        Path file = dir.resolve("loss.svg");

        LossCurves.write(HtmlReportTest.jobSummary().history(), file);

        assertThat(Files.readString(file)).contains("<polyline");
    }
}
