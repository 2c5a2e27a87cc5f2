package dev.articleexporter.web.opds;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The catalog's {@code exporter.opds.*} properties, checked as they are bound.
 *
 * @param pageSize entries per page of an OPDS list
 */
@ConfigurationProperties("exporter.opds")
public record OpdsProperties(@DefaultValue("50") int pageSize) {

    public OpdsProperties {
        if (pageSize < 1) {
            throw new IllegalArgumentException("exporter.opds.page-size must be at least 1, not " + pageSize);
        }
    }
}
