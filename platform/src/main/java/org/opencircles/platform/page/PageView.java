package org.opencircles.platform.page;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the total so a client can page through it: the one list shape of every service. */
public record PageView<T>(List<T> items, int page, int size, long total) {

    /** The same page with each item shown another way (entity to view). */
    public <R> PageView<R> map(Function<? super T, ? extends R> view) {
        return new PageView<>(items.stream().<R>map(view).toList(), page, size, total);
    }

    /** A whole list that is small by nature (a mentee's suggestions, the CLPs), as one page holding all of it. */
    public static <T> PageView<T> whole(List<T> items) {
        return new PageView<>(List.copyOf(items), 0, items.size(), items.size());
    }
}
