#!/usr/bin/env bash
# Loads the demo: the four CLPs from the field notes with their wards, a membership list imported as CSV, contacts,
# the commitments made at "Connecting to Win", a small mentoring programme, and who on the staff hears about what by
# email (with a safeguarding concern and this morning's digests in the mail server). Safe to run twice.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || { log "Installing jq"; as_root apt-get install -y -qq jq >/dev/null 2>&1 || { as_root apt-get update -qq && as_root apt-get install -y -qq jq >/dev/null; }; }

M=http://127.0.0.1:8081; A=http://127.0.0.1:8082; T=http://127.0.0.1:8083; N=http://127.0.0.1:8084
# One token per person, fetched up front (they last 5 minutes; the demo takes well under one).
declare -A TOKENS
for person in "${STAFF[@]}"; do
  TOKENS[$person]=$(token "$person")
  [ -n "${TOKENS[$person]}" ] || { echo "Could not sign in as $person at $OIDC_ISSUER" >&2; exit 1; }
done
bearer() { printf 'Authorization: Bearer %s' "${TOKENS[$1]}"; }
call() { # user method url [json]
  curl -s -H "$(bearer "$1")" -X "$2" -H 'Content-Type: application/json' "$3" ${4:+-d "$4"}
}

log "Demo: CLPs and wards"
while IFS='|' read -r code name region wards; do
  call admin POST "$M/clps" "{\"code\":\"$code\",\"name\":\"$name\",\"region\":\"$region\"}" >/dev/null
  IFS=',' read -ra list <<< "$wards"
  for w in "${list[@]}"; do
    call admin POST "$M/clps/$code/wards" "{\"code\":\"${w%%=*}\",\"name\":\"${w##*=}\"}" >/dev/null
  done
done <<'CLPS'
DWN|Dulwich and West Norwood|London|DWN-HERNE-HILL=Herne Hill,DWN-KNIGHTS-HILL=Knights Hill,DWN-THURLOW-PARK=Thurlow Park
ISN|Islington North|London|ISN-HIGHBURY=Highbury,ISN-TOLLINGTON=Tollington,ISN-JUNCTION=Junction
CRN|Crewe and Nantwich|North West|CRN-CREWE-CENTRAL=Crewe Central,CRN-NANTWICH-NORTH=Nantwich North and West
CHT|Cheltenham|South West|CHT-ALL-SAINTS=All Saints,CHT-LECKHAMPTON=Leckhampton
CLPS

log "Demo: importing the membership list (scripts/demo/members.csv)"
job=$(curl -s -H "$(bearer organiser-national)" -H 'Content-Type: text/csv' --data-binary @"$ROOT/scripts/demo/members.csv" \
  "$M/imports?fileName=members.csv" | jq -r .id)
for _ in $(seq 1 100); do
  status=$(call organiser-national GET "$M/imports/$job" | jq -r .status)
  [ "$status" = COMPLETED ] && break; sleep 0.2
done
call organiser-national GET "$M/imports/$job" | jq -c '{status, totalRows, createdRows, unchangedRows, failedRows}'

ids() { call organiser-national GET "$M/members?clp=$1&status=ACTIVE&ageBand=$2&size=200" | jq -r '.items[].id'; }
mapfile -t dwn_adults < <(ids DWN ADULT_27_PLUS); mapfile -t isn_adults < <(ids ISN ADULT_27_PLUS)
mapfile -t crn_adults < <(ids CRN ADULT_27_PLUS); mapfile -t cht_adults < <(ids CHT ADULT_27_PLUS)
mapfile -t dwn_young < <(ids DWN UNDER_18); mapfile -t isn_young < <(ids ISN YOUTH_18_TO_26)

log "Demo: contacts (someone wants to get involved, someone was called)"
call sec-dwn POST "$M/members/${dwn_adults[0]}/contacts" '{"kind":"WANTS_TO_GET_INVOLVED","notes":"Wants to help with the youth programme"}' >/dev/null
call sec-dwn POST "$M/members/${dwn_adults[1]}/contacts" '{"kind":"CALLED","notes":"Coming to the next ward meeting"}' >/dev/null

