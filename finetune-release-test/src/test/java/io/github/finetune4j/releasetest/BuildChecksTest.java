package io.github.finetune4j.releasetest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's own checks (config/build/*.java, run by the root pom.xml) do fail when they should: each is run as the
 * build runs it, a separate JVM, against small projects, jars and target directories made here.
 */
class BuildChecksTest {
    private static final Path ROOT = Path.of(System.getProperty("finetune.root", "..")).toAbsolutePath().normalize();

    @TempDir
    static Path compiledChecks;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileChecks() throws IOException {
        compile(compiledChecks, List.of(), ROOT.resolve("config/build/BuildChecks.java"),
                ROOT.resolve("config/build/AddModuleDescriptor.java"));
    }

    @Nested
    class Descriptor {
        @Test
        void failsWhenAModuleRequiresAJarByItsFileName() throws IOException {
            Path jar = jar(dir.resolve("libs/shiny-tokens-1.2.jar"), "shiny", null);
            Path moduleInfo = moduleInfo("module app { requires shiny.tokens; }", jar);

            Result result = run("BuildChecks", "descriptor", moduleInfo.toString(), classPath(moduleInfo.getParent(), jar));

            assertThat(result.exitCode).isEqualTo(1);
            assertThat(result.output).contains("module app requires shiny.tokens, a name derived from the file name"
                    + " shiny-tokens-1.2.jar").contains("Required filename-based automodules detected");
        }

        @Test
        void passesForAnAutomaticModuleNameAndForANamedModule() throws IOException {
            Path named = jar(dir.resolve("libs/shiny-tokens-1.2.jar"), "shiny", "com.example.shiny");
            Path modular = modularJar(dir.resolve("libs/modular-3.jar"), "com.example.modular", "modular");
            Path moduleInfo = moduleInfo("module app { requires com.example.shiny; requires com.example.modular;"
                    + " requires java.net.http; }", named, modular);

            Result result = run("BuildChecks", "descriptor", moduleInfo.toString(),
                    classPath(moduleInfo.getParent(), named, modular));

            assertThat(result.exitCode).as(result.output).isZero();
            assertThat(result.output).contains("module app: 2 non-JDK requires, none named after a file");
        }

        @Test
        void failsWhenNoJarProvidesARequiredModule() throws IOException {
            Path named = jar(dir.resolve("libs/shiny-tokens-1.2.jar"), "shiny", "com.example.shiny");
            Path moduleInfo = moduleInfo("module app { requires com.example.shiny; }", named);

            Result result = run("BuildChecks", "descriptor", moduleInfo.toString(), moduleInfo.getParent().toString());

            assertThat(result.exitCode).isEqualTo(1);
            assertThat(result.output).contains("module app requires com.example.shiny, which no jar on its compile"
                    + " class path provides");
        }

        private Path moduleInfo(String source, Path... modulePath) throws IOException {
            Path src = Files.createDirectories(dir.resolve("src"));
            Files.writeString(src.resolve("module-info.java"), source);
            Path classes = Files.createDirectories(dir.resolve("classes"));
            compile(classes, List.of("--module-path", classPath(modulePath), "-Xlint:-requires-automatic"),
                    src.resolve("module-info.java"));
            return classes.resolve("module-info.class");
        }
    }

    @Nested
    class Bom {
        @Test
        void passesWhenTheBomManagesExactlyThePublishedModules() throws IOException {
            reactor(List.of("finetune-core", "finetune-cli"));

            Result result = run("BuildChecks", "bom", dir.toString(), dir.resolve("finetune-bom/pom.xml").toString());

            assertThat(result.exitCode).as(result.output).isZero();
            assertThat(result.output).contains("manages exactly the 2 published artifacts [finetune-cli, finetune-core];"
                    + " not published: [finetune-bench, finetune-examples]");
        }

