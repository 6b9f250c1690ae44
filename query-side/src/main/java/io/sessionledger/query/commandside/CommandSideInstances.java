package io.sessionledger.query.commandside;

import io.sessionledger.query.config.LedgerProperties;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every command-side instance the query side may ask ({@code ledger.command-url}, one URL or several,
 * comma-separated), and the one way to ask them: the instance that answered last first, then the others in turn
 * when it cannot be reached, so that one command side down does not fail reads another could serve. Only an
 * exchange that failed is sent again, never one that got an answer (a 5xx is the instance's answer: every instance
 * shares the store, and another would most likely say the same). Which failures move on depends on the request:
 * see {@link Resend}. A response that does not come in time is not sent again: the caller's bound would multiply.
 */
@Component
public class CommandSideInstances {

    /** May a request be sent to another instance after a failure on the way? */
    public enum Resend {
        /** A read, or a write whose repetition changes nothing: after any failure of the exchange. */
        IDEMPOTENT,
        /** Only when no connection was made: then the request cannot have had an effect. */
        UNLESS_CONNECTED
    }

    private static final Logger log = LoggerFactory.getLogger(CommandSideInstances.class);

    private final List<URI> instances;
    private final AtomicInteger preferred = new AtomicInteger();

    @Autowired
    public CommandSideInstances(LedgerProperties ledger) {
        this(ledger.commandUrls());
    }

    public CommandSideInstances(List<URI> instances) {
        if (instances == null || instances.isEmpty()) {
            throw new IllegalArgumentException("ledger.command-url names no command side");
        }
        this.instances = List.copyOf(instances);
    }

    /**
     * Sends {@code request} (made for one instance's URL of {@code path}) until an instance answers.
     *
     * @throws IOException the last instance's failure, when none answered
     */
    public <T> HttpResponse<T> send(HttpClient http, String path, Function<URI, HttpRequest> request,
                                    HttpResponse.BodyHandler<T> body, Resend resend)
            throws IOException, InterruptedException {
        int first = preferred.get();
        IOException failure = null;
        for (int attempt = 0; attempt < instances.size(); attempt++) {
            int at = (first + attempt) % instances.size();
            URI uri = instances.get(at).resolve(path);
            try {
                HttpResponse<T> response = http.send(request.apply(uri), body);
                preferred.set(at);
                return response;
            } catch (IOException e) {
                failure = e;
                if (!mayResend(e, resend) || attempt == instances.size() - 1) {
                    break;
                }
                log.warn("command side {} not reachable ({}); asking the next", instances.get(at), e.toString());
            }
        }
        throw failure;
    }

    private static boolean mayResend(IOException e, Resend resend) {
        if (e instanceof ConnectException || e instanceof HttpConnectTimeoutException) {
            return true;
        }
        return resend == Resend.IDEMPOTENT && !(e instanceof HttpTimeoutException);
    }
}
