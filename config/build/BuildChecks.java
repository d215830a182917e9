import java.io.IOException;
import java.io.InputStream;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The build's own checks, run by Maven with the source launcher ({@code java config/build/BuildChecks.java CHECK
 * ARGS}; see the root pom.xml). Each prints what it checked and exits 1 with one line per problem, naming the module
 * and what to change. Tests: finetune-release-test's BuildChecksTest.
 *
 * <ul>
 *   <li>{@code descriptor MODULE_INFO_CLASS PATH}: no {@code requires} of the module names a module whose name is
 *   derived from a jar's file name (no module-info.class and no {@code Automatic-Module-Name}), which is what makes
 *   maven-compiler-plugin warn "Required filename-based automodules detected ... Please don't publish this project
 *   to a public artifact repository!". PATH is the module's compile class path.</li>
 *   <li>{@code bom ROOT_DIR BOM_POM}: the BOM manages exactly the published artifacts of the reactor (every module
 *   whose packaging is not pom and whose {@code finetune.publish} property is not {@code false}; maven-plugin
 *   modules may be listed or not), at the reactor's version.</li>
 *   <li>{@code release key=value...}: a published module has what Maven Central requires: the jar, sources jar and
 *   javadoc jar (packaging jar), signatures unless {@code gpg.skip}, and a POM with name, description, url, licence,
 *   developer, SCM and issue management.</li>
 * </ul>
 */
