package io.tandem.auth.boundary;

import io.tandem.auth.entity.User;

import java.time.Instant;
import java.util.List;

/**
 * A user as the API shows them: never with the password hash; with who changed them last, when, so the
 * administration screen marks users like any other record.
 */
public record UserView(long id, String username, String firstName, String lastName, List<String> roles, Long version,
                       Instant lastModifiedAt, String lastModifiedBy, Long lastModifiedById) {

    public static UserView of(User user) {
        return new UserView(user.getId(), user.getUsername(), user.getFirstName(), user.getLastName(),
                user.getRoles().stream().sorted().toList(), user.getVersion(),
                user.getLastModifiedAt(), user.getLastModifiedBy(), user.getLastModifiedById());
    }
}
