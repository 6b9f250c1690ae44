package io.sessionledger.service;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The settings every service shares, under {@code ledger.*} (each service binds its own settings there too).
 *
 * @param adminKey     the operator's key ({@code LEDGER_ADMIN_KEY}); without one the admin API is closed
 * @param parentPid    exit when this process exits (set by the local launcher)
 * @param maxBodySize  the largest request body a JSON endpoint reads
 * @param adminPaths   path prefixes that take the admin key instead of a tenant's key
 * @param sharedPaths  path prefixes that take the admin key (who sees every tenant) or a tenant's key
 * @param planEveryStatement PostgreSQL: plan every statement with its values (see PostgresBatching)
 */
@ConfigurationProperties("ledger")
public record ServiceProperties(
        String adminKey,
        Long parentPid,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue({"/ledger/v1/api-keys", "/ledger/v1/agents", "/ledger/v1/apps", "/ledger/v1/projections",
                "/ledger/v1/reconciliation", "/ledger/v1/dead-letters", "/ledger/v1/verify",
                "/internal/v1/store-position", "/internal/v1/personal-data-keys"})
        List<String> adminPaths,
        @DefaultValue({"/ledger/v1/sessions", "/ledger/v1/log", "/ledger/v1/export", "/ledger/v1/subjects",
                "/ledger/v1/personal-data"})
        List<String> sharedPaths,
        @DefaultValue("false") boolean planEveryStatement) {
}
