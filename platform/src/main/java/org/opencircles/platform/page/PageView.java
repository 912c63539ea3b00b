package org.opencircles.members.rest;

import java.util.List;

/** One page of a list, with the total so a client can page through it. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
