# welfare-kiosk — the two commands a newcomer needs:
#   make run    installs what is missing, builds in release, starts the kiosk on its defaults
#   make test   runs every test: unit, snapshot, rule-pack data tests and end-to-end in tmux
#
# Debian packages the build and the tests need. `make deps` installs only the missing ones
# (apt-get; through sudo when not root).
APT_PACKAGES := libncurses-dev ncurses-term libsqlite3-dev tmux libqrencode-dev libsodium-dev libhangul-dev espeak-ng zbar-tools unifont
SWIFT ?= swift
CONFIG ?= kiosk.conf
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build build-debug deps check-swift bench clean llm-venv

run: deps build
	@mkdir -p var
	./.build/release/welfare-kiosk --config $(CONFIG)

# kiosk-explainer is the process that talks to a language model; it is installed beside
# welfare-kiosk, which starts it only when kiosk.conf names a model server.
build: check-swift
	$(SWIFT) build -c release --product welfare-kiosk
	$(SWIFT) build -c release --product kiosk-explainer

build-debug: check-swift
	$(SWIFT) build

test: deps build-debug llm-venv
	./.build/debug/welfare-kiosk check-config --config $(CONFIG)
	./.build/debug/welfare-kiosk themes check --config $(CONFIG)
	./.build/debug/welfare-kiosk rules check --config $(CONFIG)
	./.build/debug/welfare-kiosk rules test --config $(CONFIG)
	KIOSK_BIN=$(CURDIR)/.build/debug/welfare-kiosk LLM_VENV=$(CURDIR)/$(LLM_VENV) $(SWIFT) test

# Builds the kiosk's executables first so the figures measure the real welfare-kiosk binary and
# the real path through kiosk-explainer.
bench: deps build
	$(SWIFT) run -c release kiosk-bench --json

deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# The explainer's tests run a real llama.cpp server (llama-cpp-python) on a tiny random model
# they write themselves with the gguf package. pip builds llama.cpp from source the first time
# (about 5 minutes on 2 cores); the venv is reused afterwards. `make run` never needs it.
LLM_VENV := .build-llm/venv
LLM_PIP_PACKAGES := llama-cpp-python[server]==0.3.16 gguf==0.17.1 numpy

llm-venv: $(LLM_VENV)/.installed

$(LLM_VENV)/.installed:
	@python3 -c 'import ensurepip' 2>/dev/null && command -v g++ >/dev/null || { \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv build-essential; }
	rm -rf $(LLM_VENV)
	python3 -m venv $(LLM_VENV)
	CMAKE_ARGS="-DGGML_NATIVE=OFF -DLLAVA_BUILD=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF" \
	CMAKE_BUILD_PARALLEL_LEVEL=2 \
	  $(LLM_VENV)/bin/pip install --quiet --no-cache-dir $(LLM_PIP_PACKAGES)
	touch $@

check-swift:
	@command -v $(SWIFT) >/dev/null 2>&1 || { \
	  echo "Swift 6 is not on PATH. Install the Swift 6.x toolchain for Debian 12 from swift.org"; \
	  echo "(or add /opt/swift/usr/bin to PATH if it is already unpacked there), then run make again."; \
	  exit 1; }

clean:
	rm -rf .build
