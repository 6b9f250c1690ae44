package io.sessionledger.deploy.edge;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Routes#isPlain} judges every path as its previous form did, which decoded and split each one. */
class RoutesPlainPathTest {

    private static boolean asBefore(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return false;
        }
        String lower = rawPath.toLowerCase();
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\")) {
            return false;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (String segment : decoded.split("/", -1)) {
            String name = segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment;
            if (name.equals(".") || name.equals("..")) {
                return false;
            }
        }
        return true;
    }

    @Test
    void judgesEveryPathAsBefore() {
        String[] parts = {"/", ".", "..", ";", "a", "+", "%2e", "%2E", "%2f", "%5C", "%", "%4", "%41", "\\", "x=1", "é"};
        Random random = new Random(11);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder path = new StringBuilder(random.nextBoolean() ? "/" : "");
            int length = random.nextInt(8);
            for (int i = 0; i < length; i++) {
                path.append(parts[random.nextInt(parts.length)]);
            }
            String raw = path.toString();
            assertThat(Routes.isPlain(raw)).as("%s", raw).isEqualTo(asBefore(raw));
        }
    }

    @Test
    void aLongPathOfSlashesIsCheckedInLinearTime() {
        String slashes = "/".repeat(200_000) + ";";
        assertThat(Routes.isPlain(slashes)).isTrue();
    }
}
