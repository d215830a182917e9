package io.github.finetune4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InitValidateEstimateTest {
    @TempDir
    Path work;
    @TempDir
    Path home;

    @Test
    void initWritesACommentedConfigAndSampleData() {
        CliRun cli = new CliRun(work, home);

        CliRun.Result r = cli.run("init");

        assertThat(r.exit()).isZero();
        Golden.check("init", r.out());
        assertThat(cli.read("finetune.yaml")).contains("provider: emulator").contains("# Secrets never go here");
        assertThat(cli.read("data/train.jsonl").lines()).hasSize(12);
        assertThat(cli.read("data/eval.jsonl")).contains("Pril");
    }

    @Test
    void initRefusesToOverwriteWithoutForce() {
        CliRun cli = new CliRun(work, home);
        cli.run("init");
        cli.write("finetune.yaml", "provider: openai\n");

        CliRun.Result again = cli.run("init");
        CliRun.Result forced = cli.run("init", "--force", "--provider", "azure-openai");

        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("finetune: not overwriting finetune.yaml, data/train.jsonl, "
                + "data/eval.jsonl (use --force)\n");
        assertThat(forced.exit()).isZero();
        assertThat(cli.read("finetune.yaml")).contains("provider: azure-openai");
    }

    @Test
    void validatePrintsThePreflightReportOfTheConfiguredFile() {
        CliRun cli = new CliRun(work, home);
        cli.run("init");

        CliRun.Result r = cli.run("validate");

        assertThat(r.exit()).isZero();
        Golden.check("validate", Golden.normalize(r.out(), work));
    }

    @Test
    void validateAsJsonIsOneDocument() throws Exception {
        CliRun cli = new CliRun(work, home);
        cli.run("init");

        CliRun.Result r = cli.run("validate", "data/train.jsonl", "--json");

        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(r.exit()).isZero();
        assertThat(json.path("examples").asInt()).isEqualTo(12);
        assertThat(json.path("errorCount").asInt()).isZero();
    }

    @Test
    void validateFailsWithFileLineAndCodeForBadData() {
        CliRun cli = new CliRun(work, home);
        cli.run("init");
        String good = cli.read("data/train.jsonl");
        cli.write("bad.jsonl", good.replaceFirst("\"role\": \"user\"", "\"role\": \"kunde\"")
                + "{\"messages\": \"not a list\"}\n");

        CliRun.Result r = cli.run("validate", "bad.jsonl");

        assertThat(r.exit()).isEqualTo(1);
        Golden.check("validate-bad", Golden.normalize(r.out(), work));
        Path bad = work.resolve("bad.jsonl");
        assertThat(r.err()).isEqualTo(bad + ":1 messages[1].role: ERROR unrecognized_role: unknown role \"kunde\" "
                + "(system, user, assistant, tool or function)\n"
                + bad + ":13 messages: ERROR missing_messages_list: \"messages\" must be an array, not a string\n"
                + "finetune: 2 error(s) in " + bad + "\n");
    }

    @Test
    void estimatePrintsTokensAndCost() {
        CliRun cli = new CliRun(work, home);
        cli.run("init");

        CliRun.Result r = cli.run("estimate");

        assertThat(r.exit()).isZero();
        Golden.check("estimate", Golden.normalize(r.out(), work));
    }

    @Test
    void estimateFailsAboveTheBudget() {
        CliRun cli = new CliRun(work, home);
        cli.run("init");

        CliRun.Result r = cli.run("estimate", "--max-cost", "0.001");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("finetune: estimated cost $0.0085 exceeds the budget of $0.001 (--max-cost)\n");
    }

    @Test
    void aBudgetCannotPassWhenNoPriceIsKnown() {
        CliRun cli = new CliRun(work, home);
        cli.run("init");

        CliRun.Result r = cli.run("estimate", "--max-cost", "100", "--base-model", "gpt-9-turbo");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no training price is known for gpt-9-turbo")
                .contains("the budget of $100.00 cannot be checked (--max-cost)");
    }

    @Test
    void estimateAsJsonUsesTheAzurePriceTableForAzure() throws Exception {
        CliRun cli = new CliRun(work, home);
        cli.run("init", "--provider", "azure-openai");

        JsonNode azure = new ObjectMapper().readTree(cli.run("estimate", "--json").out());
        JsonNode openAi = new ObjectMapper().readTree(cli.run("estimate", "--json", "--provider", "openai").out());

        assertThat(azure.path("priceTableVersion").asText()).startsWith("azure");
        assertThat(openAi.path("priceTableVersion").asText()).startsWith("openai");
        assertThat(azure.path("trainedTokens").asLong()).isEqualTo(openAi.path("trainedTokens").asLong());
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverTheFileWhichWinsOverDefaults() throws Exception {
        CliRun cli = new CliRun(work, home);
        cli.run("init");
        ObjectMapper json = new ObjectMapper();

        String fromFile = json.readTree(cli.run("estimate", "--json").out()).path("baseModel").asText();
        cli.env("FINETUNE_BASE_MODEL", "gpt-4.1-2025-04-14");
        String fromEnv = json.readTree(cli.run("estimate", "--json").out()).path("baseModel").asText();
        String fromFlag = json.readTree(cli.run("estimate", "--json", "--base-model", "gpt-4.1-mini-2025-04-14")
                .out()).path("baseModel").asText();
        cli.write("finetune.yaml", "training-file: data/train.jsonl\n");
        String byDefault = json.readTree(new CliRun(work, home).run("estimate", "--json").out()).path("baseModel")
                .asText();

        assertThat(fromFile).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(fromEnv).isEqualTo("gpt-4.1-2025-04-14");
        assertThat(fromFlag).isEqualTo("gpt-4.1-mini-2025-04-14");
        assertThat(byDefault).isEqualTo("gpt-4o-mini-2024-07-18");
    }

    @Test
    void piiFailMakesPersonalDataAnError() {
        CliRun cli = new CliRun(work, home);
        cli.run("init");
        cli.write("data/train.jsonl", cli.read("data/train.jsonl").replace("Online-Shop",
                "Online-Shop oder per Mail an max.mustermann@example.com"));

        CliRun.Result warn = cli.run("validate");
        CliRun.Result fail = cli.run("validate", "--pii", "fail");

        assertThat(warn.exit()).isZero();
        assertThat(fail.exit()).isEqualTo(1);
        assertThat(fail.out()).doesNotContain("max.mustermann@example.com");
    }

    @Test
    void aMissingTrainingFileIsNamed() {
        CliRun cli = new CliRun(work, home);
        cli.write("finetune.yaml", "training-file: data/nope.jsonl\n");

        CliRun.Result r = cli.run("validate");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("finetune: training file not found: " + work.resolve("data/nope.jsonl") + "\n");
        assertThat(Files.exists(work.resolve("finetune.state.json"))).isFalse();
    }
}
