package io.tandem.auth.boundary;

import io.tandem.auth.entity.User;

import java.util.List;

/** A user as the API shows them: never with the password hash. */
public record UserView(long id, String username, String firstName, String lastName, List<String> roles, Long version) {

    public static UserView of(User user) {
        return new UserView(user.getId(), user.getUsername(), user.getFirstName(), user.getLastName(),
                user.getRoles().stream().sorted().toList(), user.getVersion());
    }
}