commit() { # user clp kind title owner [target]
  local due body
  due=$(date -d '+90 days' +%F)
  body=$(jq -nc --arg clp "$2" --arg kind "$3" --arg title "$4" --arg owner "$5" --arg due "$due" --arg target "${6:-}" \
    '{clpCode:$clp, kind:$kind, title:$title, madeAt:"Connecting to Win, Liverpool", ownerMemberIds:[$owner], dueOn:$due}
     + (if $target == "" then {} else {targetPence: ($target|tonumber)} end)')
  for _ in $(seq 1 150); do # members reach actions-service through Kafka, normally within a second
    code=$(curl -s -o /tmp/oc-commit.json -w '%{http_code}' -H "$(bearer "$1")" -H 'Content-Type: application/json' \
      -X POST "$A/commitments" -d "$body")
    [ "$code" = 201 ] && { jq -r .id /tmp/oc-commit.json; return; }
    sleep 0.2
  done
  echo "could not record commitment '$4': $(cat /tmp/oc-commit.json)" >&2; return 1
}
if [ "$(call organiser-national GET "$A/commitments" | jq .total)" = 0 ]; then
  log "Demo: commitments made at Connecting to Win"
  commit sec-dwn DWN YOUTH_MENTORING_PROGRAMME "Start a local party youth mentoring programme" "${dwn_adults[2]}" >/dev/null
  fund=$(commit sec-dwn DWN FUNDRAISING "Raise money for a local organiser" "${dwn_adults[3]}" 2500000)
  call sec-dwn POST "$A/commitments/$fund/progress" '{"raisedPence":412000,"note":"Quiz night and ten new standing orders"}' >/dev/null
  commit sec-isn ISN REAL_PLANS_SECTION "A section in every meeting for real plans to improve the community" "${isn_adults[0]}" >/dev/null
  commit sec-isn ISN LEADERSHIP_PROGRAMME "Leadership programme: organising, communication, campaigning" "${isn_adults[1]}" >/dev/null
  commit sec-crn CRN CAMPAIGN "A campaign that really meets members' interests" "${crn_adults[0]}" >/dev/null
  commit sec-crn CRN COMMON_PURPOSE_DOCUMENT "Write a common purpose document with members and the community" "${crn_adults[1]}" >/dev/null
  commit sec-cht CHT CAMPAIGN "Press for police bike patrols in Cheltenham" "${cht_adults[0]}" >/dev/null
fi

log "Demo: mentors and mentees"
mentor() { # member checked?
  local check='{"level":"NONE"}' training=null
  if [ "$2" = yes ]; then
    check=$(jq -nc --arg i "$(date -d '-6 months' +%F)" --arg e "$(date -d '+30 months' +%F)" \
      '{level:"ENHANCED_WITH_BARRED_LIST", reference:"001234567890", issuedOn:$i, expiresOn:$e}')
    training="\"$(date -d '-2 months' +%F)\""
  fi
  for _ in $(seq 1 50); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "$(bearer youth-officer)" -H 'Content-Type: application/json' \
      -X POST "$T/mentors" -d "{\"memberId\":\"$1\",\"skills\":[\"ORGANISING\",\"CAMPAIGNING\",\"COMMUNICATION\"],\"capacity\":2,\"check\":$check,\"trainingCompletedOn\":$training}")
    [ "$code" != 422 ] && break; sleep 0.2
  done
}
mentor "${dwn_adults[4]}" yes; mentor "${isn_adults[2]}" no
for m in "${dwn_young[@]}" "${isn_young[@]}"; do
  call youth-officer POST "$T/mentees" "{\"memberId\":\"$m\",\"goals\":[\"CAMPAIGNING\",\"ORGANISING\"]}" >/dev/null
done
checked=$(call youth-officer GET "$T/mentors?size=200" | jq -r --arg m "${dwn_adults[4]}" '.items[] | select(.memberId == $m) | .id')
waiting=$(call youth-officer GET "$T/mentees?status=WAITING&clp=DWN" | jq -r '.items[0].id // empty')
if [ -n "$checked" ] && [ -n "$waiting" ]; then
  pairing=$(call youth-officer POST "$T/pairings" "{\"mentorId\":\"$checked\",\"menteeId\":\"$waiting\"}" | jq -r '.id // empty')
  [ -n "$pairing" ] && call youth-officer POST "$T/pairings/$pairing/activate" '{}' >/dev/null
fi

log "Demo: who hears about what by email (notifier subscriptions)"
subscribe() { # person display-name role clp-codes-json
  call admin POST "$N/subscriptions" "{\"recipient\":\"$1@staff.open-circles.example\",\"displayName\":\"$2\",\"role\":\"$3\",\"clpCodes\":$4}" >/dev/null
}
subscribe sec-dwn "Dulwich and West Norwood secretary" secretary '["DWN"]'
subscribe sec-isn "Islington North secretary" secretary '["ISN"]'
subscribe organiser-london "London organiser" organiser '["DWN","ISN"]'
subscribe youth-officer "Youth officer" youth-officer '["*"]'
subscribe dsl-london "London safeguarding lead" safeguarding-lead '["DWN","ISN"]'
# Concerns in CLPs with no lead of their own (CRN, CHT) go to the national lead at once; the DPO is the last fallback.
subscribe dsl-national "National safeguarding lead" safeguarding-lead '["*"]'
subscribe dpo "Data protection officer" data-protection '["*"]'

if [ -n "$waiting" ] && [ "$(call dsl-london GET "$T/concerns" | jq -r '.total')" = 0 ]; then
  log "Demo: a safeguarding concern about a Dulwich mentee (the safeguarding lead is emailed at once)"
  call youth-officer POST "$T/concerns" "{\"subjectType\":\"MENTEE\",\"subjectId\":\"$waiting\",\"category\":\"WELLBEING\",\"account\":\"Seemed withdrawn after the last session and asked not to be paired with anyone for now.\",\"occurredOn\":\"$(date +%F)\"}" >/dev/null
fi
# Follow-ups reach the notifier through actions-service and Kafka within seconds.
for _ in $(seq 1 100); do
  [ "$(call admin GET "$N/emails?kind=IMMEDIATE&status=SENT" | jq -r '.total // 0')" -ge 1 ] && break; sleep 0.3
done
log "Demo: this morning's digests, composed now rather than at 07:00"
call admin POST "$N/digests" | jq -c .
for _ in $(seq 1 50); do
  [ "$(call admin GET "$N/emails?status=PENDING" | jq -r '.total // 0')" = 0 ] \
    && [ "$(call admin GET "$N/emails?status=SENDING" | jq -r '.total // 0')" = 0 ] && break; sleep 0.3
done
call admin GET "$N/emails?size=20" | jq -r '.items[] | "  \(.status)  \(.kind)  \(.recipient)  \(.subject)"'

sleep 2
log "Demo loaded. Dulwich and West Norwood, as an organiser sees it:"
call organiser-london GET "$A/dashboard/DWN" | jq -r '.story[] | "  - " + .'
