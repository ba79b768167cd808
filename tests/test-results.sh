# shellcheck shell=bash
# scripts/results: JUnit XML and the JSON summary of a finished run, from a
# fake work directory; both validated (xmllint against tests/schema/junit.xsd,
# tests/schema/validate-json.py against summary.schema.json).

SCHEMA=$PROJECT_ROOT/tests/schema

fake_work_dir() {
	mkdir -p work/logs work/answer-key
	printf '%s\t%s\t%s\n' kernel ok 36 rewind ok 90 'series-boot-x86_64-notifier' 'FAILED (exit 1)' 15 \
		'series-boot-arm64-notifier' ok 11 stress-boot 'skipped (needs series-boot-x86_64-notifier)' 0 \
		>work/logs/pipeline-stages.tsv
	cat >work/logs/boot-x86_64-notifier.log <<'LOG'
[    0.000000] Linux version 6.1.176
MMNR PLAN smoke 2
MMNR RESULT smoke.mprotect PASS write to a read-only page faults
MMNR RESULT smoke.munmap FAIL page still mapped after munmap
[    3.000000] test invoked oom-killer: gfp_mask=0x140dca
[    3.000001] Call trace:
[    3.000002] Out of memory: Killed process 42 (test)
MMNR EXIT smoke 1
MMNR PLAN hmm-tests 1
MMNR RESULT hmm-tests.hmm_device_coherent SKIP no device coherent memory <&>
MMNR EXIT hmm-tests 0
# event-table: munmap | UNMAP | UNMAP | ok
# event-table: mprotect | PROTECTION_VMA | CLEAR | MISMATCH
MMNR CONTRACT unmap 40 2 3 1 0
MMNR CONTRACT missing 12 0 0 0 0
MMNR END
LOG
	cat >work/logs/boot-arm64-notifier.log <<'LOG'
MMNR PLAN smoke 1
MMNR RESULT smoke.mprotect PASS fine
[   12.000000] Unable to handle kernel paging request at virtual address 0
LOG
	printf 'init|mm/memory.c|f|MMU_NOTIFY_CLEAR|vma|mm|a|b|0|NULL\nuse|mm/x.c|g|event\n' >work/answer-key/reference.txt
	printf 'init|mm/memory.c|f|MMU_NOTIFY_CLEAR|vma|mm|a|b|0|NULL\nuse|mm/x.c|g|flags\n' >work/answer-key/result.txt
	cp work/answer-key/result.txt work/answer-key/result-all.txt
	printf 'line 1\n### stage series-boot-x86_64-notifier\nbooting\nboot x86_64-notifier: FAILED\n### stage series-boot-x86_64-notifier: FAILED (exit 1) in 0m15s\n' >pipeline.log
}

validate() {
	command -v xmllint >/dev/null || fail "xmllint is not installed (make deps: libxml2-utils)"
	expect_ok xmllint --noout --schema "$SCHEMA/junit.xsd" "$1/junit.xml"
	expect_ok python3 "$SCHEMA/validate-json.py" "$SCHEMA/summary.schema.json" "$1/summary.json"
}

test_results_junit_and_json_are_valid() {
	fake_work_dir
	expect_ok "$S/results" --work-dir work --log pipeline.log
	expect_output 'junit.xml \(11 test cases, 3 failed, 2 skipped\)'
	validate work/results
}

test_results_junit_names_stages_and_guest_results() {
	fake_work_dir
	expect_ok "$S/results" --work-dir work --log pipeline.log
	python3 - work/results/junit.xml <<'PY'
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = {s.get('name'): s for s in root}
assert list(suites) == ['pipeline', 'boot-arm64-notifier', 'boot-x86_64-notifier'], list(suites)
case = {(s.get('name'), c.get('name')): c for s in root for c in s}
stage = case[('pipeline', 'series-boot-x86_64-notifier')]
assert stage.find('failure').get('message') == 'FAILED (exit 1)'
assert stage.find('failure').text == 'booting\nboot x86_64-notifier: FAILED', stage.find('failure').text
assert case[('pipeline', 'stress-boot')].find('skipped').get('message') == 'skipped (needs series-boot-x86_64-notifier)'
assert case[('pipeline', 'kernel')].get('time') == '36' and len(list(case[('pipeline', 'kernel')])) == 0
fail = case[('boot-x86_64-notifier', 'smoke.munmap')].find('failure')
assert fail.get('message') == 'page still mapped after munmap' and 'MMNR PLAN smoke 2' in fail.text
assert case[('boot-x86_64-notifier', 'smoke.munmap')].get('classname') == 'boot.x86_64-notifier.smoke'
skip = case[('boot-x86_64-notifier', 'hmm-tests.hmm_device_coherent')].find('skipped')
assert skip.get('message') == 'no device coherent memory <&>'
assert case[('boot-x86_64-notifier', 'console')].find('failure') is None
console = case[('boot-arm64-notifier', 'console')].find('failure')
assert console.get('message').startswith('no MMNR END') and 'Unable to handle kernel' in console.text
assert root.get('tests') == '11' and root.get('failures') == '3' and root.get('skipped') == '2'
PY
}

