package org.opencircles.members.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.jpa.HibernateHints;
import org.opencircles.members.domain.Clp;
import org.opencircles.members.domain.Member;
import org.opencircles.members.domain.PlaceNames;
import org.opencircles.members.domain.Ward;
import org.opencircles.platform.problem.FieldError;

/**
 * Every check a row of an import goes through before it is saved, for an import and its preview alike: CLP and ward
 * resolved, fields and joining rules, the first of a repeated membership number wins (checks on the row alone), then
 * the uploader's scope and the status transitions for members who already exist (checks against the members saved).
 */
@ApplicationScoped
public class ImportRowChecks {

    /** A chunk of rows checked on their own, ready to compare with the members saved: the rows that passed, and why
     * the others were refused, by line. */
    record CheckedChunk(List<MemberRow> rows, List<MemberRow> valid, Map<Integer, List<FieldError>> refused) {}

    /** CLPs and wards as they were when the import started; one query each instead of two per row. */
    record Places(Set<String> clps, Map<String, String> clpOfWard, PlaceNames names) {

        /** The CLPs and wards saved now. */
        static Places load() {
            return QuarkusTransaction.requiringNew().call(() -> {
                List<Clp> clps = Clp.listAll();
                List<Ward> wards = Ward.listAll();
                return new Places(
                        clps.stream().map(c -> c.code).collect(Collectors.toSet()),
                        wards.stream().collect(Collectors.toMap(w -> w.code, w -> w.clpCode)),
                        new PlaceNames(clps, wards));
            });
        }

        /** The row with its CLP and ward, given by code or by name, as codes; or with why they cannot be found. */
        MemberRow resolve(MemberRow row) {
            if (row.details() == null) {
                return row;
            }
            PlaceNames.Match clp = names.clp(row.details().clpCode());
            PlaceNames.Match ward = names.ward(row.details().wardCode(), clp.code());
            List<FieldError> problems = new ArrayList<>();
            if (clp.problem() != null) {
                problems.add(new FieldError("clp", clp.problem()));
            }
            if (ward.problem() != null) {
                problems.add(new FieldError("ward", ward.problem()));
            }
            if (!problems.isEmpty()) {
                return row.refusedFor(problems);
            }
            return row.inPlace(clp.code(), ward.code());
        }
    }

    @Inject
    JoiningChecks checks;

    /**
     * Checks each row's details. A row is a plain record, never a JPA entity, so every property is reachable: the
     * default resolver asked Hibernate ORM whether each one was loaded, about a fifth of the import's own CPU time
     * (JFR, 100,000 rows into the loaded national system).
     */
    private final Validator validator;

    ImportRowChecks(ValidatorFactory validators) {
        this.validator = validators
                .usingContext()
                .traversableResolver(new EveryPropertyReachable())
                .getValidator();
    }

    /** Validation of plain records: nothing is lazily loaded, so nothing needs asking. */
    private static final class EveryPropertyReachable implements TraversableResolver {
        @Override
        public boolean isReachable(
                Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty, ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(
                Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty, ElementType elementType) {
            return true;
        }
    }

    /**
     * The checks a row passes on its own: CLP and ward resolved, fields and joining rules, first of a repeat wins
     * ({@code seen} holds the membership numbers of the file so far).
     */
    CheckedChunk onTheirOwn(
            List<MemberRow> rows, List<String> allowedClps, Places places, Set<String> seen, LocalDate today) {
        List<MemberRow> valid = new ArrayList<>();
        Map<Integer, List<FieldError>> refused = new HashMap<>();
        for (MemberRow read : rows) {
            MemberRow row = places.resolve(read);
            List<FieldError> errors = validate(row, allowedClps, places, today);
            if (errors.isEmpty() && !seen.add(row.membershipNumber())) {
                errors = List.of(new FieldError("membership_number", "appears more than once in this file"));
            }
            if (errors.isEmpty()) {
                valid.add(row);
            } else {
                refused.put(row.line(), errors);
            }
        }
        return new CheckedChunk(List.copyOf(rows), valid, refused);
    }

