package dev.articleexporter.job;

import dev.articleexporter.render.OutputFormats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Refuses to run a partition in a process whose render settings (page size, PDF profile,
 * image limit, fonts, version: {@link RenderSettings}) differ from those the run was
 * started with. The manager records them in the run's job parameters; a worker on another
 * machine has its own command line, and would otherwise write files that differ from the
 * rest of the run and are rendered again by the next run.
 */
final class SameRenderSettings implements StepExecutionListener {

    /** The job parameter: the manager's {@link RenderSettings#fingerprint}. */
    static final String PARAMETER = "render.settings";

    private final RenderSettings settings;

    private final OutputFormats formats;

    SameRenderSettings(RenderSettings settings, OutputFormats formats) {
        this.settings = settings;
        this.formats = formats;
    }

    @Override
    public void beforeStep(StepExecution step) {
        JobParameters parameters = step.getJobParameters();
        String run = parameters.getString(PARAMETER);
        if (run == null) {
            return; // a run recorded before the settings were
        }
        String here = settings.fingerprint(formats.select(ExportSettings.fromJobParameters(parameters).formats()));
        if (!run.equals(here)) {
            throw new IllegalStateException("this process renders with other settings than the run was started with ("
                    + difference(run, here)
                    + "): give workers the manager's --page-size, --pdf-profile, --max-image-size and --fonts, and the same version");
        }
    }

    /** The parts that differ, as "run page=A4, here page=LETTER". */
    static String difference(String run, String here) {
        List<String> runParts = Arrays.asList(run.split("\\|"));
        List<String> hereParts = Arrays.asList(here.split("\\|"));
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < Math.max(runParts.size(), hereParts.size()); i++) {
            String a = i < runParts.size() ? runParts.get(i) : "";
            String b = i < hereParts.size() ? hereParts.get(i) : "";
            if (!a.equals(b)) {
                differ.add("run " + a + ", here " + b);
            }
        }
        return String.join("; ", differ);
    }

}
