package io.sessionledger.command.api.web;

import java.util.List;
import org.springframework.stereotype.Component;

/** Picks the error format of the dialect that owns a path. */
@Component
public class ErrorFormats {

    private final List<DialectErrors> dialects;

    public ErrorFormats(List<DialectErrors> dialects) {
        this.dialects = dialects;
    }

    public DialectErrors forPath(String path) {
        return dialects.stream().filter(dialect -> dialect.owns(path)).findFirst().orElseThrow();
    }
}
