package io.sessionledger.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestFactoryTest {

    @Test
    void interleavedFactoriesTakeTurnsAndEachSeesEveryNumberOnce() {
        RequestFactory a = n -> get("/a/" + n);
        RequestFactory b = n -> get("/b/" + n);
        RequestFactory both = RequestFactory.interleave(List.of(a, b));
        Set<String> paths = new HashSet<>();
        for (long n = 0; n < 10; n++) {
            paths.add(both.request(n).uri().getPath());
        }

        assertThat(both.request(0).uri().getPath()).isEqualTo("/a/0");
        assertThat(both.request(1).uri().getPath()).isEqualTo("/b/0");
        assertThat(both.request(5).uri().getPath()).isEqualTo("/b/2");
        assertThat(paths).hasSize(10);
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:1" + path)).GET().build();
    }
}
