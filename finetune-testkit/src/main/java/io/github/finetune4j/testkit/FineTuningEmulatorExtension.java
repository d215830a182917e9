package io.github.finetune4j.testkit;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A JUnit 5 extension that gives every test a fresh, started {@link FineTuningEmulator} and closes it after the
 * test. The emulator is injected into parameters of type {@code FineTuningEmulator} (of test methods,
 * {@code @BeforeEach} and {@code @AfterEach} methods) and into non-static, non-final fields of that type; within
 * one test they all get the same instance.
 *
 * <pre>{@code
 * @ExtendWith(FineTuningEmulatorExtension.class)
 * class MyClientTest {
 *     @Test
 *     void retriesOnRateLimit(FineTuningEmulator emulator) {
 *         emulator.faults().inject(Fault.rateLimit(Duration.ofMillis(10)));
 *         // point the client under test at emulator.baseUrl() with emulator.apiKey() ...
 *     }
 * }
 *
 * class SteppedTest {
 *     @RegisterExtension
 *     static final FineTuningEmulatorExtension EMULATOR = FineTuningEmulatorExtension.using(
 *             () -> FineTuningEmulator.builder().clock(EmulatorClock.manual()));
 *
 *     FineTuningEmulator emulator;          // injected before each test
 * }
 * }</pre>
 *
 * <p>With {@code finetune-openai} on the test class path, parameters and fields of type
 * {@code io.github.finetune4j.core.FineTuneClient} receive a client pointed at the test's emulator, polling every
 * 20 ms, closed after the test before the emulator:
 *
 * <pre>{@code
 * @ExtendWith(FineTuningEmulatorExtension.class)
 * class PipelineTest {
 *     @Test
 *     void trainsAndAnswers(FineTuneClient client) { ... }
 * }
 * }</pre>
 *
 * <p>JUnit Jupiter is an optional dependency of this module: add {@code junit-jupiter-api} to your test
 * dependencies (you have it already if you write JUnit 5 tests). An emulator injected into a parameter of an
 * {@code @BeforeAll} method lives until the end of the class.
 */
public final class FineTuningEmulatorExtension implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FineTuningEmulatorExtension.class);
    private static final String KEY = "emulator";
    private static final String CLIENT_KEY = "client";
    private static final String CLIENT_TYPE = "io.github.finetune4j.core.FineTuneClient";

    private final Supplier<FineTuningEmulator.Builder> builders;

    /**
     * Creates the extension with the defaults of {@link FineTuningEmulator#builder()}. Used by
     * {@code @ExtendWith(FineTuningEmulatorExtension.class)}.
     */
    public FineTuningEmulatorExtension() {
        this(FineTuningEmulator::builder);
    }

    private FineTuningEmulatorExtension(Supplier<FineTuningEmulator.Builder> builders) {
        this.builders = builders;
    }

    /**
     * Creates the extension with a configuration, for {@code @RegisterExtension}. The supplier is called once per
     * test, so create things such as a manual clock inside it.
     *
     * @param builders supplies a configured builder for each test
     * @return the extension, never null
     * @throws NullPointerException if {@code builders} is null
     */
    public static FineTuningEmulatorExtension using(Supplier<FineTuningEmulator.Builder> builders) {
        return new FineTuningEmulatorExtension(Objects.requireNonNull(builders, "builders"));
    }

    /**
     * Injects the test's emulator into the fields of the test instances.
     *
     * @param context the test's context
     * @throws IllegalStateException if a field cannot be set
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Class<?> type = instance.getClass(); type != null && type != Object.class;
                 type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)) {
                        continue;
                    }
                    if (field.getType() == FineTuningEmulator.class) {
                        inject(field, instance, emulator(context));
                    } else if (field.getType().getName().equals(CLIENT_TYPE)) {
                        inject(field, instance, client(context));
                    }
                }
            }
        }
    }

    /**
     * Tells JUnit that this extension supplies parameters of type {@link FineTuningEmulator}.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return true for a {@code FineTuningEmulator} parameter
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == FineTuningEmulator.class || type.getName().equals(CLIENT_TYPE);
    }

    /**
     * Returns the emulator of the current test (or class, for {@code @BeforeAll}), starting it on first use.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return the started emulator
     * @throws ParameterResolutionException if the emulator cannot be started
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        try {
            if (parameterContext.getParameter().getType().getName().equals(CLIENT_TYPE)) {
                return client(extensionContext);
            }
            return emulator(extensionContext);
        } catch (RuntimeException | LinkageError e) {
            throw new ParameterResolutionException("cannot start FineTuningEmulator or its client (a FineTuneClient "
                    + "needs finetune-openai on the test class path): " + e.getMessage(), e);
        }
    }

    private FineTuningEmulator emulator(ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(KEY, key -> new Started(builders.get().start()), Started.class)
                .emulator;
    }

    private Object client(ExtensionContext context) {
        FineTuningEmulator emulator = emulator(context);
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(CLIENT_KEY, key -> io.github.finetune4j.testkit.internal.EmulatorClient
                        .open(emulator), io.github.finetune4j.testkit.internal.EmulatorClient.class)
                .client();
    }

    private static void inject(Field field, Object instance, Object value) {
        try {
            field.setAccessible(true);
            field.set(instance, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot inject into " + field, e);
        }
    }

    /** Closes the emulator when JUnit discards the store of its context. */
    private static final class Started implements ExtensionContext.Store.CloseableResource {
        private final FineTuningEmulator emulator;

        private Started(FineTuningEmulator emulator) {
            this.emulator = emulator;
        }

        @Override
        public void close() {
            emulator.close();
        }
    }
}