test_results_json_summary_counts() {
	fake_work_dir
	expect_ok "$S/results" --work-dir work
	python3 - work/results/summary.json <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s['passed'] is False
assert s['totals'] == {'stages': 5, 'ok': 3, 'failed': 1, 'skipped': 1, 'seconds': 152}, s['totals']
assert [c['name'] for c in s['configs']['booted']] == ['arm64-notifier', 'x86_64-notifier']
x86 = s['configs']['booted'][1]
assert x86['results'] == {'pass': 1, 'fail': 1, 'skip': 1} and x86['ended'] is True
assert s['configs']['booted'][0]['kernel_trouble'] == 1
assert s['event_table']['x86_64-notifier'][1] == {'scenario': 'mprotect', 'expected': 'PROTECTION_VMA', 'observed': 'CLEAR', 'verdict': 'MISMATCH'}
assert s['answer_key']['call_sites'] == {'reference': 1, 'result': 1, 'matching': 1}
assert s['answer_key']['consumers'] == {'reference': 1, 'result': 1, 'matching': 0}
assert 'x86_64-notifier' in s['configs']['defined']
assert s['contract'] == {'x86_64-notifier': {
    'unmap': {'checked': 40, 'sampled': 2, 'unchecked': 3, 'violations': 1, 'unexplained': 0},
    'missing': {'checked': 12, 'sampled': 0, 'unchecked': 0, 'violations': 0, 'unexplained': 0}}}, s['contract']
PY
}

# Without a stage excerpt in the log, a failed boot stage carries the
# tail of its console.
test_results_boot_failure_without_log_has_console_tail() {
	fake_work_dir
	expect_ok "$S/results" --work-dir work --out res
	grep -q 'MMNR END' res/junit.xml || fail "the failed boot stage lacks its console tail"
	validate res
}

# The validators are not vacuous: they reject what CI engines could not read.
test_results_validators_reject_broken_output() {
	fake_work_dir
	expect_ok "$S/results" --work-dir work
	sed 's/<testcase classname="pipeline" name="kernel"/<testcase classname="pipeline"/' work/results/junit.xml >bad.xml
	expect_fail 'name.*required|fails to validate' xmllint --noout --schema "$SCHEMA/junit.xsd" bad.xml
	sed 's/"seconds": 36/"seconds": "36"/' work/results/summary.json >bad.json
	expect_fail 'seconds|not of type' python3 "$SCHEMA/validate-json.py" "$SCHEMA/summary.schema.json" bad.json
}

# A tag as released (ci/pipeline's released-vX stages): its four facts in
# summary.json, read from the stages and its boot in the tag's released/
# work directory, and a JUnit case per tag, failed when one fact is false.
test_results_released_per_tag() {
	mkdir -p work/logs work/kernels/v6.12.107/released/logs work/kernels/v5.10.223/released/logs
	printf '%s\t%s\t%s\n' released-v6.12.107-patch ok 8 released-v6.12.107-build-x86_64-notifier ok 700 \
		released-v6.12.107-boot-x86_64-notifier ok 300 released-v5.10.223-patch ok 9 \
		released-v5.10.223-build-x86_64-notifier 'FAILED (exit 2)' 60 \
		released-v5.10.223-boot-x86_64-notifier 'skipped (needs released-v5.10.223-build-x86_64-notifier)' 0 \
		>work/logs/pipeline-stages.tsv
	printf 'MMNR PLAN x 1\nMMNR RESULT x.y PASS\n# event-table: munmap | mn unmap vma=none (exact) | mn unmap vma=none x1 | ok\nMMNR END\n' \
		>work/kernels/v6.12.107/released/logs/boot-x86_64-notifier.log
	expect_ok "$S/results" --work-dir work
	validate work/results
	python3 - work/results <<'PY' || fail "released results wrong"
import json, sys
import xml.etree.ElementTree as ET
s = json.load(open(sys.argv[1] + '/summary.json'))['released']
assert set(s) == {'v6.12.107', 'v5.10.223'}, s
t = s['v6.12.107']
assert (t['applied'], t['built'], t['booted'], t['passed']) == (True, True, True, True), t
assert t['event_table']['x86_64-notifier'][0]['scenario'] == 'munmap', t
t = s['v5.10.223']
assert (t['applied'], t['built'], t['booted'], t['passed']) == (True, False, False, False), t
suite = [x for x in ET.parse(sys.argv[1] + '/junit.xml').getroot() if x.get('name') == 'released'][0]
cases = {c.get('name'): c for c in suite}
assert cases['v6.12.107'].find('failure') is None
assert cases['v5.10.223'].find('failure').get('message') == 'not built, booted, passed'
PY
}
