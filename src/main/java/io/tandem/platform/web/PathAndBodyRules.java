package io.tandem.platform.web;

import io.tandem.platform.json.StrictJson;
import io.tandem.platform.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;

/**
 * Before routing, for every API request: a path works with and without a trailing slash (the seeds use both),
 * and a body is read whole — at most {@code tandem.http.max-body-bytes} (else 413), declared as JSON in UTF-8
 * (else 415), valid UTF-8 holding exactly one complete, not too deeply nested JSON value (else 400). What reaches
 * a resource or JSON-B afterwards is such a body and nothing else, whatever a client sends.
 */
@Provider
@PreMatching
public class PathAndBodyRules implements ContainerRequestFilter {

    /** After the limit, this much more is read and thrown away, so the client gets to read its 413 answer. */
    private static final long DRAIN_BYTES = 4L * 1024 * 1024;

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
        if (!request.hasEntity()) {
            return;
        }
        if (request.getLength() > maxBodyBytes) {
            drain(request.getEntityStream(), DRAIN_BYTES);
            throw tooLarge();
        }
        byte[] body = readBounded(request.getEntityStream());
        if (body.length == 0) {
            request.setEntityStream(InputStream.nullInputStream());
            return;
        }
        requireJson(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
        StrictJson.parse(StrictJson.decode(body));
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    /** {@code application/json}, {@code application/merge-patch+json} or any other {@code +json}, in UTF-8. */
    static void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("A request body needs Content-Type: application/json.");
        }
        String[] parts = contentType.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json") && !(type.startsWith("application/") && type.endsWith("+json"))) {
            throw unsupported("Unsupported Content-Type '" + printable(parts[0].trim())
                    + "'; send application/json (or application/merge-patch+json for PATCH).");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset")) {
                String charset = parameter.length < 2 ? "" : parameter[1].trim().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    throw unsupported("Unsupported charset '" + printable(charset) + "'; JSON bodies are UTF-8.");
                }
            }
        }
    }

    private byte[] readBounded(InputStream in) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                body.write(buffer, 0, n);
                if (body.size() > maxBodyBytes) {
                    drain(in, DRAIN_BYTES);
                    throw tooLarge();
                }
            }
            return body.toByteArray();
        } catch (IOException e) {
            throw Problem.badRequest("The request body could not be read completely.").toException();
        }
    }

    private static void drain(InputStream in, long atMost) {
        try {
            byte[] buffer = new byte[8192];
            for (long read = 0, n; read < atMost && (n = in.read(buffer)) > 0; read += n) {
                // thrown away
            }
        } catch (IOException gone) {
            // the client stopped sending: nothing left to drain
        }
    }

    private RuntimeException tooLarge() {
        return Problem.of(413, "The request body is larger than " + maxBodyBytes + " bytes.").toException();
    }

    private static RuntimeException unsupported(String detail) {
        return Problem.of(415, detail).toException();
    }

    /** A header value quoted back in a problem: printable ASCII only, and short. */
    static String printable(String value) {
        String ascii = value.chars().filter(c -> c >= 0x20 && c < 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return ascii.length() > 60 ? ascii.substring(0, 60) + "…" : ascii;
    }
}
