package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.CliException;
import io.github.finetune4j.cli.Session;
import io.github.finetune4j.cli.config.Settings;
import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.model.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code finetune chat}: talk to a model, interactively or with one prompt. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        header = "Chat with a model (interactive, or one --prompt).", sortOptions = false,
        description = {"Chat with a model: the one `finetune train` produced here, unless named. Interactive, "
                + "with history; type /reset to clear it, /system TEXT to change the system prompt, /exit to end. "
                + "With --prompt: ask once and print only the answer."})
final class ChatCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "MODEL",
            description = "Model name (default: the newest model trained here, from finetune.state.json).")
    String model;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "Ask this once, print the answer, exit.")
    String prompt;

    @Option(names = "--system", paramLabel = "TEXT", description = "System prompt (default: system-prompt).")
    String system;

    @Option(names = "--temperature", paramLabel = "X", description = "Sampling temperature, 0 to 2.")
    Double temperature;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Longest answer, in tokens.")
    Integer maxTokens;

    private final Session session;

    ChatCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        Settings settings = session.settings();
        String name = model != null ? model : session.runs().lastTrained().flatMap(r -> r.model())
                .orElseThrow(() -> new CliException("no model given and none trained here yet: name one "
                        + "(finetune chat MODEL) or run `finetune train --wait` first"));
        FineTunedModel chosen = session.connect().client().model(name);
        if (temperature != null) {
            chosen = chosen.withTemperature(temperature);
        }
        if (maxTokens != null) {
            chosen = chosen.withMaxTokens(maxTokens);
        }
        Optional<String> systemPrompt = settings.systemPrompt(system);
        if (prompt != null) {
            FineTunedModel m = systemPrompt.map(chosen::withSystemPrompt).orElse(chosen);
            session.ctx().out().println(m.chat(prompt));
            return 0;
        }
        return interactive(chosen, systemPrompt);
    }

    private int interactive(FineTunedModel base, Optional<String> initialSystem) throws IOException {
        PrintStream out = session.ctx().out();
        BufferedReader in = new BufferedReader(new InputStreamReader(session.ctx().in(), StandardCharsets.UTF_8));
        Optional<String> systemPrompt = initialSystem;
        List<Message> history = new ArrayList<>();
        out.println("Chatting with " + base.name() + systemPrompt.map(s -> " (system prompt: " + abbreviate(s) + ")")
                .orElse("") + ". /reset clears the history, /system TEXT sets the system prompt, /exit ends.");
        while (true) {
            out.print("> ");
            out.flush();
            String line = in.readLine();
            if (line == null) {
                out.println();
                return 0;
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("/")) {
                String command = line.split("\\s+", 2)[0];
                String argument = line.length() > command.length() ? line.substring(command.length()).strip() : "";
                switch (command) {
                    case "/exit": case "/quit":
                        return 0;
                    case "/reset":
                        history.clear();
                        out.println("(history cleared)");
                        continue;
                    case "/system":
                        if (argument.isEmpty()) {
                            out.println(systemPrompt.map(s -> "(system prompt: " + s + ")")
                                    .orElse("(no system prompt)"));
                        } else {
                            systemPrompt = Optional.of(argument);
                            history.clear();
                            out.println("(system prompt set; history cleared)");
                        }
                        continue;
                    case "/help":
                        out.println("/reset  clear the history   /system [TEXT]  show or set the system prompt   "
                                + "/exit  end");
                        continue;
                    default:
                        out.println("(unknown command " + command + "; /help lists them)");
                        continue;
                }
            }
            List<Message> conversation = new ArrayList<>();
            systemPrompt.ifPresent(s -> conversation.add(Message.system(s)));
            conversation.addAll(history);
            conversation.add(Message.user(line));
            try {
                String answer = base.chat(conversation).text();
                history.add(Message.user(line));
                history.add(Message.assistant(answer));
                out.println(answer);
            } catch (FineTuneException e) {
                session.ctx().err().println("finetune: " + e.getMessage());
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
