package dev.mocks3.jobs.run;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import reactor.core.publisher.Flux;

/** Reads a whole table a page at a time, each page after the last key of the one before. */
public final class Pages {
    private Pages() {
    }

    /**
     * Every row {@code pageAfter} finds, asking for pages of {@code size} rows after a key ("" first)
     * until a page comes back short; {@code key} gives a row's key.
     */
    public static <T> Flux<T> all(BiFunction<String, Integer, Flux<T>> pageAfter, Function<T, String> key, int size) {
        return all("", pageAfter, key, size);
    }

    /** As {@link #all(BiFunction, Function, int)} with a cursor of any kind, {@code first} before every row. */
    public static <T, C> Flux<T> all(C first, BiFunction<C, Integer, Flux<T>> pageAfter, Function<T, C> cursor, int size) {
        return pageAfter.apply(first, size).collectList()
                .expand(page -> page.size() < size ? Flux.<List<T>>empty()
                        : pageAfter.apply(cursor.apply(page.get(page.size() - 1)), size).collectList())
                .concatMapIterable(page -> page);
    }
}
