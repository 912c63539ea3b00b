package org.opencircles.members.domain;

/** What happened in a contact; only the outbound kinds that reached the member count as "contacted". */
public enum ContactKind {
    /** The member said they want to get involved: someone must follow up. */
    WANTS_TO_GET_INVOLVED(false),
    CALLED(true),
    MET(true),
    EMAILED(true),
    TEXTED(true),
    /** An attempt that did not reach the member: not yet contacted. */
    NO_ANSWER(false),
    /** The number or address did not reach the member at all. */
    WRONG_NUMBER(false),
    /** The member asked not to be contacted: every consent to contact is withdrawn. */
    DO_NOT_CONTACT(false);

    private final boolean reachedMember;

    ContactKind(boolean reachedMember) {
        this.reachedMember = reachedMember;
    }

    public boolean reachedMember() {
        return reachedMember;
    }
}
