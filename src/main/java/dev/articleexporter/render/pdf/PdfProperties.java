package dev.articleexporter.render.pdf;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The PDF format's {@code exporter.pdf.*} properties and their defaults:
 * {@code --page-size}, {@code --font-dirs} and {@code --pdf-profile} set them, and
 * default to the same constant. Registered by {@link PdfRenderer}, so a context that
 * makes only the renderer has them. A page size other than A4 or letter stops the start
 * with the sentence the renderer uses; the font folders are checked when the renderer is
 * made.
 *
 * @param pageSize {@code A4} or {@code letter}, case-insensitive
 * @param fontDirs extra font folders, comma-separated, {@code ~} for the home folder; may
 * be empty
 * @param profile what the PDFs claim ({@code --pdf-profile}): {@code archive} (PDF/A-2a,
 * tagged PDF/UA-1) or {@code none}
 */
@ConfigurationProperties("exporter.pdf")
public record PdfProperties(@DefaultValue(PdfProperties.DEFAULT_PAGE_SIZE) String pageSize,
        @DefaultValue("") String fontDirs, @DefaultValue(PdfProfile.DEFAULT) PdfProfile profile) {

    public static final String DEFAULT_PAGE_SIZE = "A4";

    public PdfProperties {
        // throws, naming the property, for any size but A4 or letter
        PageSetup.of(pageSize);
        fontDirs = fontDirs == null ? "" : fontDirs;
        profile = profile == null ? PdfProfile.ARCHIVE : profile;
    }
}
