package dev.articleexporter.render;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * Marks a {@link Renderer} as an output format. {@link OutputFormats} finds every bean
 * carrying it, and everything that writes, serves or lists files goes through that
 * registry (the articles, the nightly digest, downloads, the page, the OPDS catalog):
 * adding a format means adding one annotated class; {@code --formats} selects by
 * {@link #name()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface OutputFormat {

    /**
     * Name used on the command line, e.g. {@code pdf}; also the label of its downloads,
     * in capitals.
     */
    String name();

    /** File extension without the dot, e.g. {@code pdf}; no two formats share one. */
    String extension();

    /**
     * Media type of the files, e.g. {@code application/pdf}: served with them and
     * announced by the catalog.
     */
    String mediaType();

    /**
     * Bump when a change to the renderer changes its output: articles exported by an
     * earlier version are then rendered again by the next incremental run.
     */
    String version() default "1";

}
