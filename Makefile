# Squeeze: the two commands a newcomer needs (both set up what is missing first).
#
#   make serve   build the app and serve it at http://127.0.0.1:8080
#   make test    run every check: fmt, clippy, model+CLI tests, browser component
#                tests, release build, end-to-end tests
#
# Single layers (after one `make test` or `scripts/bootstrap.sh`):
#   make test-native   cargo test for the model and the CLI
#   make test-browser  wasm-pack test --headless --chrome (components)
#   make test-e2e      release build + Playwright end-to-end tests
#   make bench         criterion benchmarks of the model
#   make bench-browser slider drag benchmark in headless Chromium (work per input)
#   make size          release bundle sizes (raw, gzip, brotli)
#   make golden        regenerate the golden SVGs after an intended chart change
#   make docs          regenerate MODEL.md's tables of every figure from the data
#   make fuzz          100,000 random cases each against the URL codec and the data-file reader

CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver

.PHONY: serve test test-native test-browser test-e2e build bench bench-browser size golden docs fuzz

serve:
	scripts/bootstrap.sh build
	trunk serve --offline --no-autoreload

test:
	scripts/bootstrap.sh
	scripts/test.sh

test-native:
	cargo test --workspace --exclude squeeze-app

test-browser:
	wasm-pack test --headless --chrome

build:
	trunk build --release --offline

test-e2e: build
	npm run --silent e2e

bench:
	cargo bench -p squeeze-model

bench-browser: build
	node e2e/bench.mjs

size: build
	node scripts/size-report.mjs dist

fuzz:
	SQUEEZE_FUZZ_CASES=100000 cargo test --release -p squeeze-link --test properties
	SQUEEZE_FUZZ_CASES=100000 cargo test --release -p squeeze-model --test fuzz_data

golden:
	SQUEEZE_UPDATE_GOLDEN=1 cargo test -p squeeze-charts --test golden

docs:
	cargo run -q -p squeeze-cli -- data appendix --into crates/model/MODEL.md
	SQUEEZE_HINDCAST_SVG=$(CURDIR)/docs/hindcast-2024.svg cargo test -q -p squeeze-model --test hindcast the_hindcast_chart_draws
