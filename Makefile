# The commands README.md gives a newcomer.
#
#   make          build (configures build/ on first use)
#   make check    install what is missing, build, run every test suite in
#                 the normal build and again under ASan+UBSan (build-asan);
#                 ends with one line "N passed, N failed, N skipped"
#   make check-quick  the suites in the normal build only
#   make demo     boot the default demo guest
#   make bench-tcg    the TCG benchmark against native and Debian's QEMU
#   make clean    remove build/

BUILD ?= build
ASAN_BUILD ?= build-asan
SUITES ?=
export SUITES

.PHONY: all build build-asan check check-quick deps demo clean \
        check-unit check-qtest check-functional bench-tcg

all: build

$(BUILD)/build.ninja:
	./configure --builddir=$(BUILD)

build: $(BUILD)/build.ninja
	ninja -C $(BUILD)

deps:
	./scripts/install-deps.sh

$(ASAN_BUILD)/build.ninja:
	./configure --builddir=$(ASAN_BUILD) --enable-sanitizers

build-asan: $(ASAN_BUILD)/build.ninja
	ninja -C $(ASAN_BUILD)

check: deps
	$(MAKE) build build-asan
	./scripts/run-tests.sh $(BUILD) $(ASAN_BUILD)

check-quick: build
	./scripts/run-tests.sh $(BUILD)

check-unit check-qtest check-functional: build
	SUITES=$(@:check-%=%) ./scripts/run-tests.sh $(BUILD)

demo: build
	./scripts/demo.sh $(BUILD)

# The TCG benchmark (not part of make check): static workloads natively,
# under build/qemu-x86_64 and under Debian's qemu-x86_64.
bench-tcg: build
	mkdir -p $(BUILD)/bench-tcg
	gcc -static -O2 -o $(BUILD)/bench-tcg/workloads \
	    tests/bench/tcg/workloads.c -lm
	python3 tests/bench/tcg/bench.py $(BUILD)/qemu-x86_64 \
	    $(BUILD)/bench-tcg/workloads

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
