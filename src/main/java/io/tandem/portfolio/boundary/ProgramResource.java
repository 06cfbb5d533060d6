package io.tandem.portfolio.boundary;

import io.tandem.platform.versioning.VersionedResource;
import io.tandem.portfolio.entity.Program;
import io.tandem.portfolio.entity.Portfolio;
import jakarta.ws.rs.Path;

/** {@code /api/portfolio/programs}: versioned programs. */
@Path("portfolio/programs")
public class ProgramResource extends VersionedResource<Program, Program.Fields> {

    @Override
    protected Class<Program> entityType() {
        return Program.class;
    }

    @Override
    protected Class<Program.Fields> fieldsType() {
        return Program.Fields.class;
    }

    @Override
    protected Program create(Program.Fields fields) {
        references(fields);
        return new Program(fields);
    }

    @Override
    protected void apply(Program entity, Program.Fields fields) {
        references(fields);
        entity.apply(fields);
    }

    private void references(Program.Fields fields) {
        store.reference(Portfolio.class, fields.portfolioId(), "portfolio_id");
    }
}
