package io.github.finetune4j.examples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The project's Markdown guides: the README, {@code docs/*.md} and the modules' READMEs. */
final class Guides {
    /** The project root: the first directory above the working directory with a README and {@code docs/}. */
    static final Path ROOT = projectRoot();

    private Guides() {
    }

    /**
     * Every guide of the project.
     *
     * @return the README first, then the guides in {@code docs/}, then the modules' READMEs, each sorted
     */
    static List<Path> all() {
        List<Path> guides = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (var docs = Files.list(ROOT.resolve("docs")); var modules = Files.list(ROOT)) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(guides::add);
            modules.filter(p -> p.getFileName().toString().startsWith("finetune-"))
                    .map(p -> p.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(guides::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return guides;
    }

    /**
     * The content of the fenced block that follows a marker line {@code <!-- marker -->}, of any language.
     *
     * @param guide the Markdown file
     * @param marker the marker's name
     * @return the lines between the fences, each ending with a newline
     */
    static String blockAfter(Path guide, String marker) {
        List<String> lines = lines(guide);
        int at = lines.indexOf("<!-- " + marker + " -->");
        if (at < 0 || at + 1 >= lines.size() || !lines.get(at + 1).startsWith("```")) {
            throw new AssertionError(guide + " has no fenced block after <!-- " + marker + " -->");
        }
        StringBuilder block = new StringBuilder();
        for (int i = at + 2; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
            block.append(lines.get(i)).append('\n');
        }
        return block.toString();
    }

    /**
     * The anchors GitHub gives the headings of a guide: lower case, punctuation other than hyphens dropped, spaces
     * turned into hyphens.
     *
     * @param guide the Markdown file
     * @return the anchors, without {@code #}
     */
    static List<String> anchors(Path guide) {
        List<String> anchors = new ArrayList<>();
        boolean inFence = false;
        for (String line : lines(guide)) {
            if (line.startsWith("```")) {
                inFence = !inFence;
            } else if (!inFence && line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").strip();
                anchors.add(title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    /**
     * The lines of a guide.
     *
     * @param guide the Markdown file
     * @return its lines, without line ends
     */
    static List<String> lines(Path guide) {
        try {
            return Files.readAllLines(guide);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("README.md"))
                && Files.isDirectory(dir.resolve("docs")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no project root with README.md and docs/ above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