    /**
     * The checks against the members already saved ({@code existing}, by membership number): the uploader's scope and
     * the status transitions. Rows that pass go to {@code valid}, the others' reasons to {@code refused} by line.
     */
    static void againstExisting(
            List<MemberRow> rows,
            Map<String, Member> existing,
            List<String> allowedClps,
            List<MemberRow> valid,
            Map<Integer, List<FieldError>> refused) {
        for (MemberRow row : rows) {
            List<FieldError> errors = againstExisting(row, existing.get(row.membershipNumber()), allowedClps);
            if (errors.isEmpty()) {
                valid.add(row);
            } else {
                refused.put(row.line(), errors);
            }
        }
    }

    /** The members the rows' membership numbers already belong to, in any CLP, as they are now. */
    static Map<String, Member> existingMembers(List<MemberRow> rows) {
        List<String> numbers = rows.stream()
                .map(MemberRow::membershipNumber)
                .filter(Objects::nonNull)
                .toList();
        if (numbers.isEmpty()) {
            return Map.of();
        }
        // Only compared with the rows (a member that changes is read again where it is saved): read-only, so
        // Hibernate keeps no copy of each to check for changes when this transaction ends. The chunk's numbers go as
        // one array parameter: as an IN list, each chunk's 2,000 parameters were bound and translated one by one.
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Member> found = Member.getEntityManager()
                    .createNativeQuery("select * from member where membership_number = any(?1)", Member.class)
                    .setParameter(1, numbers.toArray(String[]::new))
                    .setHint(HibernateHints.HINT_READ_ONLY, true)
                    .getResultList();
            return found.stream().collect(Collectors.toMap(m -> m.membershipNumber, Function.identity()));
        });
    }

    /**
     * The same rules as the REST API for a row that updates someone: only members of the uploader's CLPs (refused
     * without saying where the member is, as their CLP is personal data too), and only allowed status changes.
     */
    private static List<FieldError> againstExisting(MemberRow row, Member member, List<String> allowedClps) {
        if (member == null) {
            return List.of();
        }
        if (allowedClps != null && !allowedClps.contains(member.clpCode)) {
            return List.of(new FieldError(
                    "membership_number",
                    "belongs to a member of a CLP you do not manage; " + "their own CLP's secretary can update them"));
        }
        if (row.status() != null
                && row.status() != member.status
                && !member.status.next().contains(row.status())) {
            return List.of(new FieldError("status", "a " + member.status + " member cannot become " + row.status()));
        }
        return List.of();
    }

    private List<FieldError> validate(MemberRow row, List<String> allowedClps, Places places, LocalDate today) {
        if (row.details() == null) {
            return row.errors();
        }
        List<FieldError> errors = new ArrayList<>(row.errors());
        for (ConstraintViolation<MemberDetails> v : validator.validate(row.details())) {
            String path =
                    v.getPropertyPath().toString().replaceAll("\\[.*?]", "").replace("<iterable element>", "");
            path = path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
            errors.add(new FieldError(MemberRow.COLUMNS.getOrDefault(path, path), v.getMessage()));
        }
        if (allowedClps != null && !allowedClps.contains(row.details().clpCode())) {
            return List.of(new FieldError(
                    "clp",
                    "you may not import members into CLP " + row.details().clpCode()));
        }
        // Every mistake in the row at once, so a secretary fixes the sheet in one pass (a CLP or ward that could not
        // be found is already said once).
        Set<String> said = errors.stream().map(FieldError::field).collect(Collectors.toSet());
        checks.checkImported(row.details(), today, places.clpOfWard(), places.clps()).stream()
                .map(e -> new FieldError(MemberRow.COLUMNS.getOrDefault(e.field(), e.field()), e.reason()))
                .filter(e -> !(said.contains(e.field()) && Set.of("clp", "ward").contains(e.field())))
                .forEach(errors::add);
        return errors;
    }
}
