package io.tandem.platform;

import java.util.Set;

/** The three roles every user holds some of; names are used verbatim as security groups. */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String MANAGER = "MANAGER";
    public static final String USER = "USER";
    public static final Set<String> ALL = Set.of(ADMIN, MANAGER, USER);

    private Roles() {
    }
}
