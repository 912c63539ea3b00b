package org.opencircles.mentoring.rest;

import java.util.List;
import java.util.UUID;
import org.opencircles.mentoring.service.PairingService;

/** A mentor suggested for a mentee, and why. */
public record SuggestionView(
        UUID mentorId, String clpCode, boolean sameClp, List<String> sharedSkills, int capacityLeft, int score) {

    static SuggestionView of(PairingService.Suggestion s) {
        return new SuggestionView(
                s.mentorId(), s.clpCode(), s.sameClp(), s.sharedSkills(), s.capacityLeft(), s.score());
    }
}
