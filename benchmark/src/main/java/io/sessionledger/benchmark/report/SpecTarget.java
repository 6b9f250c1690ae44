package io.sessionledger.benchmark.report;

import io.sessionledger.benchmark.load.Latency;
import java.util.Locale;

/** A SPEC 8 latency target a row is judged against, in its note: met or missed, never asserted. */
public record SpecTarget(String figure, double p99Millis) {

    public static final SpecTarget GET_BY_ID = new SpecTarget("get by id, 1,000,000 stored", 5);
    public static final SpecTarget FILTERED_PAGE = new SpecTarget("filtered list page, 1,000,000 stored", 10);

    public String judge(Latency latency) {
        String target = String.format(Locale.ROOT, "SPEC 8 target p99 < %s ms (%s): ",
                MarkdownReport.num(p99Millis, 0), figure);
        if (latency == null || latency.count() == 0) {
            return target + "no successful request to judge";
        }
        return target + (latency.p99() < p99Millis ? "met" : "missed");
    }
}
