package org.skyshare.profiles;

import java.util.Collection;

/** Asked for a profile id that no profile has; the message lists the ids that exist. */
public class UnknownProfileException extends IllegalArgumentException {
    public UnknownProfileException(String what, String id, Collection<String> known) {
        super("unknown " + what + " '" + id + "'; known " + what + " ids: " + String.join(", ", known));
    }
}
