# LSTMLab: two commands a fresh machine needs.
#   make run    build (release) and start the lab on the tutorial's demo model
#   make test   install what is missing, then run the whole test suite

SWIFT ?= swift
DEPS_DEB := libreadline-dev libopenblas-dev

.PHONY: run test build release deps clean fuzz fuzz-build lint

deps:
	@missing=""; for p in $(DEPS_DEB); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) >/dev/null || exit 1; \
	  else \
	    echo "missing system packages; run: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product lstmlab

run: release
	@"$$($(SWIFT) build -c release --show-bin-path)/lstmlab"

# A crashing test process ends at once instead of waiting on the symbolicating
# backtracer (seen to hang for half an hour under load).
# The house rules (swift format lint --strict, files within 500 lines): tools/check_tree.sh.
lint:
	SWIFT=$(SWIFT) tools/check_tree.sh

test: deps lint
	$(SWIFT) build --build-tests
	SWIFT_BACKTRACE=enable=no $(SWIFT) test --skip-build

# Coverage-guided fuzzing (libFuzzer + AddressSanitizer), FUZZ_SECONDS per target.
# Builds in .build-fuzz, apart from the normal build; see fuzz/README.md.
FUZZ_SECONDS ?= 60
fuzz-build: deps
	fuzz/build.sh

fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh

clean:
	rm -rf .build
