package dev.articleexporter.web.opds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriUtils;

/**
 * Fetches what a catalog links to, as a reader app would: hrefs are resolved against the
 * address of the document they came from. Catalog addresses go to the controller through
 * MockMvc; {@code /files/NAME} (the download endpoint, not in this branch) is mapped to
 * {@code NAME} in the output folder, exactly what that endpoint serves.
 *
 * @param contextPath the server's context path, "" for none
 */
record CatalogClient(MockMvc mvc, Path output, String contextPath) {

    static final String HOST = "http://reader.example:8080";

    record Response(int status, String contentType, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The catalog root's address. */
    String root() {
        return HOST + contextPath + "/opds";
    }

    /** {@code href} resolved against {@code base}, as an absolute address. */
    static String resolve(String base, String href) {
        return URI.create(base).resolve(href).toString();
    }

    boolean isFile(String address) {
        return URI.create(address).getRawPath().startsWith(contextPath + "/files/");
    }

    /** GET a catalog address (absolute, or root-relative). */
    Response get(String address) throws Exception {
        URI uri = URI.create(address);
        assertThat(isFile(address)).as("a catalog address, not a file: %s", address).isFalse();
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders
            .get(URI.create(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
        if (!contextPath.isEmpty()) {
            request.contextPath(contextPath);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        return new Response(response.getStatus(), response.getContentType(), response.getContentAsByteArray());
    }

    /**
     * The output folder's file a {@code /files/} address stands for; fails unless it is
     * one of its files.
     */
    Path file(String address) {
        String path = URI.create(address).getRawPath();
        assertThat(path).startsWith(contextPath + "/files/");
        String segment = path.substring((contextPath + "/files/").length());
        assertThat(segment).as("one path segment").doesNotContain("/");
        String name = UriUtils.decode(segment, StandardCharsets.UTF_8);
        assertThat(name).doesNotContain("/", "\\").doesNotStartWith(".");
        Path file = output.resolve(name);
        assertThat(file.getParent()).isEqualTo(output);
        assertThat(Files.isRegularFile(file)).as("%s is a file of the output folder", name).isTrue();
        return file;
    }
}
