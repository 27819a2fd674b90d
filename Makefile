# The commands README.md gives a newcomer.
#
#   make          build (configures build/ on first use)
#   make check    install what is missing, build, run every test suite in
#                 the normal build and again under ASan+UBSan (build-asan);
#                 ends with one line "N passed, N failed, N skipped"
#   make check-quick  the suites in the normal build only
#   make demo     boot the default demo guest
#   make clean    remove build/

BUILD ?= build
ASAN_BUILD ?= build-asan
SUITES ?=
export SUITES

.PHONY: all build build-asan check check-quick deps demo clean \
        check-unit check-qtest check-functional

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

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