        @Test
        void failsWhenAPublishedModuleIsMissing() throws IOException {
            reactor(List.of("finetune-core"));

            Result result = run("BuildChecks", "bom", dir.toString(), dir.resolve("finetune-bom/pom.xml").toString());

            assertThat(result.exitCode).isEqualTo(1);
            assertThat(result.output).contains("finetune-cli is published (its finetune.publish is not false) but")
                    .contains("set <finetune.publish>false</finetune.publish> in finetune-cli/pom.xml");
        }

        @Test
        void failsWhenAnUnpublishedOrUnknownArtifactIsManaged() throws IOException {
            reactor(List.of("finetune-core", "finetune-cli", "finetune-examples", "finetune-gone"));

            Result result = run("BuildChecks", "bom", dir.toString(), dir.resolve("finetune-bom/pom.xml").toString());

            assertThat(result.exitCode).isEqualTo(1);
            assertThat(result.output).contains("manages finetune-examples, which is not published")
                    .contains("manages finetune-gone, which is not a module of");
        }

        @Test
        void failsWhenTheBomVersionDiffersFromTheReactor() throws IOException {
            reactor(List.of("finetune-core", "finetune-cli"));
            Path bom = dir.resolve("finetune-bom/pom.xml");
            Files.writeString(bom, Files.readString(bom).replace("<version>1.0.0-SNAPSHOT</version>",
                    "<version>0.9.0</version>"));

            Result result = run("BuildChecks", "bom", dir.toString(), bom.toString());

            assertThat(result.exitCode).isEqualTo(1);
            assertThat(result.output).contains("version 0.9.0 differs from the reactor's 1.0.0-SNAPSHOT");
        }

        /**
         * A reactor like ours: finetune-cli is published by default, examples and bench (in a profile) are not, and
         * a Maven plugin need not be in the BOM.
         */
        private void reactor(List<String> managed) throws IOException {
            write("pom.xml", "<project><groupId>io.github.finetune4j</groupId><artifactId>finetune-parent</artifactId>"
                    + "<version>1.0.0-SNAPSHOT</version><packaging>pom</packaging>"
                    + "<properties><finetune.publish>true</finetune.publish></properties>"
                    + "<modules><module>finetune-bom</module><module>finetune-core</module>"
                    + "<module>finetune-cli</module><module>finetune-maven-plugin</module>"
                    + "<module>finetune-examples</module></modules>"
                    + "<profiles><profile><id>bench</id><modules><module>finetune-bench</module></modules></profile>"
                    + "</profiles></project>");
            write("finetune-core/pom.xml", module("finetune-core", ""));
            write("finetune-cli/pom.xml", module("finetune-cli", ""));
            write("finetune-maven-plugin/pom.xml", module("finetune-maven-plugin", "")
                    .replace("</artifactId><properties>", "</artifactId><packaging>maven-plugin</packaging><properties>"));
            write("finetune-examples/pom.xml", module("finetune-examples", "<finetune.publish>false</finetune.publish>"));
            write("finetune-bench/pom.xml", module("finetune-bench", "<finetune.publish>false</finetune.publish>"));
            String dependencies = managed.stream().map(a -> "<dependency><groupId>io.github.finetune4j</groupId>"
                    + "<artifactId>" + a + "</artifactId><version>${project.version}</version></dependency>")
                    .collect(Collectors.joining());
            write("finetune-bom/pom.xml", "<project><groupId>io.github.finetune4j</groupId>"
                    + "<artifactId>finetune-bom</artifactId><version>1.0.0-SNAPSHOT</version><packaging>pom</packaging>"
                    + "<dependencyManagement><dependencies>" + dependencies + "</dependencies></dependencyManagement>"
                    + "</project>");
        }

        private String module(String artifactId, String properties) {
            return "<project><parent><groupId>io.github.finetune4j</groupId><artifactId>finetune-parent</artifactId>"
                    + "<version>1.0.0-SNAPSHOT</version></parent><artifactId>" + artifactId + "</artifactId>"
                    + "<properties>" + properties + "</properties></project>";
        }
    }

