#!/usr/bin/env bash
# Tamper drill (issue 9): on a running ledger whose event store is PostgreSQL, does what an insider with write
# access to the database could do to one session of its own making (alter a payload, alter metadata, delete an
# event, swap two, insert one), shows the ledger's verification naming each, undoes each at once, then shows the
# offline verifier accepting the session's export and refusing a doctored copy. Needs curl, psql and a built
# verifier (mvn -q -pl verifier -am -DskipTests package).
#
#   verifier/tamper-drill.sh BASE_URL ADMIN_KEY DATABASE_URL
#   e.g. LEDGER_DB_URL=jdbc:postgresql://127.0.0.1:5432/ledger LEDGER_DB_USER=postgres deploy/run-local.sh, then
#        verifier/tamper-drill.sh http://localhost:8080 "$ADMIN" postgresql://postgres@127.0.0.1:5432/ledger
#
# Only the drill's own session is touched, each change is undone before the next, and the forged extra event gets
# a negative store position, which the publisher (reading forward from its position) never sends to Kafka.
set -euo pipefail
BASE="$1" ADMIN="$2" DB="$3"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VERIFIER="$HERE/target/ledger-verifier.jar"
[[ -f "$VERIFIER" ]] || { echo "build the verifier first: mvn -q -pl verifier -am -DskipTests package" >&2; exit 2; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
sql() { psql -qAtX -v ON_ERROR_STOP=1 "$DB" -c "$1"; }
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" | head -1; }

KEY="$(curl -sf -X POST "$BASE/ledger/v1/api-keys" -H "x-api-key: $ADMIN" -H 'content-type: application/json' \
  -d '{"tenantId":"drill","name":"tamper drill"}' | field key)"
ID="drill-$(date +%s)-$RANDOM"
AGGREGATE="drill:$ID"
genesys() { curl -sf -o /dev/null -X POST "$BASE/gks-server/v1/sessions/$ID" -H "x-api-key: $KEY" "$@"; }
genesys
genesys -H "gkc_customerId: customer-$ID"
genesys -H "gkc_customerId: customer-$ID" -H "gkc_agentId: agent-1"
genesys -H "gkc_customerId: customer-$ID" -H 'content-type: application/json' -d "{\"visitId\":\"visit-$ID\"}"
echo "session $ID: $(sql "select count(*) from domain_event_entry where aggregate_identifier = '$AGGREGATE'") events"

BACKUP="tamper_drill_$(date +%s)"
sql "create table $BACKUP as select * from domain_event_entry where aggregate_identifier = '$AGGREGATE'"
restore() {
  sql "begin; delete from domain_event_entry where aggregate_identifier = '$AGGREGATE';
       insert into domain_event_entry select * from $BACKUP; commit;"
}
trap 'restore; sql "drop table if exists $BACKUP"; rm -rf "$WORK"' EXIT

verify() { curl -s "$BASE/ledger/v1/sessions/$ID/verify" -H "x-api-key: $KEY"; echo; }
show() {
  printf '%-44s %s\n' "$1" "$(verify)"
  restore
}

printf '%-44s %s\n' "untouched" "$(verify)"
sql "update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), '\"enc:v1:', '\"enc:v1:0'), 'UTF8')
     where aggregate_identifier = '$AGGREGATE' and sequence_number = 1"
show "altered payload (event 1's sealed customer)"
sql "update domain_event_entry set meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), '\"tenantId\":\"drill\"', '\"tenantId\":\"other\"'), 'UTF8')
     where aggregate_identifier = '$AGGREGATE' and sequence_number = 2"
show "altered metadata (event 2's tenant)"
sql "delete from domain_event_entry where aggregate_identifier = '$AGGREGATE' and sequence_number = 1"
show "deleted event 1"
sql "delete from domain_event_entry where aggregate_identifier = '$AGGREGATE' and sequence_number = 3"
show "deleted event 3 (the last)"
sql "begin;
     update domain_event_entry set sequence_number = -1 where aggregate_identifier = '$AGGREGATE' and sequence_number = 1;
     update domain_event_entry set sequence_number = 1 where aggregate_identifier = '$AGGREGATE' and sequence_number = 2;
     update domain_event_entry set sequence_number = 2 where aggregate_identifier = '$AGGREGATE' and sequence_number = -1;
     commit;"
show "swapped events 1 and 2"
sql "insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type,
       time_stamp, payload_type, payload_revision, payload, meta_data)
     select -extract(epoch from now())::bigint, gen_random_uuid()::text, aggregate_identifier, 4, type, time_stamp,
       payload_type, payload_revision, payload, meta_data
     from domain_event_entry where aggregate_identifier = '$AGGREGATE' and sequence_number = 3"
show "inserted a copy of event 3 as event 4"
printf '%-44s %s\n' "after undoing everything" "$(verify)"

# Offline: the session's export against a checkpoint that covers it, checked without the server.
curl -sf "$BASE/ledger/v1/log/public-key" -H "x-api-key: $KEY" > "$WORK/key.txt"
LAST_LEAF="$(curl -sf "$BASE/ledger/v1/sessions/$ID/events" -H "x-api-key: $KEY" | grep -o '"leafIndex":[0-9]*' | tail -1 | cut -d: -f2)"
for _ in $(seq 1 100); do
  curl -sf "$BASE/ledger/v1/log/checkpoint" -H "x-api-key: $KEY" > "$WORK/checkpoint.txt"
  SIZE="$(sed -n 2p "$WORK/checkpoint.txt")"
  (( SIZE > LAST_LEAF )) && break
  sleep 0.2
done
curl -sf "$BASE/ledger/v1/sessions/$ID/export?treeSize=$SIZE" -H "x-api-key: $KEY" > "$WORK/export.jsonl"
offline() {
  local status=0
  printf '%-44s ' "$1"
  java -jar "$VERIFIER" export --public-key "$WORK/key.txt" --checkpoint "$WORK/checkpoint.txt" "$2" || status=$?
  echo "    (exit status $status)"
}
offline "offline: the export as served" "$WORK/export.jsonl"
sed '3s/"enc:v1:/"enc:v1:0/g' "$WORK/export.jsonl" > "$WORK/doctored.jsonl"
offline "offline: event 1's sealed customer edited" "$WORK/doctored.jsonl"
sed '3s/"sequence":1/"sequence":7/' "$WORK/export.jsonl" > "$WORK/renumbered.jsonl"
offline "offline: event 1's sequence edited" "$WORK/renumbered.jsonl"
sed '3d' "$WORK/export.jsonl" > "$WORK/dropped.jsonl"
offline "offline: event 1's line dropped" "$WORK/dropped.jsonl"
