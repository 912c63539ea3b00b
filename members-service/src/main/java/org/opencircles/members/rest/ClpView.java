package org.opencircles.members.rest;

import java.util.List;
import org.opencircles.members.domain.Clp;
import org.opencircles.members.domain.Ward;

/** A CLP with its wards. */
public record ClpView(String code, String name, String region, List<WardView> wards) {

    /** A ward. */
    public record WardView(String code, String clpCode, String name) {
        public static WardView of(Ward w) {
            return new WardView(w.code, w.clpCode, w.name);
        }
    }

    public static ClpView of(Clp clp, List<Ward> wards) {
        return new ClpView(
                clp.code, clp.name, clp.region, wards.stream().map(WardView::of).toList());
    }
}
