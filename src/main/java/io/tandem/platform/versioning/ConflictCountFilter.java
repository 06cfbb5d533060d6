package io.tandem.platform.versioning;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import java.util.SortedMap;
import java.util.logging.Logger;

/**
 * Counts the version conflicts a request met ({@link ConflictTally}) in the database once its answer is made: its
 * transaction is over by then, so the count holds no lock or connection of the request's and cannot undo its
 * changes, and it is written before the answer leaves, so whoever got a 409 then finds it counted. Counting that
 * fails is logged and leaves the answer as it is.
 */
@Provider
public class ConflictCountFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(ConflictCountFilter.class.getName());

    @Inject
    ConflictTally tally;

    @Inject
    ConflictCounts counts;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (tally.isEmpty()) {
            return;
        }
        SortedMap<String, Long> met = tally.drain();
        try {
            counts.add(met);
        } catch (RuntimeException notCounted) {
            LOG.warning(() -> "version_conflict_not_counted entity_types=" + met.keySet() + " cause=" + notCounted);
        }
    }
}
