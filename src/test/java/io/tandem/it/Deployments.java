package io.tandem.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The WAR exactly as the build packaged it, deployed at the root context like in production. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive tandem() {
        File war = new File(System.getProperty("tandem.it.war", "target/tandem.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }
}
