package io.tidings.api;

import java.security.Principal;

/** Who made a change, as recorded next to it: the user name, or token:NAME for an API token. */
final class Actors {

    private Actors() {
    }

    static String name(Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
