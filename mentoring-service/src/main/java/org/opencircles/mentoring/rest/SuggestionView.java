package org.opencircles.mentoring.rest;

import org.opencircles.mentoring.service.PairingService;

import java.util.List;
import java.util.UUID;

/** A mentor suggested for a mentee, and why. */
public record SuggestionView(UUID mentorId, String clpCode, boolean sameClp, List<String> sharedSkills,
                             int capacityLeft, int score) {

    static SuggestionView of(PairingService.Suggestion s) {
        return new SuggestionView(s.mentorId(), s.clpCode(), s.sameClp(), s.sharedSkills(), s.capacityLeft(),
                s.score());
    }
}
