package org.opencircles.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencircles.members.config.MembershipConfig;
import org.opencircles.members.domain.AgeBand;
import org.opencircles.members.domain.Clp;
import org.opencircles.members.domain.Ward;
import org.opencircles.platform.problem.FieldError;
import org.opencircles.platform.time.CivilTime;

/** Rules a member's details must meet beyond their shape: a real CLP and ward, the joining age, a minor's guardian. */
@ApplicationScoped
public class JoiningChecks {

    @Inject
    MembershipConfig rules;

    /** Every rule the request breaks; empty when it may be saved. Wards are looked up in the database. */
    public List<FieldError> check(MemberDetails r, LocalDate today) {
        Ward ward = r.wardCode() == null ? null : Ward.findById(r.wardCode());
        boolean clpExists = r.clpCode() != null && Clp.findById(r.clpCode()) != null;
        return check(r, today, clpExists, ward == null ? null : ward.clpCode);
    }

    /**
     * For a row of an imported list, against a preloaded ward-to-CLP map. Exports rarely carry guardian details, and
     * membership does not wait for them: a minor without a guardian is saved and flagged (guardian consent missing),
     * and the consent is collected afterwards; mentoring and contact wait for it.
     */
    public List<FieldError> checkImported(
            MemberDetails r, LocalDate today, Map<String, String> clpOfWard, Set<String> clps) {
        return check(r, today, clps.contains(r.clpCode()), clpOfWard.get(r.wardCode()), true);
    }

    private List<FieldError> check(MemberDetails r, LocalDate today, boolean clpExists, String wardClp) {
        return check(r, today, clpExists, wardClp, false);
    }

    // Package-private: the rule itself, without the database, for unit tests.
    List<FieldError> check(
            MemberDetails r, LocalDate today, boolean clpExists, String wardClp, boolean guardianMayFollow) {
        List<FieldError> errors = new ArrayList<>();
        if (!clpExists) {
            errors.add(new FieldError("clpCode", "no CLP has code '" + r.clpCode() + "'"));
        } else if (wardClp == null) {
            errors.add(new FieldError("wardCode", "no ward has code '" + r.wardCode() + "'"));
        } else if (!wardClp.equals(r.clpCode())) {
            errors.add(new FieldError("wardCode", "ward " + r.wardCode() + " is not in CLP " + r.clpCode()));
        }
        if (r.dateOfBirth() != null) {
            LocalDate joined = r.joinedOn() == null ? today : r.joinedOn();
            int ageAtJoining = Period.between(r.dateOfBirth(), joined).getYears();
            if (ageAtJoining < rules.minimumJoiningAge()) {
                errors.add(new FieldError(
                        "dateOfBirth", "members must be at least " + rules.minimumJoiningAge() + " when they join"));
            }
            boolean minor = CivilTime.under(r.dateOfBirth(), AgeBand.ADULT_AGE, today);
            if (minor && r.guardian() == null && !guardianMayFollow) {
                errors.add(new FieldError("guardian", "a parent or guardian is required for members under 18"));
            } else if (minor
                    && r.guardian() != null
                    && isBlank(r.guardian().email())
                    && isBlank(r.guardian().phone())) {
                errors.add(new FieldError("guardian.email", "a guardian needs an email or a phone number"));
            }
        }
        if (r.joinedOn() != null && r.dateOfBirth() != null && r.joinedOn().isBefore(r.dateOfBirth())) {
            errors.add(new FieldError("joinedOn", "must not be before the date of birth"));
        }
        return errors;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
