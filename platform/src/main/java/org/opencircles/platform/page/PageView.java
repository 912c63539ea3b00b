package org.opencircles.platform.page;

import java.util.List;

/** One page of a list, with the total so a client can page through it: the one list shape of every service. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
