# Entry points. Settings are environment or command-line variables:
#   KERNEL         a tag of kernel-tags (default: the reference, 6.1.176);
#                  another tag works in build/kernels/vTAG
#   WORK_DIR       where downloads, the kernel tree and builds go (./build)
#   KERNEL_SRC     use this git kernel tree (a worktree of it) instead of
#                  Debian's tarball; KERNEL_REF picks the commit (HEAD)
#   KERNEL_TARBALL use this orig tarball (checked against KERNEL_SHA256)
#   CONFIG         one configuration for build/boot (default: all)
#   JOBS           parallel make jobs (nproc); BOOT_TIMEOUT seconds (900)
#   BOOTS          boots per configuration for stress-boot (20)
#   DEBUG_CONFIG   the configuration of make debug and debug-base (x86_64-debug)

SHELL := /bin/bash
# The defaults the scripts use, from scripts/where: the configurations
# (not the opt-in ones, such as make debug's) and the work directory (a
# pinned tag other than the reference, KERNEL=, works in one of its own).
CONFIGS ?= $(shell scripts/where configs)
CONFIG ?= $(CONFIGS)
WORK_DIR ?= $(or $(shell KERNEL='$(KERNEL)' scripts/where work-dir),$(error no work directory for KERNEL=$(KERNEL)))
# The configurations that run the event selftest, for stress-boot.
STRESS_CONFIGS ?= x86_64-notifier arm64-notifier
BOOTS ?= 20

.PHONY: help setup deps kernel base series check-cocci apply answer-key forward-tag test-patch check-patches build boot stress-boot pipeline check test ci clean distclean mail b4 coccicheck results gitlab-ci-local bench debug debug-base

help:
	@echo 'make setup    install packages, fetch and verify the kernel, build and boot every configuration'
	@echo 'make test     fast harness tests, then the whole pipeline (reuses what is built)'
	@echo
	@echo 'make deps     install the Debian packages the pipeline needs (root)'
	@echo 'make kernel   fetch, verify and import the reference kernel'
	@echo 'make base     rewind it to the pre-contextual API (tag base/<ref>-pre)'
	@echo 'make series   regenerate patches/ from series/ and spatch/forward/'
	@echo 'make check-cocci  regenerate in scratch, compare with patches/, run spatch/check/'
	@echo 'make apply    git am patches/ onto the base (branch applied/<ref>)'
	@echo 'make answer-key   compare call sites and consumers with the reference tag'
	@echo 'make forward-tag KERNEL=5.10.223  another tag: the forward semantic patches on its base, against the tag'
	@echo 'make test-patch KERNEL=6.12.107  the event test as a patch for a tag as released: WORK_DIR/test-patch/vTAG'
	@echo 'make check-patches  build and check the series patch by patch'
	@echo 'make build    build CONFIG from the checked-out kernel (default: all of: $(CONFIGS))'
	@echo 'make boot     boot CONFIG under QEMU and run the guest tests'
	@echo 'make stress-boot  boot $(STRESS_CONFIGS) BOOTS times each with every host CPU busy'
	@echo 'make bench    what the series costs: size, stack, instructions per operation (base against series)'
	@echo 'make debug    build and boot $(DEBUG_CONFIG) from the series (lockdep, KASAN, UBSAN, kmemleak; after make apply)'
	@echo 'make debug-base  the same configuration from the base, smoke test only (its known reports)'
	@echo 'make mail     the series as it would be mailed (nothing sent): WORK_DIR/mail'
	@echo 'make b4       the same prepared with b4 prep and b4 send -o (or: make mail B4=1)'
	@echo 'make coccicheck  spatch/check/ under the kernel'"'"'s make coccicheck, on the tag and the base'
	@echo 'make results  JUnit XML and JSON summary of the last pipeline run: WORK_DIR/results'
	@echo 'make gitlab-ci-local  install gitlab-ci-local under $(WORK_DIR)/tools (npm; for make check)'
	@echo 'make check    the fast harness tests only (no kernel build)'
	@echo 'make pipeline the pipeline only: stages, wall times, summary (TAG_BUILDS=1: also build and boot the other tags'"'"' bases)'
	@echo 'make ci       what CI runs: deps, then test'
	@echo 'make clean    remove builds and logs (keeps the kernel tree and downloads)'
	@echo 'make distclean remove the whole work directory ($(WORK_DIR))'

setup: deps pipeline

deps:
	scripts/deps

kernel:
	scripts/get-kernel

base: kernel
	scripts/rewind

series: base
	scripts/series

check-cocci: base
	scripts/check-cocci

apply: base
	scripts/apply

answer-key:
	scripts/answer-key

forward-tag: base
	scripts/forward-tag

test-patch: kernel
	scripts/test-patch

check-patches:
	scripts/check-patches

build: kernel
	@set -e; for c in $(CONFIG); do scripts/build $$c; done

boot:
	@set -e; for c in $(CONFIG); do scripts/boot $$c; done

stress-boot:
	scripts/stress-boot --boots $(BOOTS) $(STRESS_CONFIGS)

# What the series costs: size, stack, instructions per operation (builds
# the base and series kernels it lacks; BENCH_CONFIGS, default: those with
# a "# modules:" line).
bench: base
	scripts/bench --build $(BENCH_CONFIGS)
DEBUG_CONFIG ?= x86_64-debug

debug:
	scripts/debug-boot --variant series $(DEBUG_CONFIG)

debug-base: base
	scripts/debug-boot --variant base $(DEBUG_CONFIG)

pipeline:
	ci/pipeline

mail:
	scripts/mail $(if $(B4),--b4)

b4:
	scripts/mail --b4

coccicheck: base
	scripts/coccicheck

results:
	scripts/results --work-dir $(WORK_DIR)

# gitlab-ci-local 4.56.2: the last release that runs on bookworm's Node 20.
gitlab-ci-local:
	mkdir -p $(WORK_DIR)/tools
	npm install --no-audit --no-fund --prefix $(WORK_DIR)/tools gitlab-ci-local@4.56.2

check:
	tests/run

test: check pipeline

ci: deps test

clean:
	rm -rf $(WORK_DIR)/out $(WORK_DIR)/guest $(WORK_DIR)/logs $(WORK_DIR)/bench $(WORK_DIR)/bench-artifacts

distclean:
	scripts/clean-work
