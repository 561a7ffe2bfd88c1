package io.torghut.prober.testsupport;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URI;

/**
 * The management interface of the application under {@code @QuarkusTest}: {@code /q/health} and {@code /q/metrics}
 * live on their own port ({@code quarkus.management.enabled}), which RestAssured's default port does not reach.
 */
public final class ManagementInterface {
    private ManagementInterface() {
    }

    /** {@code http://host:port} of the management interface (its random test port), without the {@code /q} root. */
    public static String origin() {
        URI uri = URI.create(TestHTTPResourceManager.getManagementUri());
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    /** A RestAssured request aimed at the management port; use it for every {@code /q/...} call. */
    public static RequestSpecification management() {
        URI uri = URI.create(origin());
        return RestAssured.given().baseUri(uri.getScheme() + "://" + uri.getHost()).port(uri.getPort());
    }
}
