package io.tandem.platform.web;

import io.tandem.platform.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Before routing: every path works with and without a trailing slash (the seeds use both), and request bodies
 * larger than {@code tandem.http.max-body-bytes} are refused with 413, whether or not they declare a length.
 */
@Provider
@PreMatching
public class PathAndBodyRules implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "tandem.http.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            request.setRequestUri(UriBuilder.fromUri(uri).replacePath(path.replaceAll("/+$", "")).build());
        }
        if (request.getLength() > maxBodyBytes) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedStream(request.getEntityStream(), maxBodyBytes));
        }
    }

    private ProblemTooLarge tooLarge() {
        return new ProblemTooLarge(maxBodyBytes);
    }

    /** A 413 problem; unchecked so it can leave a stream read. */
    static final class ProblemTooLarge extends io.tandem.platform.problem.ProblemException {
        ProblemTooLarge(long limit) {
            super(Problem.of(413, "The request body is larger than " + limit + " bytes."));
        }
    }

    private final class LimitedStream extends FilterInputStream {
        private long remaining;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            remaining -= n;
            if (remaining < 0) {
                throw tooLarge();
            }
        }
    }
}
