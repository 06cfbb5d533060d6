package io.tandem.platform.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Takes out what Payara Micro adds to the served document that is not OpenAPI: a top-level {@code endpoints} map
 * (its own list of the application's URLs), which validators reject ("attribute endpoints is unexpected"). It
 * exists only on Payara's model class, so this reaches it by reflection; on other servers there is nothing to do.
 */
public class StandardDocument implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI document) {
        try {
            // Empty rather than null: Payara copies the map for every request, and leaves empty members out.
            document.getClass().getMethod("setEndpoints", Map.class).invoke(document, new TreeMap<String, Set<String>>());
        } catch (NoSuchMethodException notPayara) {
            // nothing to take out
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot take Payara's endpoints out of the OpenAPI document", e);
        }
    }
}