public final class BuildChecks {
    private BuildChecks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        List<String> rest = List.of(args).subList(1, args.length);
        List<String> problems = switch (args[0]) {
            case "descriptor" -> {
                if (rest.size() != 2) {
                    usage();
                }
                yield descriptor(Path.of(rest.get(0)), rest.get(1));
            }
            case "bom" -> {
                if (rest.size() != 2) {
                    usage();
                }
                yield bom(Path.of(rest.get(0)), Path.of(rest.get(1)));
            }
            case "release" -> release(keyValues(rest));
            default -> {
                usage();
                yield List.of();
            }
        };
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("[build-check] ERROR " + p));
            System.exit(1);
        }
    }

    private static void usage() {
        System.err.println("usage: java BuildChecks.java descriptor MODULE_INFO_CLASS CLASS_PATH");
        System.err.println("       java BuildChecks.java bom ROOT_DIR BOM_POM");
        System.err.println("       java BuildChecks.java release key=value...");
        System.exit(2);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // descriptor

    static List<String> descriptor(Path moduleInfo, String classPath) throws IOException {
        if (!Files.isRegularFile(moduleInfo)) {
            return List.of("no module descriptor at " + moduleInfo);
        }
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(moduleInfo)) {
            module = ModuleDescriptor.read(in);
        }
        Path ownDir = moduleInfo.toAbsolutePath().getParent();
        Map<String, Path> providers = new LinkedHashMap<>();
        Map<String, Boolean> fileNamed = new LinkedHashMap<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath();
            if (path.equals(ownDir) || !Files.exists(path)) {
                continue;
            }
            for (ModuleReference ref : modulesIn(path)) {
                String name = ref.descriptor().name();
                if (!providers.containsKey(name)) {
                    providers.put(name, path);
                    fileNamed.put(name, ref.descriptor().isAutomatic() && !hasAutomaticModuleName(path));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (ModuleDescriptor.Requires requires : module.requires()) {
            String name = requires.name();
            if (requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.MANDATED)
                    || ModuleFinder.ofSystem().find(name).isPresent()) {
                continue;
            }
            checked++;
            Path provider = providers.get(name);
            if (provider == null) {
                problems.add("module " + module.name() + " requires " + name
                        + ", which no jar on its compile class path provides");
            } else if (fileNamed.get(name)) {
                problems.add("module " + module.name() + " requires " + name + ", a name derived from the file name "
                        + provider.getFileName() + " (that jar has neither module-info.class nor an"
                        + " Automatic-Module-Name): users' module paths would break when the file is renamed, and"
                        + " maven-compiler-plugin warns \"Required filename-based automodules detected\". Relocate the"
                        + " library into an internal package (as finetune-core does with jtokkit, docs/modules.md) or"
                        + " use a release of it that has a module name.");
            }
        }
        if (problems.isEmpty()) {
            System.out.println("[build-check] module " + module.name() + ": " + checked
                    + " non-JDK requires, none named after a file");
        }
        return problems;
    }

    private static Set<ModuleReference> modulesIn(Path path) {
        try {
            return ModuleFinder.of(path).findAll();
        } catch (FindException e) {
            return Set.of();   // not a module of any kind (e.g. an invalid derived name): cannot be required either
        }
    }

    private static boolean hasAutomaticModuleName(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            Path manifest = path.resolve("META-INF/MANIFEST.MF");
            if (!Files.isRegularFile(manifest)) {
                return false;
            }
            try (InputStream in = Files.newInputStream(manifest)) {
                return new Manifest(in).getMainAttributes().getValue("Automatic-Module-Name") != null;
            }
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            Manifest manifest = jar.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue("Automatic-Module-Name") != null;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // bom

    static List<String> bom(Path root, Path bomPom) throws Exception {
        Element rootPom = parse(root.resolve("pom.xml"));
        String version = text(rootPom, "version").orElse("");
        String groupId = text(rootPom, "groupId").orElse("");
        boolean publishByDefault = !"false".equals(property(rootPom, "finetune.publish").orElse("true"));

        Set<String> published = new TreeSet<>();
        Set<String> unpublished = new TreeSet<>();
        Set<String> optional = new TreeSet<>();
        for (String module : modules(rootPom)) {
            Path pom = root.resolve(module).resolve("pom.xml");
            if (!Files.isRegularFile(pom) || pom.toAbsolutePath().normalize().equals(bomPom.toAbsolutePath().normalize())) {
                continue;
            }
            Element project = parse(pom);
            String artifactId = text(project, "artifactId").orElse(module);
            String packaging = text(project, "packaging").orElse("jar");
            Optional<String> flag = property(project, "finetune.publish");
            boolean publish = flag.map(v -> !v.equals("false")).orElse(publishByDefault);
            if (packaging.equals("pom")) {
                continue;
            }
            if (packaging.equals("maven-plugin")) {
                optional.add(artifactId);   // plugins are not managed by dependencyManagement; listing one is fine
                continue;
            }
            (publish ? published : unpublished).add(artifactId);
        }

        Element bom = parse(bomPom);
        List<String> problems = new ArrayList<>();
        String bomVersion = text(bom, "version").orElse("");
        if (!bomVersion.equals(version)) {
            problems.add(bomPom + ": version " + bomVersion + " differs from the reactor's " + version);
        }
        Set<String> managed = new TreeSet<>();
        Element management = child(bom, "dependencyManagement").flatMap(d -> child(d, "dependencies")).orElse(null);
        if (management != null) {
            for (Element dependency : children(management, "dependency")) {
                String g = text(dependency, "groupId").orElse("");
                String a = text(dependency, "artifactId").orElse("");
                String v = text(dependency, "version").orElse("");
                if (!g.equals(groupId)) {
                    problems.add(bomPom + ": manages " + g + ":" + a + ", which is not one of ours (" + groupId + ")");
                    continue;
                }
                if (!v.equals("${project.version}") && !v.equals(version)) {
                    problems.add(bomPom + ": " + a + " has version " + v + "; use ${project.version}");
                }
                managed.add(a);
            }
        }
        for (String a : published) {
            if (!managed.contains(a)) {
                problems.add(a + " is published (its finetune.publish is not false) but " + bomPom
                        + " does not manage it: add it there, or set <finetune.publish>false</finetune.publish> in "
                        + a + "/pom.xml if users should not depend on it");
            }
        }
        for (String a : managed) {
            if (unpublished.contains(a)) {
                problems.add(bomPom + " manages " + a + ", which is not published (finetune.publish is false)");
            } else if (!published.contains(a) && !optional.contains(a)) {
                problems.add(bomPom + " manages " + a + ", which is not a module of " + root.resolve("pom.xml"));
            }
        }
        if (problems.isEmpty()) {
            System.out.println("[build-check] " + root.relativize(bomPom) + " manages exactly the " + published.size()
                    + " published artifacts " + published + "; not published: " + unpublished);
        }
        return problems;
    }

    private static List<String> modules(Element project) {
        List<String> modules = new ArrayList<>();
        child(project, "modules").ifPresent(m -> children(m, "module").forEach(e -> modules.add(e.getTextContent().trim())));
        child(project, "profiles").ifPresent(profiles -> children(profiles, "profile").forEach(profile ->
                child(profile, "modules").ifPresent(m ->
                        children(m, "module").forEach(e -> modules.add(e.getTextContent().trim())))));
        return modules;
    }

    private static Optional<String> property(Element project, String name) {
        return child(project, "properties").flatMap(p -> text(p, name));
    }

    private static Element parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(pom.toFile());
        return document.getDocumentElement();
    }

    private static Optional<Element> child(Element parent, String name) {
        List<Element> all = children(parent, name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && e.getTagName().equals(name)) {
                result.add(e);
            }
        }
        return result;
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().trim());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // release

    /** POM fields Central requires, as passed by the release profile (effective values, so inherited ones count). */
    private static final Map<String, String> REQUIRED_FIELDS = new LinkedHashMap<>();

    static {
        REQUIRED_FIELDS.put("name", "<name>");
        REQUIRED_FIELDS.put("description", "<description>");
        REQUIRED_FIELDS.put("url", "<url>");
        REQUIRED_FIELDS.put("licenseName", "<licenses><license><name>");
        REQUIRED_FIELDS.put("licenseUrl", "<licenses><license><url>");
        REQUIRED_FIELDS.put("developerName", "<developers><developer><name>");
        REQUIRED_FIELDS.put("scmUrl", "<scm><url>");
        REQUIRED_FIELDS.put("scmConnection", "<scm><connection>");
        REQUIRED_FIELDS.put("scmDeveloperConnection", "<scm><developerConnection>");
        REQUIRED_FIELDS.put("issueManagementUrl", "<issueManagement><url>");
    }

    static List<String> release(Map<String, String> in) throws IOException {
        String artifactId = in.getOrDefault("artifactId", "?");
        if ("false".equals(in.get("publish"))) {
            System.out.println("[build-check] " + artifactId + " is not published (finetune.publish=false)");
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> field : REQUIRED_FIELDS.entrySet()) {
            if (!present(in.get(field.getKey()))) {
                problems.add(artifactId + ": the POM has no " + field.getValue() + " (Maven Central requires it)");
            }
        }
        if (present(in.get("name")) && in.get("name").equals(artifactId)) {
            problems.add(artifactId + ": the POM has no <name> of its own (Maven falls back to the artifactId)");
        }
        if (present(in.get("description")) && in.get("description").equals(in.get("parentDescription"))) {
            problems.add(artifactId + ": <description> is inherited from the parent; say what this artifact holds");
        }

        Path dir = Path.of(in.getOrDefault("dir", "target"));
        String base = in.getOrDefault("finalName", artifactId);
        boolean signed = !"true".equals(in.get("gpgSkip"));
        String packaging = in.getOrDefault("packaging", "jar");
        List<Path> files = new ArrayList<>();
        if (!packaging.equals("pom")) {
            Path jar = dir.resolve(base + ".jar");
            Path sources = dir.resolve(base + "-sources.jar");
            Path javadoc = dir.resolve(base + "-javadoc.jar");
            requireEntry(artifactId, jar, ".class", problems);
            requireEntry(artifactId, sources, ".java", problems);
            requireEntry(artifactId, javadoc, "index.html", problems);
            files.addAll(List.of(jar, sources, javadoc));
        }
        if (signed) {
            // maven-gpg-plugin writes the POM's signature into target/ and the others beside their files or into
            // target/gpg/, depending on its version: look for each by name.
            Set<String> signatures = new TreeSet<>();
            if (Files.isDirectory(dir)) {
                try (var walk = Files.walk(dir, 2)) {
                    walk.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".asc")).forEach(signatures::add);
                }
            }
            List<Path> toSign = new ArrayList<>(files);
            toSign.add(Path.of(base + ".pom"));
            for (Path file : toSign) {
                String asc = file.getFileName() + ".asc";
                if (!signatures.contains(asc)) {
                    problems.add(artifactId + ": no signature " + asc + " in " + dir + " (run with a GPG key, or"
                            + " -Dgpg.skip for a local check)");
                }
            }
        }
        if (problems.isEmpty()) {
            System.out.println("[build-check] " + artifactId + ": " + (packaging.equals("pom") ? "POM" : "jar, sources"
                    + " and javadoc jars, POM") + " with every field Maven Central requires"
                    + (signed ? ", all signed" : " (signatures skipped: gpg.skip)"));
        }
        return problems;
    }

    private static void requireEntry(String artifactId, Path jar, String suffix, List<String> problems)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            problems.add(artifactId + ": " + jar + " is missing");
            return;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            boolean found = zip.stream().map(ZipEntry::getName).anyMatch(n -> n.endsWith(suffix));
            if (!found) {
                problems.add(artifactId + ": " + jar + " has no *" + suffix + " entry");
            }
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank() && !value.contains("${");
    }

    private static Map<String, String> keyValues(List<String> args) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                System.err.println("[build-check] ERROR not key=value: " + arg);
                System.exit(2);
            }
            map.put(arg.substring(0, eq), arg.substring(eq + 1).trim());
        }
        return map;
    }
}