    @Nested
    class Release {
        @Test
        void passesForACompletePublishedJarModule() throws IOException {
            artifacts(true, true, true);

            Result result = run("BuildChecks", args(complete(), "gpgSkip=true"));

            assertThat(result.exitCode).as(result.output).isZero();
            assertThat(result.output).contains("finetune-cli: jar, sources and javadoc jars, POM with every field Maven"
                    + " Central requires (signatures skipped: gpg.skip)");
        }

        @Test
        void failsWhenTheJavadocJarIsMissingOrEmpty() throws IOException {
            artifacts(true, true, false);
            Result missing = run("BuildChecks", args(complete(), "gpgSkip=true"));
            jar(dir.resolve("target/finetune-cli-1.0.0-javadoc.jar"), "nothing", null);
            Result empty = run("BuildChecks", args(complete(), "gpgSkip=true"));

            assertThat(missing.exitCode).isEqualTo(1);
            assertThat(missing.output).contains("finetune-cli: " + dir.resolve("target/finetune-cli-1.0.0-javadoc.jar")
                    + " is missing");
            assertThat(empty.exitCode).isEqualTo(1);
            assertThat(empty.output).contains("finetune-cli-1.0.0-javadoc.jar has no *index.html entry");
        }

        @Test
        void failsForEachMissingPomField() throws IOException {
            artifacts(true, true, true);
            Map<String, String> fields = complete();
            fields.put("scmUrl", "${project.scm.url}");          // Maven leaves an absent value unresolved
            fields.put("developerName", "");
            fields.put("name", "finetune-cli");                  // Maven's fallback when <name> is absent
            fields.put("description", "The parent's description.");

            Result result = run("BuildChecks", args(fields, "gpgSkip=true"));

            assertThat(result.exitCode).isEqualTo(1);
            assertThat(result.output).contains("finetune-cli: the POM has no <scm><url>")
                    .contains("finetune-cli: the POM has no <developers><developer><name>")
                    .contains("finetune-cli: the POM has no <name> of its own")
                    .contains("finetune-cli: <description> is inherited from the parent");
        }

        @Test
        void requiresASignatureForEveryFileUnlessSkipped() throws IOException {
            artifacts(true, true, true);
            Result unsigned = run("BuildChecks", args(complete()));
            for (String file : List.of("finetune-cli-1.0.0.jar", "finetune-cli-1.0.0-sources.jar",
                    "finetune-cli-1.0.0-javadoc.jar", "finetune-cli-1.0.0.pom")) {
                Files.writeString(dir.resolve("target").resolve(file + ".asc"), "signature");
            }
            Result signed = run("BuildChecks", args(complete()));

            assertThat(unsigned.exitCode).isEqualTo(1);
            assertThat(unsigned.output).contains("no signature finetune-cli-1.0.0.jar.asc")
                    .contains("no signature finetune-cli-1.0.0.pom.asc");
            assertThat(signed.exitCode).as(signed.output).isZero();
            assertThat(signed.output).contains("all signed");
        }

        @Test
        void checksOnlyThePomOfAPomModuleAndNothingOfAnUnpublishedOne() throws IOException {
            Map<String, String> pom = complete();
            pom.put("packaging", "pom");
            Map<String, String> unpublished = new LinkedHashMap<>(Map.of("artifactId", "finetune-examples",
                    "publish", "false", "dir", dir.resolve("target").toString()));

            Result pomResult = run("BuildChecks", args(pom, "gpgSkip=true"));
            Result unpublishedResult = run("BuildChecks", args(unpublished));

            assertThat(pomResult.exitCode).as(pomResult.output).isZero();
            assertThat(pomResult.output).contains("finetune-cli: POM with every field");
            assertThat(unpublishedResult.exitCode).isZero();
            assertThat(unpublishedResult.output).contains("finetune-examples is not published");
        }

