package org.opencircles.actions.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.opencircles.events.SafeguardingPayloads;
import org.opencircles.events.Topics;
import org.opencircles.platform.consumer.EventHandler;
import org.opencircles.platform.consumer.ReceivedEvent;

/** Keeps which CLPs have no safeguarding lead of their own, so the organiser's dashboard can say so. */
@ApplicationScoped
public class SafeguardingCoverConsumer implements EventHandler {

    @Inject
    EntityManager em;

    @Override
    public String topic() {
        return Topics.SAFEGUARDING_COVER;
    }

    @Override
    public void apply(ReceivedEvent event) {
        switch (event.type()) {
            case SAFEGUARDING_COVER_CHANGED -> {
                SafeguardingPayloads.CoverChanged cover = event.payload(SafeguardingPayloads.CoverChanged.class);
                em.createNativeQuery("""
                                insert into safeguarding_cover (clp_code, own_lead, fallback) values (?1, ?2, ?3)
                                on conflict (clp_code) do update
                                set own_lead = excluded.own_lead, fallback = excluded.fallback""")
                        .setParameter(1, cover.clpCode())
                        .setParameter(2, cover.ownLead())
                        .setParameter(3, cover.fallback())
                        .executeUpdate();
            }
            default -> {
                // No other type travels on this topic today.
            }
        }
    }
}
