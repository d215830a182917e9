package io.github.finetune4j.core.internal.poll;

import io.github.finetune4j.core.JobListener;

import java.util.List;
import java.util.function.Consumer;

/** Calls listeners so that one that throws is logged and never stops the caller. */
public final class Listeners {
    private static final System.Logger LOG = System.getLogger(Listeners.class.getName());

    private final List<JobListener> listeners;

    /**
     * Wraps listeners.
     *
     * @param listeners the listeners, in call order
     */
    public Listeners(List<JobListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Tells whether anyone listens.
     *
     * @return true if there is at least one listener
     */
    public boolean isEmpty() {
        return listeners.isEmpty();
    }

    /**
     * The level at which progress that listeners also receive is logged: DEBUG when someone listens (the listener
     * shows it; an application's console is not filled twice), INFO otherwise.
     *
     * @return the level
     */
    public System.Logger.Level progressLevel() {
        return listeners.isEmpty() ? System.Logger.Level.INFO : System.Logger.Level.DEBUG;
    }

    /**
     * Calls every listener; a listener that throws is logged at WARNING.
     *
     * @param call the callback to make
     */
    public void fire(Consumer<JobListener> call) {
        for (JobListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "job listener " + listener.getClass().getName() + " threw", e);
            }
        }
    }
}
