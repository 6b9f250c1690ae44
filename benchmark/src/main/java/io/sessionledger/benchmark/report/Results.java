package io.sessionledger.benchmark.report;

import io.sessionledger.benchmark.createpath.CreatePathReport;
import io.sessionledger.benchmark.reference.ReferenceResult;
import java.util.List;
import java.util.Map;

/**
 * Everything one run produced, in the order it was measured.
 *
 * @param createPath costs per create and the naive peer beside the ledger, or null when creates did not run
 * @param audit      what hashing and sealing cost a create, or null when the audit section did not run
 */
public record Results(String startedAt, String baseUrl, Map<String, Object> settings,
                      List<ReferenceResult> reference, List<Row> rows, List<String> notes,
                      CreatePathReport createPath, AuditCosts audit) {
}
