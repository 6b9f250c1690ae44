package io.sessionledger.service.errors;

import java.util.List;
import org.springframework.stereotype.Component;

/** Picks the error format of the dialect that owns a path; the ledger's format for every other path. */
@Component
public class ErrorFormats {

    private final List<DialectErrors> dialects;

    public ErrorFormats(List<DialectErrors> dialects) {
        this.dialects = List.copyOf(dialects);
    }

    public DialectErrors forPath(String path) {
        for (DialectErrors dialect : dialects) {
            if (path != null && dialect.owns(path)) {
                return dialect;
            }
        }
        return LedgerErrors.INSTANCE;
    }
}