        private Map<String, String> complete() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("artifactId", "finetune-cli");
            fields.put("packaging", "jar");
            fields.put("publish", "true");
            fields.put("dir", dir.resolve("target").toString());
            fields.put("finalName", "finetune-cli-1.0.0");
            fields.put("name", "finetune4j command line");
            fields.put("description", "The finetune command.");
            fields.put("parentDescription", "The parent's description.");
            fields.put("url", "https://github.com/finetune4j/finetune4j");
            fields.put("licenseName", "Apache-2.0");
            fields.put("licenseUrl", "https://www.apache.org/licenses/LICENSE-2.0");
            fields.put("developerName", "The finetune4j maintainers");
            fields.put("scmUrl", "https://github.com/finetune4j/finetune4j");
            fields.put("scmConnection", "scm:git:https://github.com/finetune4j/finetune4j.git");
            fields.put("scmDeveloperConnection", "scm:git:ssh://git@github.com/finetune4j/finetune4j.git");
            fields.put("issueManagementUrl", "https://github.com/finetune4j/finetune4j/issues");
            return fields;
        }

        private String[] args(Map<String, String> fields, String... more) {
            List<String> args = new ArrayList<>(List.of("release"));
            fields.forEach((k, v) -> args.add(k + "=" + v));
            args.addAll(List.of(more));
            return args.toArray(String[]::new);
        }

