package io.tandem.stock.boundary;

import io.tandem.platform.versioning.VersionedResource;
import io.tandem.stock.entity.Product;
import jakarta.ws.rs.Path;

/** {@code /api/products}: versioned products. */
@Path("products")
public class ProductsResource extends VersionedResource<Product, Product.Fields> {

    @Override
    protected Class<Product> entityType() {
        return Product.class;
    }

    @Override
    protected Class<Product.Fields> fieldsType() {
        return Product.Fields.class;
    }

    @Override
    protected Product create(Product.Fields fields) {
        return new Product(fields);
    }

    @Override
    protected void apply(Product entity, Product.Fields fields) {
        entity.apply(fields);
    }
}
