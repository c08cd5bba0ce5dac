package io.sinter.core.api;

import java.util.List;

/**
 * One page of a collection (api.md section 1.7).
 *
 * @param items the page's items
 * @param skip how many items come before it
 * @param top the page size asked for
 * @param more whether items exist after it
 */
public record Page<T>(List<T> items, int skip, int top, boolean more) {

    /** @return the page of {@code skip}/{@code top} from a list fetched with {@code top + 1} rows */
    public static <T> Page<T> of(List<T> fetched, int skip, int top) {
        boolean more = fetched.size() > top;
        return new Page<>(more ? List.copyOf(fetched.subList(0, top)) : List.copyOf(fetched), skip, top, more);
    }
}
