package org.opencircles.mentoring.service;

import org.opencircles.mentoring.domain.Concern;
import org.opencircles.mentoring.domain.MentoringSession;

/**
 * A CDI event: a session was logged with "I have a concern". {@link ConcernService} observes it, raises the concern on
 * the session's pairing (which suspends it) and points the session at it, in the same transaction. An event rather
 * than a call because concerns depend on pairings, never the other way round.
 */
public record ConcernInSession(MentoringSession session, Concern.Category category, String account, String by) {}
