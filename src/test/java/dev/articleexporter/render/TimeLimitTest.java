package dev.articleexporter.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.articleexporter.model.TestStories;
import dev.articleexporter.render.epub.EpubRenderer;
import dev.articleexporter.render.pdf.PdfRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openpdf.text.ExceptionConverter;

/**
 * The per-article time limit, as the renderers and the streams they write into see it.
 */
class TimeLimitTest {

    /** A limit that is certainly over. */
    private static TimeLimit over() {
        TimeLimit limit = TimeLimit.start(Duration.ofNanos(1));
        while (!limit.expired()) {
            Thread.onSpinWait();
        }
        return limit;
    }

    @Test
    void limitsAreSaidTheWayTheOptionTakesThem() {
        assertThat(TimeLimit.describe(Duration.ofSeconds(60))).isEqualTo("60 s");
        assertThat(TimeLimit.describe(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(TimeLimit.describe(Duration.ofMillis(250))).isEqualTo("250 ms");
        assertThat(TimeLimit.describe(Duration.ofMinutes(2))).isEqualTo("120 s");
        assertThat(new TimeLimitExceededException(Duration.ofSeconds(60))).hasMessage("took longer than 60 s");
    }

    @Test
    void noLimitIsNullZeroOrNegative() throws IOException {
        OutputStream out = new ByteArrayOutputStream();
        for (Duration none : new Duration[] { null, Duration.ZERO, Duration.ofSeconds(-1) }) {
            TimeLimit limit = TimeLimit.start(none);
            assertThat(limit).isSameAs(TimeLimit.NONE);
            assertThat(limit.expired()).isFalse();
            assertThat(limit.guard(out)).isSameAs(out);
        }
        TimeLimit.checkCurrent(); // nothing entered: nothing to check
    }

    @Test
    void theGuardedStreamStopsWritesPastTheLimitWithAnUncheckedException() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TimeLimit generous = TimeLimit.start(Duration.ofMinutes(10));
        OutputStream out = generous.guard(bytes);
        out.write(new byte[3]);
        out.write(7);
        out.flush();
        assertThat(bytes.size()).isEqualTo(4);

        OutputStream late = over().guard(bytes);
        Throwable thrown = catchThrowable(() -> late.write(new byte[3]));
        assertThat(thrown).isInstanceOf(TimeLimitExceededException.class).isNotInstanceOf(IOException.class);
        assertThatThrownBy(late::flush).isInstanceOf(TimeLimitExceededException.class);
        late.close(); // closing is never refused: the caller cleans up
        assertThat(bytes.size()).isEqualTo(4);
    }

    @Test
    void theCurrentThreadsLimitIsCheckedBetweenBlocksUntilTheScopeCloses() {
        TimeLimit limit = over();
        try (TimeLimit.Scope scope = limit.enter()) {
            assertThatThrownBy(TimeLimit::checkCurrent).isInstanceOf(TimeLimitExceededException.class);
        }
        TimeLimit.checkCurrent();
    }

    @Test
    void foundInsideOpenPdfsExceptionConverterAndCauses() {
        TimeLimitExceededException late = new TimeLimitExceededException(Duration.ofSeconds(1));
        assertThat(TimeLimitExceededException.in(new ExceptionConverter(late))).containsSame(late);
        assertThat(TimeLimitExceededException.in(new IOException("wrapped", new ExceptionConverter(late))))
            .containsSame(late);
        IllegalStateException suppressing = new IllegalStateException("closing failed");
        suppressing.addSuppressed(late);
        assertThat(TimeLimitExceededException.in(suppressing)).containsSame(late);
        assertThat(TimeLimitExceededException.in(new IOException("disk full"))).isEmpty();
    }

    @Test
    void aPdfWriterThatRunsOutOfTimeStopsWithTheLimitInItsCauses() {
        // Not entered: the layout does not check, so the first check is a write inside
        // OpenPDF.
        Throwable thrown = catchThrowable(
                () -> new PdfRenderer().render(TestStories.harbourTowns(), over().guard(new ByteArrayOutputStream())));
        assertThat(thrown).isNotNull();
        assertThat(TimeLimitExceededException.in(thrown)).as(String.valueOf(thrown)).isPresent();
    }

    @Test
    void renderersCheckTheLimitBetweenBlocks() {
        TimeLimit limit = over();
        for (Renderer renderer : new Renderer[] { new PdfRenderer(), new EpubRenderer() }) {
            try (TimeLimit.Scope scope = limit.enter()) {
                // Into memory, unguarded: only the renderer's own checks can stop it.
                Throwable thrown = catchThrowable(
                        () -> renderer.render(TestStories.harbourTowns(), new ByteArrayOutputStream()));
                assertThat(TimeLimitExceededException.in(thrown)).as(renderer.getClass().getSimpleName()).isPresent();
            }
        }
    }

    @Test
    void anEpubWriterThatRunsOutOfTimeStopsWithTheLimitInItsCauses() {
        Throwable thrown = catchThrowable(
                () -> new EpubRenderer().render(TestStories.harbourTowns(), over().guard(new ByteArrayOutputStream())));
        assertThat(TimeLimitExceededException.in(thrown)).as(String.valueOf(thrown)).isPresent();
    }

}
