package io.tidings.web;

import org.springframework.security.core.Authentication;

/** What the signed-in user may do, so pages show only the buttons that would work (SecurityConfig decides). */
final class Roles {

    private Roles() {
    }

    static boolean isAdmin(Authentication who) {
        return has(who, "ROLE_ADMIN");
    }

    /** Admins and marketers create and apply; salespeople and viewers read. */
    static boolean canWrite(Authentication who) {
        return has(who, "ROLE_ADMIN") || has(who, "ROLE_MARKETER");
    }

    private static boolean has(Authentication who, String authority) {
        return who != null && who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }
}
