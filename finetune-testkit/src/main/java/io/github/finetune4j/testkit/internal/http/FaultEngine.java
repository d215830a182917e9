package io.github.finetune4j.testkit.internal.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The queue of injected faults. The first rule that matches a request applies to it and uses up one of its
 * {@code times}. Thread-safe.
 */
public final class FaultEngine {

    private final List<Remaining> rules = new ArrayList<>();
    /** Requests a hang or late-arrival fault holds right now, their bodies received. */
    private final AtomicInteger held = new AtomicInteger();

    /**
     * Adds a rule after the existing ones.
     *
     * @param rule the rule
     */
    public synchronized void add(FaultRule rule) {
        rules.add(new Remaining(rule, rule.times()));
    }

    /**
     * Removes every rule that has not been used up.
     */
    public synchronized void clear() {
        rules.clear();
    }

    /**
     * Counts a request as held (its body received) or released.
     *
     * @param delta +1 when held, -1 when released
     */
    public void held(int delta) {
        held.addAndGet(delta);
    }

    /**
     * Returns how many requests are held right now with their bodies received: each will take effect when released.
     *
     * @return the count
     */
    public int held() {
        return held.get();
    }

    /**
     * Returns how many requests the rules still apply to, in total.
     *
     * @return the count
     */
    public synchronized int pending() {
        return rules.stream().mapToInt(r -> r.left).sum();
    }

    /**
     * Takes the fault for a request, if a rule matches.
     *
     * @param method the request method
     * @param fullPath the decoded full path
     * @param relativePath the decoded path relative to its dialect
     * @return the rule that applies, or empty
     */
    public synchronized Optional<FaultRule> take(String method, String fullPath, String relativePath) {
        for (Iterator<Remaining> it = rules.iterator(); it.hasNext(); ) {
            Remaining remaining = it.next();
            if (remaining.rule.matches(method, fullPath, relativePath)) {
                remaining.left--;
                if (remaining.left == 0) {
                    it.remove();
                }
                return Optional.of(remaining.rule);
            }
        }
        return Optional.empty();
    }

    private static final class Remaining {
        private final FaultRule rule;
        private int left;

        private Remaining(FaultRule rule, int left) {
            this.rule = rule;
            this.left = left;
        }
    }
}
