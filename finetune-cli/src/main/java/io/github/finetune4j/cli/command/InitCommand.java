package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.CliException;
import io.github.finetune4j.cli.Session;
import io.github.finetune4j.cli.config.ConfigFile;
import io.github.finetune4j.cli.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code finetune init}: writes a commented finetune.yaml and a small sample dataset. */
@Command(name = "init", mixinStandardHelpOptions = true,
        header = "Write a commented finetune.yaml and a sample dataset.", sortOptions = false,
        description = {"Write a commented finetune.yaml and a small sample dataset (the T-1000 customer service: "
                + "data/train.jsonl with 12 examples, data/eval.jsonl with 8 held-out questions).",
            "The config uses the local emulator unless --provider says otherwise, so everything runs offline."})
final class InitCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write (default: the working directory).")
    String dir;

    @Option(names = "--force", description = "Overwrite existing files.")
    boolean force;

    private final Session session;

    InitCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        Path target = dir == null ? session.ctx().workDir() : session.ctx().resolve(dir);
        String provider = session.providerFlag() == null ? Settings.EMULATOR
                : session.providerFlag().toLowerCase(Locale.ROOT);
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(target.resolve(ConfigFile.DEFAULT_NAME),
                resource("finetune.yaml").replace("{{provider}}", provider));
        files.put(target.resolve("data").resolve("train.jsonl"), resource("train.jsonl"));
        files.put(target.resolve("data").resolve("eval.jsonl"), resource("eval.jsonl"));
        List<String> existing = new ArrayList<>();
        files.keySet().stream().filter(Files::exists).forEach(p -> existing.add(shown(p)));
        if (!existing.isEmpty() && !force) {
            throw new CliException("not overwriting " + String.join(", ", existing) + " (use --force)");
        }
        for (Map.Entry<Path, String> f : files.entrySet()) {
            Files.createDirectories(f.getKey().getParent());
            Files.writeString(f.getKey(), f.getValue(), StandardCharsets.UTF_8);
            session.ctx().out().println("wrote " + shown(f.getKey()));
        }
        session.ctx().out().println();
        session.ctx().out().println("Next: finetune validate   (check the data)");
        session.ctx().out().println("      finetune train --wait   (train on " + (provider.equals(Settings.EMULATOR)
                ? "the local emulator, offline" : provider) + ")");
        session.ctx().out().println("      finetune chat   (talk to the fine-tuned model)");
        return 0;
    }

    private String shown(Path p) {
        Path work = session.ctx().workDir();
        return p.startsWith(work) ? work.relativize(p).toString() : p.toString();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream("/io/github/finetune4j/cli/init/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
