package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.model.Page;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class LazyPagedIterableTest {
    private final List<Optional<String>> requested = new ArrayList<>();

    private LazyPagedIterable<String> pages(List<Page<String>> answers) {
        return new LazyPagedIterable<>(Optional.empty(), cursor -> {
            requested.add(cursor);
            return answers.get(requested.size() - 1);
        });
    }

    @Test
    void nothingIsFetchedBeforeIteration() {
        LazyPagedIterable<String> items = pages(List.of(Page.of(List.of("a"), null)));

        items.iterator();

        assertThat(requested).isEmpty();
    }

    @Test
    void followsCursorsUntilTheLastPage() {
        LazyPagedIterable<String> items = pages(List.of(Page.of(List.of("a", "b"), "b"), Page.of(List.of("c"), null)));

        assertThat(items.stream().collect(Collectors.toList())).containsExactly("a", "b", "c");
        assertThat(requested).containsExactly(Optional.empty(), Optional.of("b"));
    }

    @Test
    void stopsOnAnEmptyPage() {
        LazyPagedIterable<String> items = pages(List.of(Page.of(List.of("a"), "a"), Page.of(List.of(), "z")));

        assertThat(items.stream().collect(Collectors.toList())).containsExactly("a");
        assertThat(requested).hasSize(2);
    }

    @Test
    void stopsWhenTheCursorDoesNotAdvance() {
        LazyPagedIterable<String> items = pages(List.of(Page.of(List.of("a"), "a"), Page.of(List.of("b"), "a"),
                Page.of(List.of("never"), null)));

        assertThat(items.stream().collect(Collectors.toList())).containsExactly("a", "b");
        assertThat(requested).hasSize(2);
    }

    @Test
    void limitStopsFetchingFurtherPages() {
        LazyPagedIterable<String> items = pages(List.of(Page.of(List.of("a", "b"), "b"), Page.of(List.of("c"), null)));

        assertThat(items.stream().limit(2).collect(Collectors.toList())).containsExactly("a", "b");
        assertThat(requested).hasSize(1);
    }

    @Test
    void eachIteratorStartsFromTheFirstPage() {
        List<Page<String>> answers = List.of(Page.of(List.of("a"), null), Page.of(List.of("a"), null));
        LazyPagedIterable<String> items = pages(answers);

        items.forEach(x -> { });
        items.forEach(x -> { });

        assertThat(requested).containsExactly(Optional.empty(), Optional.empty());
    }
}
