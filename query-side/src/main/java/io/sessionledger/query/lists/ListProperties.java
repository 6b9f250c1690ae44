package io.sessionledger.query.lists;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.lists.*}: how far one filtered list request may scan.
 *
 * @param filterChunk      rows read per statement while filtering in Java
 * @param filterScanBudget rows one filtered page may examine; past it the page is returned short, with a
 *                         page key that resumes after the last row examined
 */
@ConfigurationProperties("ledger.lists")
public record ListProperties(@DefaultValue("200") int filterChunk, @DefaultValue("5000") int filterScanBudget) {

    public ListProperties {
        if (filterChunk < 1 || filterScanBudget < 1) {
            throw new IllegalArgumentException("ledger.lists.filter-chunk and filter-scan-budget must be positive");
        }
    }
}
