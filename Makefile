# The two set-up commands: `make run` (the kiosk) and `make test` (every test). Both install what is missing.
BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
CMAKE_ARGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
FUZZ_SECONDS ?= 24
# Each suite of make test starts with a line giving the time and the CPU time of make's finished recipes so far
# (clock ticks of /proc/PID/stat), from which .ci/run reports each phase's wall and CPU time.
PHASE = @echo "== phase $@ at $$(date +%s) cpu $$(awk '{print ($$14+$$15+$$16+$$17)/100}' /proc/$$PPID/stat 2>/dev/null)"

.PHONY: all deps deps-test build run test test-unit test-asan fuzz bench format format-check tidy tour clean \
	deb deb-arm64 test-arm64 test-system

all: build

deps:
	@scripts/install-deps.sh

deps-test:
	$(PHASE)
	@scripts/install-deps.sh --test

build: deps
	@cmake -S . -B $(BUILD) $(CMAKE_ARGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@scripts/run-desktop.sh $(BUILD)

tour: build
	@SDL_VIDEODRIVER=dummy $(BUILD)/bin/kiosk tour $(BUILD)/tour --content content-pack/stop-torture

# The unit tests run in the amd64 package's build (deb), on the binaries that ship, compiled once; test-unit is
# the same suite in the developers' incremental build/. The VM test (test-system) last, on the packages deb and
# deb-arm64 built, for both architectures; CI bounds it with TEST_SYSTEM_DEADLINE (.ci/run).
test: TEST_SYSTEM_ARCHES = amd64 arm64
test: deps-test format-check tidy deb test-asan fuzz deb-arm64 test-arm64 test-system
	$(PHASE)
	@echo "make test: all suites passed"

test-unit: deps-test
	$(PHASE)
	@cmake -S . -B $(BUILD) $(CMAKE_ARGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer, less those labelled slow (the full tour),
# built with clang so that the same build holds the libFuzzer targets (libFuzzer is clang's): the libraries are
# compiled once for both.
# A build-asan/ made by g++ before is started afresh: CMake cannot switch a build's compiler in place.
define CONFIGURE_ASAN
@grep -qs '^CMAKE_CXX_COMPILER:.*clang' $(ASAN_BUILD)/CMakeCache.txt || rm -rf $(ASAN_BUILD)
@cmake -S . -B $(ASAN_BUILD) -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug -DKIOSK_SANITIZE=ON \
	-DKIOSK_FUZZ=ON >/dev/null
endef
test-asan: deps-test
	$(PHASE)
	$(CONFIGURE_ASAN)
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		ctest --output-on-failure -j $(JOBS) -LE slow

# The pack loader, config reader, image headers, bundle reader/importer and controller under libFuzzer, each
# for FUZZ_SECONDS (about two minutes in all), from the sanitizer build.
FUZZ_TARGETS = fuzz_pack_loader fuzz_config fuzz_image_header fuzz_bundle fuzz_controller
fuzz: deps-test
	$(PHASE)
	$(CONFIGURE_ASAN)
	@cmake --build $(ASAN_BUILD) -j $(JOBS) --target $(FUZZ_TARGETS)
	@scripts/run-fuzz.sh $(ASAN_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The Debian package (debian/), built by dpkg-buildpackage in a copy of the tree and checked by lintian:
# build/deb/outreach-kiosk_<version>_amd64.deb, and _arm64.deb cross-built for the Pi. Both build the unit tests;
# the amd64 build runs all of them (DEB_BUILD_OPTIONS=nocheck: not run; DEB_BUILD_PROFILES=nocheck: not built).
# Each build tree stays as build/deb/ARCH/build.
deb: deps-test
	$(PHASE)
	@scripts/install-deb-deps.sh
	@JOBS=$(JOBS) scripts/build-deb.sh

deb-arm64:
	$(PHASE)
	@scripts/install-deb-deps.sh --arm64
	@JOBS=$(JOBS) scripts/build-deb.sh --arm64

# The unit tests of the arm64 package's build (deb-arm64) under qemu-aarch64-static.
test-arm64: deb-arm64
	$(PHASE)
	@JOBS=$(JOBS) scripts/test-arm64.sh build/deb/arm64/build

# The kiosk's image booted in QEMU as a Pi boots its card (tests/system/): first frame, touch, settings, watchdog,
# read-only root, POWER_CUTS whole-machine power cuts (3; 200 for the long run). Needs root and the amd64 package;
# on a machine without them it says what is missing and skips.
# TEST_SYSTEM_ARCHES="amd64 arm64" also boots the arm64 image (the Pi's architecture, emulated: slow).
# TEST_SYSTEM_DEADLINE (seconds since 1970) bounds it: as many power cuts as fit (at least 1), arm64 only if it
# fits, and a skip that says so when not even the first boot fits.
POWER_CUTS ?= 3
TEST_SYSTEM_ARCHES ?= amd64
TEST_SYSTEM_DEADLINE ?=
test-system: deb $(if $(filter arm64,$(TEST_SYSTEM_ARCHES)),deb-arm64)
	$(PHASE)
	@POWER_CUTS=$(POWER_CUTS) TEST_SYSTEM_DEADLINE=$(TEST_SYSTEM_DEADLINE) HOST_KIOSK=build/deb/amd64/build/bin/kiosk \
		tests/system/test-system.sh $(BUILD) \
		$(foreach arch,$(TEST_SYSTEM_ARCHES),"$$(ls build/deb/outreach-kiosk_*_$(arch).deb 2>/dev/null | sort -V | tail -n1)") \
		|| [ $$? -eq 77 ]

bench: build
	@scripts/bench.sh $(BUILD)

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

format-check:
	$(PHASE)
	@if command -v clang-format >/dev/null; then \
		git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run -Werror && echo "format-check: clean"; \
	else echo "format-check: clang-format not installed, skipped"; fi

# clang-tidy with .clang-tidy's checks over kiosk/'s sources, JOBS files at a time; any finding fails. It needs
# only BUILD's compile database, so BUILD is configured, not built. About 6 CPU-minutes: 3 minutes on 2 cores
# (.clang-tidy says which checks are left out for that, and why).
tidy: deps-test
	$(PHASE)
	@cmake -S . -B $(BUILD) $(CMAKE_ARGS) >/dev/null
	@scripts/tidy.sh $(BUILD) $(JOBS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
