package io.github.finetune4j.examples.docs;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Compiles Markdown snippets against the test class path and reports errors at their place in the guide. */
final class SnippetCompiler {
    private SnippetCompiler() {
    }

    /**
     * Compiles the snippets, each in a package of its own, into {@code classes}.
     *
     * @param snippets what to compile
     * @param work a directory for sources and classes
     * @return the errors as {@code guide:line: message}, empty when everything compiled
     */
    static List<String> compile(List<MarkdownSnippet> snippets, Path work) {
        Map<Path, MarkdownSnippet> bySource = new HashMap<>();
        try {
            Path sources = Files.createDirectories(work.resolve("src"));
            Files.createDirectories(work.resolve("classes"));
            for (int i = 0; i < snippets.size(); i++) {
                MarkdownSnippet snippet = snippets.get(i);
                String pkg = packageOf(i, snippet);
                Path file = Files.createDirectories(sources.resolve(pkg.replace('.', '/')))
                        .resolve(snippet.typeName() + ".java");
                Files.writeString(file, snippet.source(pkg));
                bySource.put(file.toAbsolutePath().normalize(), snippet);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-d", work.resolve("classes").toString(), "-proc:none", "-nowarn",
                    "-Xlint:none", "-cp", System.getProperty("java.class.path"));
            javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(bySource.keySet())).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            MarkdownSnippet snippet = d.getSource() == null ? null
                    : bySource.get(Path.of(d.getSource().toUri()).toAbsolutePath().normalize());
            String where = snippet == null ? "?" : snippet.file() + ":" + (snippet.line() + d.getLineNumber() - 1);
            errors.add(where + ": " + d.getMessage(Locale.ROOT));
        }
        return errors;
    }

    /**
     * The package a snippet is compiled in.
     *
     * @param index its position in the list given to {@link #compile}
     * @param snippet the snippet
     * @return a package name
     */
    static String packageOf(int index, MarkdownSnippet snippet) {
        return "snippets.s" + index + (snippet.label().isEmpty() ? "" : "_" + snippet.label().replace('-', '_'));
    }
}
