package io.tandem.portfolio.boundary;

import io.tandem.platform.versioning.VersionedResource;
import io.tandem.portfolio.entity.Portfolio;
import jakarta.ws.rs.Path;

/** {@code /api/portfolio/portfolios}: versioned portfolios. */
@Path("portfolio/portfolios")
public class PortfolioResource extends VersionedResource<Portfolio, Portfolio.Fields> {

    @Override
    protected Class<Portfolio> entityType() {
        return Portfolio.class;
    }

    @Override
    protected Class<Portfolio.Fields> fieldsType() {
        return Portfolio.Fields.class;
    }

    @Override
    protected Portfolio create(Portfolio.Fields fields) {
        references(fields);
        return new Portfolio(fields);
    }

    @Override
    protected void apply(Portfolio entity, Portfolio.Fields fields) {
        references(fields);
        entity.apply(fields);
    }

    private void references(Portfolio.Fields fields) {
        // refers to nothing else
    }
}
