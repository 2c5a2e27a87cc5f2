package dev.articleexporter.render.epub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.model.Story;
import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Slide;
import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.SpineReference;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One paragraph of megabytes, in the intro and in a slide: every XHTML file stays small
 * enough for e-readers, which load a spine item whole, the book passes EPUBCheck and the
 * text comes back whole.
 */
class EpubLongParagraphTest {

    private static final String[] WORDS = ("the harbour town wakes early and the fishing boats leave before sunrise while "
            + "market traders set out their stalls along the quay; prices fall after October — “café” & <tags> ☀ 🙂")
        .split(" ");

    @TempDir
    Path dir;

    static String paragraph(int chars, long seed) {
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder(chars + 32);
        while (b.length() < chars) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void twoMegabyteParagraphsInTheIntroAndASlideStayInSmallFilesAndComeBackWhole() throws Exception {
        String intro = paragraph(2_000_000, 1);
        String body = paragraph(2_000_000, 2);
        Meta meta = new Meta("One Long Paragraph", "Example Desk", null, null, null, null, "en", List.of());
        Story digest = new Story("long", meta, List.of("A short first intro paragraph.", intro),
                List.of(new Slide(1, "The paragraph", null, null, List.of("Before.", body, "After."))), List.of(),
                null);

        byte[] epub = EpubFiles.render(new EpubRenderer(), digest);
        Path file = dir.resolve("long.epub");
        Files.write(file, epub);

        Map<String, byte[]> entries = EpubFiles.unzip(epub);
        entries.forEach((name, bytes) -> {
            if (name.endsWith(".xhtml")) {
                assertThat(bytes.length).as(name).isLessThanOrEqualTo(ArticleDocument.FILE_BUDGET);
            }
        });
        assertThat(entries.get("OEBPS/content.opf").length).as("the description is a blurb, not the intro")
            .isLessThan(8 * 1024);
        EpubCheckAssert.assertValid(file);

        Book book = EpubFiles.read(epub);
        StringBuilder introText = new StringBuilder();
        StringBuilder bodyText = new StringBuilder();
        for (SpineReference ref : book.getSpine().getSpineReferences()) {
            Document page = parse(ref.getResource().getData());
            NodeList paragraphs = page.getElementsByTagName("p");
            for (int i = 0; i < paragraphs.getLength(); i++) {
                Element p = (Element) paragraphs.item(i);
                String container = ((Element) p.getParentNode()).getAttribute("class");
                boolean inIntro = container.startsWith("intro");
                boolean slide = container.startsWith("slide") || container.equals("keep");
                (inIntro ? introText : slide ? bodyText : new StringBuilder()).append(p.getTextContent()).append('\n');
            }
        }
        assertThat(book.getSpine().getSpineReferences().getFirst().getResource().getHref()).isEqualTo("article.xhtml");
        // A paragraph larger than a file is cut into several at white space: joined, they
        // are the paragraph.
        assertThat(introText.toString().replace("\n", "")).isEqualTo("A short first intro paragraph." + intro);
        assertThat(bodyText.toString().replace("\n", "")).isEqualTo("Before." + body + "After.");
        assertThat(book.getMetadata().getDescriptions().getFirst()).isEqualTo("A short first intro paragraph.");
    }

    @Test
    void aLongFirstIntroParagraphIsCutForTheDescription() {
        String intro = paragraph(10_000, 3);
        String description = EpubRenderer.description(intro);
        assertThat(description).hasSizeLessThanOrEqualTo(EpubRenderer.MAX_DESCRIPTION).endsWith("…");
        assertThat(intro).startsWith(description.substring(0, description.length() - 1));
        assertThat(EpubRenderer.description("Short.")).isEqualTo("Short.");
    }

    private static Document parse(byte[] xhtml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml));
    }

}
