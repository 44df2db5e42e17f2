# Faxian — the two commands: `make demo` and `make test`. Everything else is a helper.
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_SECONDS ?= 15
JOBS       ?= 2
SCALE      ?= county
SEED       ?= 1
DEMO_DB    ?= demo/faxian.db
CMAKE_GEN  := -G Ninja
# One compiler cache for every build folder (a clean clone, a helper's folder): without this,
# ccache keys -g objects by the working directory and every new folder rebuilds from scratch.
export CCACHE_NOHASHDIR := true
# …and paths under the checkout hash as relative ones, so two checkouts share objects too.
export CCACHE_BASEDIR := $(CURDIR)

.PHONY: all bootstrap build build-asan web demo test test-cli test-web test-asan test-fuzz bench bench-api fmt clean

all: build

bootstrap:
	@scripts/bootstrap.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo

# The sanitizer build (clang: it compiles the unit tests in about half gcc's time at -O0, and
# libFuzzer needs it) holds both the unit tests and the fuzzers, so the libraries under
# ASan+UBSan are compiled once.
$(ASAN_BUILD)/build.ninja:
	CXX=clang++ cmake -S . -B $(ASAN_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug \
	  -DFAXIAN_SANITIZE=ON -DFAXIAN_FUZZ=ON

# The release binary (the unit tests are built and run in the sanitizer build; `cmake --build
# build` builds them here too).
build: bootstrap $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS) --target faxian

# The web app (web/): type-checked by vue-tsc, built by Vite into web/dist, which `faxian serve`
# serves. Its npm packages come from web/package-lock.json (`npm ci` in the bootstrap).
web: bootstrap
	cd web && npm run build --silent

build-asan: bootstrap $(ASAN_BUILD)/build.ninja
	cmake --build $(ASAN_BUILD) -j $(JOBS) --target unit_tests fuzzers

# Installs, builds, generates the synthetic 秀山 county, initialises a fresh database, imports
# every feed, screens, opens the leads, creates one demo account per role (printed) and serves
# the web app and API on $(LISTEN) until Ctrl-C. The previous demo database is replaced: the
# demo always starts from the same county.
LISTEN ?= 127.0.0.1:8080
demo: build web
	mkdir -p $(dir $(DEMO_DB))
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BUILD)/faxian --db $(DEMO_DB) demo --scale $(SCALE) --seed $(SEED) --serve --listen $(LISTEN)

# Installs, builds and runs every test: the end-to-end scripts of tests/cli against the release
# binary, the web app's end-to-end tests in Chromium, then every unit-test executable under AddressSanitizer + UndefinedBehaviorSanitizer,
# then each fuzzer briefly. (The unit tests run once, under the sanitizers: building them a
# second time for release would add a third to the time of `make test`.)
test: test-cli test-web test-asan test-fuzz

test-cli: build
	cd $(BUILD) && $(CURDIR)/scripts/with_pg_cluster.sh ctest --output-on-failure -j $(JOBS) -R '^cli_'

# The web app in Debian's Chromium (playwright-core) against `faxian demo --serve` on the small
# county; the tests save their screenshots in docs/screenshots/.
test-web: build web
	cd web && node e2e/run.mjs ../$(BUILD)/faxian

# …against SQLite and against a throwaway PostgreSQL cluster that scripts/with_pg_cluster.sh
# starts on loopback (if it cannot start, the tests fail: they never skip).
test-asan: build-asan
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  $(CURDIR)/scripts/with_pg_cluster.sh ctest --output-on-failure -j $(JOBS) -R '_tests(_postgres)?$$'

# Every libFuzzer target runs briefly on its committed corpus (tests/fuzz/corpus/<name>/).
test-fuzz: build-asan
	scripts/run_fuzzers.sh $(ASAN_BUILD) $(FUZZ_SECONDS)

bench: build
	bench/run.sh --scale $(SCALE)

# The API under wrk load on county data (bench/results/<date>-api.md).
bench-api: build
	bench/api.sh

fmt:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
