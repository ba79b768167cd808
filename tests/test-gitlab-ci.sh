# shellcheck shell=bash
# .gitlab-ci.yml: valid YAML of the shape GitLab reads, its matrices cover
# every configuration and packaged tag, and its jobs call only make targets
# of the Makefile and scripts of the repository. When gitlab-ci-local is
# installed under the work directory (make gitlab-ci-local), it must also
# accept the file (GitLab's own schema) and list every matrix job.

GITLAB_CI_LOCAL=${GITLAB_CI_LOCAL:-$PROJECT_ROOT/build/tools/node_modules/.bin/gitlab-ci-local}

# Every command of the jobs (before_script, script, after_script), one a line.
gitlab_commands() {
	python3 - "$1" <<'PY'
import sys, yaml
ci = yaml.safe_load(open(sys.argv[1]))
default = ci.get('default', {})
for name, job in ci.items():
    if not isinstance(job, dict) or 'script' not in job:
        continue
    for key in ('before_script', 'script', 'after_script'):
        for line in job.get(key, default.get(key, []) if key == 'before_script' else []):
            print(line)
PY
}

test_gitlab_ci_shape() {
	python3 - "$PROJECT_ROOT" <<'PY'
import os, sys, yaml
root = sys.argv[1]
ci = yaml.safe_load(open(os.path.join(root, '.gitlab-ci.yml')))
stages = ci['stages']
jobs = {n: j for n, j in ci.items() if isinstance(j, dict) and 'script' in j}
assert jobs, 'no jobs'
for name, job in jobs.items():
    assert job.get('stage') in stages, '%s: stage %r not in %r' % (name, job.get('stage'), stages)
    for need in job.get('needs', []):
        assert need in jobs, '%s needs unknown job %s' % (name, need)
        assert stages.index(jobs[need]['stage']) < stages.index(job['stage']), '%s needs a later job' % name
def opt_in(name):
    for line in open(os.path.join(root, 'configs', name + '.config')):
        if line.startswith('# pipeline:') and 'opt-in' in line.split():
            return True
    return False
every = sorted(f[:-7] for f in os.listdir(os.path.join(root, 'configs')) if f.endswith('.config'))
configs = [c for c in every if not opt_in(c)]
# An opt-in configuration (make debug) has a job of its own, started by hand.
if any(opt_in(c) for c in every):
    assert ci['debug']['when'] == 'manual', 'debug: not a manual job'
    assert sorted(ci['debug']['parallel']['matrix'][0]['VARIANT']) == ['base', 'series'], 'debug: not both variants'
tags = [l.split()[2] for l in open(os.path.join(root, 'kernel-tags')) if l.strip() and not l.startswith('#') and len(l.split()) == 5]
reference = [l.split()[2] for l in open(os.path.join(root, 'kernel-tags')) if l.strip().endswith(' reference')][0]
def as_list(v):
    return v if isinstance(v, list) else [v]
assert sorted(tags) == sorted(ci['kernels']['parallel']['matrix'][0]['KERNEL']), 'kernels: not every tag'
cells = set()
for row in ci['build-boot']['parallel']['matrix']:
    for k in as_list(row['KERNEL']):
        for c in as_list(row['CONFIG']):
            for v in as_list(row['VARIANT']):
                assert c in configs, 'build-boot: no configs/%s.config' % c
                cells.add((k, c, v))
for c in configs:
    for v in ('base', 'series'):
        assert (reference, c, v) in cells, 'build-boot lacks %s %s %s' % (reference, c, v)
for t in tags:
    assert (t, 'x86_64-notifier', 'base') in cells, 'build-boot lacks tag %s' % t
assert ci['build-boot']['artifacts']['reports']['junit'] == 'results/junit.xml'
assert ci['default']['cache']['paths'] == ['.ccache/'] and ci['variables']['CCACHE_DIR'].endswith('/.ccache')
assert 'build/' in ci['kernels']['artifacts']['paths']
# make bench compares the configurations that build the benchmark's module.
def has_modules(name):
    return any(l.startswith('# modules:') for l in open(os.path.join(root, 'configs', name + '.config')))
bench = sorted(c for c in configs if has_modules(c))
assert sorted(ci['bench']['parallel']['matrix'][0]['CONFIG']) == bench, 'bench: not the configurations with a "# modules:" line: %s' % bench
PY
}

# check_targets FILE: every make target and script its jobs call exists.
check_targets() {
	local line target script n=0
	while IFS= read -r line; do
		while read -r target; do
			grep -qE "^$target:" "$PROJECT_ROOT/Makefile" || fail "a job calls 'make $target', which the Makefile lacks"
			n=$((n + 1))
		done < <(grep -oE '(^|[;&|] *|then +)make [a-z-]+' <<<"$line" | awk '{ print $NF }')
		while read -r script; do
			[[ -x $PROJECT_ROOT/$script ]] || fail "a job calls $script, which does not exist"
			n=$((n + 1))
		done < <(grep -oE '(^|[;&|] *|then +)(scripts|ci)/[a-z-]+' <<<"$line" | grep -oE '(scripts|ci)/[a-z-]+')
	done < <(gitlab_commands "$1")
	((n >= 10)) || fail "found only $n commands in $1"
}

test_gitlab_ci_calls_only_existing_targets() {
	check_targets "$PROJECT_ROOT/.gitlab-ci.yml"
}

# The checker is not vacuous: a job calling a target that does not exist fails it.
test_gitlab_ci_checker_catches_a_missing_target() {
	sed 's/make check-cocci/make no-such-target/' "$PROJECT_ROOT/.gitlab-ci.yml" >ci.yml
	expect_fail "calls 'make no-such-target'" bash -c ". '$PROJECT_ROOT/tests/lib.sh'; . '$PROJECT_ROOT/tests/test-gitlab-ci.sh'; check_targets ci.yml"
	sed 's|scripts/boot |scripts/no-such-script |' "$PROJECT_ROOT/.gitlab-ci.yml" >ci.yml
	expect_fail "calls scripts/no-such-script" bash -c ". '$PROJECT_ROOT/tests/lib.sh'; . '$PROJECT_ROOT/tests/test-gitlab-ci.sh'; check_targets ci.yml"
}

test_gitlab_ci_local_accepts_it() {
	if [[ ! -x $GITLAB_CI_LOCAL ]]; then
		echo "gitlab-ci-local not installed ($GITLAB_CI_LOCAL): make gitlab-ci-local"
		return 0
	fi
	mkdir repo
	cp "$PROJECT_ROOT/.gitlab-ci.yml" repo/
	git -C repo init -q
	(cd repo && "$GITLAB_CI_LOCAL" --list) >list 2>&1 || { cat list >&2; fail "gitlab-ci-local rejects .gitlab-ci.yml"; }
	grep -q 'json schema validated' list || { cat list >&2; fail "gitlab-ci-local did not validate the schema"; }
	[[ $(grep -c '^build-boot: \[' list) -eq 8 ]] || { cat list >&2; fail "gitlab-ci-local does not list the 8 build-boot jobs"; }
}
