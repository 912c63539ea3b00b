package org.opencircles.platform.security;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Map;

/** Staff sign-in accounts. A deployment behind the party's identity provider would use OIDC instead. */
@ConfigMapping(prefix = "open-circles.staff")
public interface StaffAccounts {

    /** Accounts by user name. */
    Map<String, Account> users();

    /** One staff account. */
    interface Account {
        /** The password; supplied through the environment (OC_DEMO_PASSWORD for the demo), never committed. */
        String password();

        /** Roles (secretary, organiser, youth-officer, data-protection, admin, notifier) plus clp:CODE scope roles. */
        List<String> roles();
    }
}
