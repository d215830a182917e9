import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Puts a compiled module descriptor into a jar that maven-shade-plugin wrote without one (the shade plugin always
 * drops module-info.class, MSHADE-261). Build step of finetune-core, run with the source launcher:
 *
 * <pre>java config/build/AddModuleDescriptor.java JAR MODULE_INFO_CLASS</pre>
 *
 * The descriptor is written right after the manifest with the manifest's timestamp, so that the jar stays
 * reproducible; every other entry keeps its name, order and time. Fails (exit 1) when a package that the descriptor
 * exports, opens or takes services from is not in the jar.
 */
public final class AddModuleDescriptor {
    private static final String DESCRIPTOR = "module-info.class";
    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            fail("usage: java AddModuleDescriptor.java JAR MODULE_INFO_CLASS");
        }
        Path jar = Path.of(args[0]);
        Path descriptorFile = Path.of(args[1]);
        if (!Files.isRegularFile(jar)) {
            fail("no jar at " + jar);
        }
        if (!Files.isRegularFile(descriptorFile)) {
            fail("no module descriptor at " + descriptorFile);
        }
        byte[] descriptorBytes = Files.readAllBytes(descriptorFile);
        ModuleDescriptor descriptor = ModuleDescriptor.read(ByteBuffer.wrap(descriptorBytes));

        Set<String> packages = new HashSet<>();
        Path tmp = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".tmp");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            boolean written = false;
            LocalDateTime manifestTime = null;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                if (name.equals(DESCRIPTOR)) {
                    continue;
                }
                if (!written && manifestTime != null && !name.startsWith("META-INF/")) {
                    writeDescriptor(out, descriptorBytes, manifestTime);
                    written = true;
                }
                if (name.equals(MANIFEST)) {
                    manifestTime = entry.getTimeLocal();
                }
                if (name.endsWith(".class") && name.contains("/")) {
                    packages.add(name.substring(0, name.lastIndexOf('/')).replace('/', '.'));
                }
                copy(in, entry, out);
            }
            if (manifestTime == null) {
                fail(jar + " has no " + MANIFEST);
            }
            if (!written) {
                writeDescriptor(out, descriptorBytes, manifestTime);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }

        Set<String> missing = new TreeSet<>();
        descriptor.exports().forEach(e -> missingPackage(e.source(), packages, missing));
        descriptor.opens().forEach(o -> missingPackage(o.source(), packages, missing));
        descriptor.provides().forEach(p -> p.providers().forEach(c -> missingPackage(packageOf(c), packages, missing)));
        if (!missing.isEmpty()) {
            Files.deleteIfExists(tmp);
            fail("module " + descriptor.name() + " names packages that are not in " + jar + ": " + missing);
        }
        keepPermissions(jar, tmp);
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("[build] " + jar.getFileName() + ": added the descriptor of module " + descriptor.name()
                + " (" + packages.size() + " packages)");
    }

    /**
     * A temporary file is readable by its owner only (0600); the jar it replaces is readable by everyone, and must
     * stay so: a distribution copied for other users (the CLI's lib/) would otherwise fail to load it.
     */
    private static void keepPermissions(Path original, Path replacement) throws IOException {
        if (Files.getFileStore(original).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(original));
        }
    }

    private static void copy(ZipInputStream in, ZipEntry entry, ZipOutputStream out) throws IOException {
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTimeLocal(entry.getTimeLocal());
        if (entry.getComment() != null) {
            copy.setComment(entry.getComment());
        }
        out.putNextEntry(copy);
        in.transferTo(out);
        out.closeEntry();
    }

    private static void writeDescriptor(ZipOutputStream zip, byte[] bytes, LocalDateTime time) throws IOException {
        ZipEntry entry = new ZipEntry(DESCRIPTOR);
        entry.setTimeLocal(time);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void missingPackage(String pkg, Set<String> packages, Set<String> missing) {
        if (!packages.contains(pkg)) {
            missing.add(pkg);
        }
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static void fail(String message) {
        System.err.println("[build] ERROR " + message);
        System.exit(1);
    }

    private AddModuleDescriptor() {
    }
}
