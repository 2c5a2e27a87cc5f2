package example.plaintext;

import dev.articleexporter.model.Digest;
import dev.articleexporter.model.Slide;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.Warnings;
import dev.articleexporter.render.DigestWriter;
import dev.articleexporter.render.OutputFormat;
import dev.articleexporter.render.Renderer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A third output format, written the way a plug-in would be: one annotated class, nothing
 * else. It lives outside {@code dev.articleexporter} so that no component scan finds it:
 * a context has it only when a test adds it (see {@code PlainTextFormatFunctionalTests}).
 */
@OutputFormat(name = "txt", extension = "txt", mediaType = "text/plain")
public class PlainTextFormat implements Renderer {

    @Override
    public void render(Story story, OutputStream out, Warnings warnings) throws IOException {
        Writer text = writer(out);
        write(text, story);
        text.flush();
    }

    @Override
    public DigestWriter digestWriter(OutputStream out) {
        Writer text = writer(out);
        return new DigestWriter() {
            @Override
            public void start(Digest digest) throws IOException {
                text.write(digest.title() + "\n" + digest.extent() + "\n");
            }

            @Override
            public void section(Digest.Section section) throws IOException {
                text.write("\n== " + section.name() + " ==\n");
            }

            @Override
            public void article(Digest.Entry entry, Story story) throws IOException {
                text.write("\n" + entry.number() + ". ");
                write(text, story);
            }

            @Override
            public void finish() throws IOException {
                text.flush();
            }
        };
    }

    /** Not closed: the stream is the caller's. */
    private static Writer writer(OutputStream out) {
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    private static void write(Writer text, Story story) throws IOException {
        text.write(story.meta().title() + "\n");
        for (String paragraph : story.intro()) {
            text.write(paragraph + "\n");
        }
        for (Slide slide : story.slides()) {
            text.write("\n" + slide.heading() + "\n");
            for (String paragraph : slide.paragraphs()) {
                text.write(paragraph + "\n");
            }
        }
    }

}
