package io.sessionledger.benchmark.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes one run's folder; earlier runs stay next to it for comparison. */
public final class ResultsWriter {

    private ResultsWriter() {
    }

    public static Path write(Path runDir, Results results) throws IOException {
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("results.md"), MarkdownReport.render(results));
        Files.writeString(runDir.resolve("results.json"), JsonReport.render(results));
        Files.writeString(runDir.resolve("plot.html"), PlotHtml.render(results));
        return runDir;
    }
}
