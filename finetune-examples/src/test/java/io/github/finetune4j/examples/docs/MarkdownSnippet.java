package io.github.finetune4j.examples.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ```java} block of a Markdown guide, and how it becomes a Java source file that keeps its line numbers.
 *
 * <p>A block is either a compilation unit (imports, then a class, record, interface or enum) or a fragment: imports
 * followed by statements, as the guides show a few lines of use. A fragment that uses variables it does not declare
 * names them in a comment line {@code // Given: FineTuneClient client, JobSnapshot done}; they become parameters of
 * the method the statements are compiled in, so the reader sees the assumption and the compiler checks the rest.
 *
 * @param file the guide
 * @param line the line of the opening fence
 * @param label the name from a {@code <!-- snippet: name -->} line just before the fence, or empty
 * @param code the code between the fences
 */
record MarkdownSnippet(Path file, int line, String label, String code) {
    private static final Pattern OPENING = Pattern.compile("^```java\\s*$");
    private static final Pattern LABEL = Pattern.compile("^<!--\\s*snippet:\\s*([\\w-]+)\\s*-->\\s*$");
    private static final Pattern TYPE = Pattern.compile(
            "(?m)^(@\\w+(\\([^)]*\\))?\\s+)*(public\\s+)?((final|abstract|sealed)\\s+)*(class|record|interface|enum)\\s+(\\w+)");
    private static final Pattern GIVEN = Pattern.compile("(?m)^\\s*// Given: (.+)$");

    /**
     * Reads every Java block of a guide.
     *
     * @param file the Markdown file
     * @return its blocks in order
     */
    static List<MarkdownSnippet> read(Path file) {
        List<String> lines = Guides.lines(file);
        List<MarkdownSnippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!OPENING.matcher(lines.get(i)).matches()) {
                continue;
            }
            Matcher label = i > 0 ? LABEL.matcher(lines.get(i - 1)) : LABEL.matcher("");
            int start = i;
            StringBuilder code = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                code.append(lines.get(i)).append('\n');
            }
            snippets.add(new MarkdownSnippet(file, start + 1, label.matches() ? label.group(1) : "", code.toString()));
        }
        return snippets;
    }

    /**
     * A snippet that needs a library outside the project (labelled {@code external-...}, e.g. azure-identity): shown
     * to readers, not compiled here.
     */
    boolean needsExternalLibrary() {
        return label.startsWith("external-");
    }

    /** A module declaration: compiled by finetune-release-test's consumer project, not here. */
    boolean isModuleDeclaration() {
        return code.strip().startsWith("module ");
    }

    /** A class, record, interface or enum with its imports, compiled as it stands. */
    boolean isCompilationUnit() {
        return TYPE.matcher(withoutImports()).find();
    }

    /**
     * The name of the source file and of the class to load: the public type's, else the first type's, or
     * {@code Snippet} for a fragment.
     *
     * @return a simple class name
     */
    String typeName() {
        String first = null;
        Matcher type = TYPE.matcher(withoutImports());
        while (type.find()) {
            if (type.group(3) != null) {
                return type.group(7);                                   // the public type names the file
            }
            first = first == null ? type.group(7) : first;
        }
        return first == null ? "Snippet" : first;
    }

    /**
     * The source in package {@code pkg}; line {@code n} of the block is line {@code n + 1} of the source.
     *
     * @param pkg the package to put it in
     * @return Java source
     */
    String source(String pkg) {
        String header = "package " + pkg + "; ";
        if (isCompilationUnit()) {
            return header + "\n" + code;
        }
        String[] lines = code.split("\n", -1);
        int lastImport = -1;
        for (int i = 0; i < lines.length; i++) {
            String trimmed = lines[i].strip();
            if (trimmed.startsWith("import ")) {
                lastImport = i;
            } else if (!trimmed.isEmpty()) {
                break;
            }
        }
        String method = "class Snippet { void run(" + given().orElse("") + ") throws Exception { ";
        StringBuilder source = new StringBuilder(header);
        if (lastImport < 0) {
            source.append(method);
        }
        source.append('\n');
        for (int i = 0; i < lines.length; i++) {
            source.append(lines[i]);
            if (i == lastImport) {
                source.append(' ').append(method);
            }
            source.append('\n');
        }
        return source.append("}}\n").toString();
    }

    private Optional<String> given() {
        Matcher given = GIVEN.matcher(code);
        return given.find() ? Optional.of(given.group(1).strip()) : Optional.empty();
    }

    private String withoutImports() {
        return code.replaceAll("(?m)^import .*$", "");
    }

    @Override
    public String toString() {
        return file.getFileName() + ":" + line + (label.isEmpty() ? "" : " (" + label + ")");
    }
}
