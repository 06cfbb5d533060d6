package io.tandem.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The REST API lives under {@code /api}; the intranet UI is served as static files from {@code /}.
 */
@ApplicationPath("api")
@DeclareRoles({Roles.ADMIN, Roles.MANAGER, Roles.USER})
@OpenAPIDefinition(info = @Info(title = "Tandem", version = "1.0",
        description = "Concurrent-safe business data: optimistic locking, atomic operations, presence and rack audits."))
public class TandemApplication extends Application {
}
