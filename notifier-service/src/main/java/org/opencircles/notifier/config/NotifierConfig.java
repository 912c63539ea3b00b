package org.opencircles.notifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/** When and how the notifier emails staff: digest time, sending cadence, retries and the claim lease. */
@ConfigMapping(prefix = "open-circles.notifier")
public interface NotifierConfig {

    /** Local time of the morning digest, in each subscriber's time zone. */
    @WithDefault("07:00")
    LocalTime digestAt();

    /** Time zone of a subscription that names none. */
    @WithDefault("Europe/London")
    ZoneId defaultTimeZone();

    /** How often subscriptions are checked for a digest that is due ({@code off} to compose only on request). */
    @WithDefault("60s")
    String digestCheckInterval();

    /** How often recorded emails are picked up and sent. */
    @WithDefault("2s")
    String sendInterval();

    /** At most this many emails are claimed per pass, so a backlog is shared between replicas. */
    @WithDefault("20")
    int sendBatch();

    /**
     * A claim older than this whose sender never recorded the outcome (it died between sending and recording) is
     * marked UNCERTAIN rather than sent again: an admin decides, from the sent log, whether to resend it.
     */
    @WithDefault("10m")
    Duration claimLease();

    /** First wait after a transient SMTP failure; doubles per attempt up to {@link #retryMax()}, never gives up. */
    @WithDefault("30s")
    Duration retryFirst();

    @WithDefault("15m")
    Duration retryMax();

    /**
     * Longest wait for the mail server to connect and greet (its 220) before a pass sends anything: a server that
     * does not greet has taken nothing, so its emails are retried later, never marked UNCERTAIN.
     */
    @WithDefault("10s")
    Duration greetingTimeout();

    /**
     * Longest wait for one email once the server has greeted: past it the server may have taken the email, so it is
     * UNCERTAIN rather than sent twice. Shorter than {@link #claimLease()}.
     */
    @WithDefault("60s")
    Duration sendTimeout();

    /** The organiser page's address, for links in emails. */
    String linkBase();
}
