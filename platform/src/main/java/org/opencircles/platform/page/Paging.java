package org.opencircles.platform.page;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import org.opencircles.platform.problem.FieldValues;
import org.opencircles.platform.problem.ProblemException;

/** The one paging rule of every list: {@code page} from 0, {@code size} 1 to 200 (50 if not given), else a 400. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** Parses the query parameters, naming the field that is wrong. */
    public static Paging of(String page, String size) {
        int pageNo = FieldValues.parseCount(page, "page", 0, 1_000_000);
        int pageSize = FieldValues.parseCount(size, "size", DEFAULT_SIZE, MAX_SIZE);
        if (pageSize == 0) {
            throw ProblemException.invalidField("size", "must be at least 1");
        }
        return new Paging(pageNo, pageSize);
    }

    /** This page of a query's results, with the query's total: a list in the one shape, paged in the database. */
    public <T> PageView<T> read(PanacheQuery<T> query) {
        return new PageView<>(query.page(page, size).list(), page, size, query.count());
    }
}
