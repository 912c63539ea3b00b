package org.opencircles.mentoring.domain;

/** What mentors offer and mentees want to learn: the leadership programme's skills. */
public enum Skill {
    ORGANISING,
    COMMUNICATION,
    CAMPAIGNING,
    FUNDRAISING,
    PUBLIC_SPEAKING,
    DIGITAL,
    POLICY
}
