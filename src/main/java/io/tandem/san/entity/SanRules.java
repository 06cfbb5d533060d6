package io.tandem.san.entity;

import io.tandem.platform.problem.Problem;

import java.util.Objects;

/** Rules shared by zones and aliases. */
final class SanRules {

    private SanRules() {
    }

    /** Zones and aliases stay in the project they were created in. */
    static void sameProject(Long current, Long requested) {
        if (requested != null && !Objects.equals(current, requested)) {
            throw Problem.badRequest("project_id cannot be changed; create the item in the other project instead.")
                    .field("project_id").toException();
        }
    }
}
