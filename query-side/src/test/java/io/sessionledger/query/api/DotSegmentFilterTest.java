package io.sessionledger.query.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DotSegmentFilterTest {

    /** What the filter ran on every request before the character scan: the scan must judge every path alike. */
    private static final Pattern REGEX = Pattern.compile("(^|/)(\\.|%2e){1,2}(/|$)");

    private static boolean byRegex(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        return REGEX.matcher(lower).find() || lower.indexOf('\\') >= 0;
    }

    @Test
    void refusesDotSegmentsPlainOrEncodedAndBackslashes() {
        for (String bad : List.of("/..", "/.", "/a/../b", "/a/./b", "/a/%2e%2e/b", "/a/%2E/b", "/a/.%2E", "/%2e.",
                "..", ".", "/a\\b", "/sessions/..", "/x/..\u0085", "/x/.\r\n")) {
            assertThat(DotSegmentFilter.isMalformed(bad)).as(bad).isTrue();
        }
        for (String good : List.of("/", "/gks-server/v1/sessions/s-1", "/a/.../b", "/a/..b", "/a/b..", "/a/%2e%2e%2e",
                "/a/%2f", "/a/%2", "/a/%2e%", "", "/v2/agents/a.b/sessions/x.y")) {
            assertThat(DotSegmentFilter.isMalformed(good)).as(good).isFalse();
        }
    }

    @Test
    void judgesEveryPathAsTheRegularExpressionDid() {
        String[] parts = {"/", ".", "%2e", "%2E", "%2", "%", "e", "a", "\\", "\u0085", "\r", "\n", "..", "İ"};
        Random random = new Random(11);
        List<String> paths = new ArrayList<>();
        for (int n = 0; n < 200_000; n++) {
            StringBuilder path = new StringBuilder();
            int length = random.nextInt(7);
            for (int i = 0; i < length; i++) {
                path.append(parts[random.nextInt(parts.length)]);
            }
            paths.add(path.toString());
        }
        for (String path : paths) {
            assertThat(DotSegmentFilter.isMalformed(path)).as("%s", path).isEqualTo(byRegex(path));
        }
    }
}