        private void artifacts(boolean jar, boolean sources, boolean javadoc) throws IOException {
            Path target = Files.createDirectories(dir.resolve("target"));
            if (jar) {
                jar(target.resolve("finetune-cli-1.0.0.jar"), "cli", null);
            }
            if (sources) {
                entryJar(target.resolve("finetune-cli-1.0.0-sources.jar"), "cli/Main.java");
            }
            if (javadoc) {
                entryJar(target.resolve("finetune-cli-1.0.0-javadoc.jar"), "index.html");
            }
        }
    }

    @Nested
    class ModuleDescriptorInShadedJar {
        @Test
        void putsTheDescriptorBackWithTheManifestsTime() throws Exception {
            Path jar = jar(dir.resolve("shaded.jar"), "lib", null);
            Path moduleInfo = moduleInfoExporting("lib");

            Result result = run("AddModuleDescriptor", jar.toString(), moduleInfo.toString());

            assertThat(result.exitCode).as(result.output).isZero();
            ModuleReference module = ModuleFinder.of(jar).findAll().iterator().next();
            assertThat(module.descriptor().name()).isEqualTo("com.example.lib");
            assertThat(module.descriptor().isAutomatic()).isFalse();
            assertThat(module.descriptor().exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("lib");
            try (JarFile file = new JarFile(jar.toFile())) {
                LocalDateTime manifestTime = file.getEntry("META-INF/MANIFEST.MF").getTimeLocal();
                assertThat(file.getEntry("module-info.class").getTimeLocal()).isEqualTo(manifestTime);
                assertThat(file.stream().map(JarEntry::getName)).containsExactly("META-INF/MANIFEST.MF",
                        "module-info.class", "lib/Lib.class");
            }
        }

        @Test
        void failsWhenTheJarLacksAnExportedPackage() throws Exception {
            Path jar = jar(dir.resolve("shaded.jar"), "other", null);
            byte[] before = Files.readAllBytes(jar);
            Path moduleInfo = moduleInfoExporting("lib");

            Result result = run("AddModuleDescriptor", jar.toString(), moduleInfo.toString());

            assertThat(result.exitCode).isEqualTo(1);
            assertThat(result.output).contains("module com.example.lib names packages that are not in").contains("[lib]");
            assertThat(Files.readAllBytes(jar)).isEqualTo(before);
        }

        private Path moduleInfoExporting(String pkg) throws IOException {
            Path src = Files.createDirectories(dir.resolve("src/" + pkg));
            Files.writeString(src.resolve("Lib.java"), "package " + pkg + "; public class Lib {}");
            Files.writeString(dir.resolve("src/module-info.java"), "module com.example.lib { exports " + pkg + "; }");
            Path classes = Files.createDirectories(dir.resolve("descriptor"));
            compile(classes, List.of(), dir.resolve("src/module-info.java"), src.resolve("Lib.java"));
            return classes.resolve("module-info.class");
        }
    }

    /** The BOM, this module and the consumer application cover the same published artifacts. */
    @Nested
    class ReleaseTestCoverage {
        @Test
        void theConsumerAndThisModuleDependOnEveryArtifactOfTheBom() throws IOException {
            List<String> bom = artifactIds(ROOT.resolve("finetune-bom/pom.xml"));
            List<String> here = artifactIds(ROOT.resolve("finetune-release-test/pom.xml"));
            List<String> consumer = artifactIds(ROOT.resolve("finetune-release-test/src/it/consumer/pom.xml"));

            assertThat(bom).isNotEmpty();
            assertThat(here).as("dependencies of finetune-release-test/pom.xml").containsAll(bom);
            assertThat(consumer).as("dependencies of src/it/consumer/pom.xml").containsAll(bom);
        }

        private List<String> artifactIds(Path pom) throws IOException {
            String xml = Files.readString(pom);
            List<String> ids = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                    "<groupId>io\\.github\\.finetune4j</groupId>\\s*<artifactId>(finetune-[a-z-]+)</artifactId>")
                    .matcher(xml);
            while (m.find()) {
                if (!m.group(1).equals("finetune-bom") && !m.group(1).equals("finetune-parent")) {
                    ids.add(m.group(1));
                }
            }
            return ids;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private record Result(int exitCode, String output) {
    }

    private Result run(String main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", compiledChecks.toString(), main));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "check", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("check did not end: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static void compile(Path out, List<String> options, Path... sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17"));
        args.addAll(options);
        Stream.of(sources).map(Path::toString).forEach(args::add);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, OutputStream.nullOutputStream(), errors, args.toArray(String[]::new));
        assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    }

    /** A jar with one class {@code pkg.Lib}, and an Automatic-Module-Name if given. */
    private Path jar(Path jar, String pkg, String automaticModuleName) throws IOException {
        Path src = Files.createDirectories(jar.getParent().resolve("src-" + jar.getFileName()).resolve(pkg));
        Files.writeString(src.resolve("Lib.java"), "package " + pkg + "; public class Lib {}");
        Path classes = Files.createDirectories(jar.getParent().resolve("classes-" + jar.getFileName()));
        compile(classes, List.of(), src.resolve("Lib.java"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (automaticModuleName != null) {
            manifest.getMainAttributes().putValue("Automatic-Module-Name", automaticModuleName);
        }
        Files.deleteIfExists(jar);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry(pkg + "/Lib.class"));
            out.write(Files.readAllBytes(classes.resolve(pkg).resolve("Lib.class")));
            out.closeEntry();
        }
        return jar;
    }

    private Path modularJar(Path jar, String moduleName, String pkg) throws IOException {
        Path src = Files.createDirectories(jar.getParent().resolve("src-" + jar.getFileName()));
        Files.createDirectories(src.resolve(pkg));
        Files.writeString(src.resolve(pkg).resolve("Lib.java"), "package " + pkg + "; public class Lib {}");
        Files.writeString(src.resolve("module-info.java"), "module " + moduleName + " { exports " + pkg + "; }");
        Path classes = Files.createDirectories(jar.getParent().resolve("classes-" + jar.getFileName()));
        compile(classes, List.of(), src.resolve("module-info.java"), src.resolve(pkg).resolve("Lib.java"));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("module-info.class", pkg + "/Lib.class")) {
                out.putNextEntry(new JarEntry(name));
                out.write(Files.readAllBytes(classes.resolve(name)));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void entryJar(Path jar, String entry) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            out.write("x".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static String classPath(Path... entries) {
        return Stream.of(entries).map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }
}
