# The commands README.md gives a newcomer.
#
#   make          build (configures build/ on first use)
#   make check    install what is missing, build, run every test suite;
#                 ends with one line "N passed, N failed, N skipped"
#   make demo     boot the default demo guest
#   make clean    remove build/

BUILD ?= build
SUITES ?=

.PHONY: all build check deps demo clean check-unit check-qtest \
        check-functional

all: build

$(BUILD)/build.ninja:
	./configure --builddir=$(BUILD)

build: $(BUILD)/build.ninja
	ninja -C $(BUILD)

deps:
	./scripts/install-deps.sh

check: deps
	$(MAKE) build
	./scripts/run-tests.sh $(BUILD) $(SUITES)

check-unit check-qtest check-functional: build
	./scripts/run-tests.sh $(BUILD) $(@:check-%=%)

demo: build
	./scripts/demo.sh $(BUILD)

clean:
	rm -rf $(BUILD)
