# charter — make demo | make test | make bench | make install | make deb | make package-test
# Each target installs what is missing (libgit2-dev, pkg-config, pandoc…) with apt-get first.

SWIFT   ?= swift
BIN     := .build/debug/charter
RELEASE := .build/release/charter
STATIC  := .build/package/bin/charter
PREFIX  ?= /usr/local
DESTDIR ?=
VERSION := $(shell sed -n 's/.*static let version = "\([^"]*\)".*/\1/p' Sources/charter/CharterCommand.swift)
APT_GET := $(shell [ "$$(id -u)" = 0 ] && echo apt-get || echo sudo apt-get)

.PHONY: all deps chromium publishing office console-deps build release test demo bench reliability fuzz clean static manual install uninstall deb package-deps package-test

all: build

deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libgit2; then \
		echo "Installing libgit2-dev and pkg-config with apt-get…"; \
		$(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq libgit2-dev pkg-config; \
	fi
	@command -v git >/dev/null 2>&1 || { $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq git; }
	@command -v pandoc >/dev/null 2>&1 || { echo "Installing pandoc with apt-get (charter import reads .docx and .odt through it)…"; \
		$(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq pandoc; }

# Headless Chromium, for the real-browser test and `charter export --format pdf`.
chromium:
	@if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then \
		echo "Installing chromium with apt-get (the real-browser test and PDF export use it)…"; \
		{ $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq chromium; } \
			|| echo "Could not install chromium: the real-browser test will be skipped."; \
	fi

# pandoc (docx and odt export), poppler-utils (the PDF's table of contents gets its page
# numbers from pdfinfo; the export tests read the PDF back), librsvg2-bin (figures as PNG in docx/odt).
publishing:
	@if ! command -v pandoc >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1 || ! command -v rsvg-convert >/dev/null 2>&1; then \
		echo "Installing pandoc, poppler-utils and librsvg2-bin with apt-get (docx, odt and PDF export)…"; \
		$(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq pandoc poppler-utils librsvg2-bin; \
	fi

# LibreOffice headless and openpyxl, for the spreadsheet tests (workbooks written by real office
# software, the template filled by a script).
office:
	@if ! command -v soffice >/dev/null 2>&1; then \
		echo "Installing libreoffice-calc-nogui with apt-get (the spreadsheet tests use it)…"; \
		{ $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq --no-install-recommends libreoffice-calc-nogui; } \
			|| echo "Could not install LibreOffice: the spreadsheet tests that need it will be skipped."; \
	fi
	@if ! python3 -c "import openpyxl" >/dev/null 2>&1; then \
		echo "Installing openpyxl with pip (the template round-trip test uses it)…"; \
		python3 -m pip install -q openpyxl || echo "Could not install openpyxl: the template round-trip test will be skipped."; \
	fi

# The console's tests: nginx (TLS reverse proxy on loopback) and openssl (its self-signed
# certificate) from apt; axe-core, as bundled in PyPI's axe-selenium-python, for the
# accessibility checks in the real browser.
console-deps:
	@if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then \
		echo "Installing nginx-light and openssl with apt-get (the console's TLS proxy test uses them)…"; \
		{ $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq nginx-light openssl; } \
			|| echo "Could not install nginx: the TLS proxy test will be skipped."; \
	fi
	@if ! python3 -c "import axe_selenium_python" >/dev/null 2>&1; then \
		echo "Installing axe-selenium-python with pip (axe-core for the accessibility checks)…"; \
		python3 -m pip install -q axe-selenium-python || echo "Could not install axe-core: the accessibility checks will be skipped."; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps chromium publishing office console-deps
	$(SWIFT) build --build-tests
	CHARTER_BIN=$(CURDIR)/$(BIN) $(SWIFT) test --skip-build
	@echo "Checking the bundled charter with the engine…"
	$(BIN) check charter/

demo: build
	@bash Scripts/demo.sh $(CURDIR)/$(BIN)

# Generates synthetic repositories under .build/bench/work, measures every workload against its
# baselines (git, and minimal loops over libgit2) in the same run, and writes
# .build/bench/results.md and .json. BENCH_SCALE=full runs the reference scale (500 clauses,
# 10,000 revisions, 100 territories, 200 workshops, 1,000,000 records); BENCH_ARGS adds options
# (e.g. BENCH_ARGS="--revisions 5000 --records 200000").
bench: release
	.build/release/charter-bench --out .build/bench --work .build/bench/work $(BENCH_ARGS)

# The crash tests at full length (docs/reliability.md): each writing command killed at 100
# random moments (`make test` runs 20). KILL_RUNS=500 make reliability runs more.
KILL_RUNS ?= 100
reliability: deps
	$(SWIFT) build --build-tests
	CHARTER_KILL_RUNS=$(KILL_RUNS) CHARTER_BIN=$(CURDIR)/$(BIN) $(SWIFT) test --skip-build --filter 'Reliability'

# libFuzzer over the manifest and clause parsers, the CSV sheet, the record codec, diff-JSON
# apply and the check engine on a clause (Scripts/fuzz.sh; FUZZ_SECONDS per target, 60 by
# default). Its own scratch path: .build-fuzz.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) bash Scripts/fuzz.sh

# A release binary with the Swift standard library and Foundation linked in: it needs libgit2 and
# the C library, no Swift (`ldd` lists no Swift library).
static: deps
	$(SWIFT) build -c release --product charter --static-swift-stdlib
	@if ldd $(RELEASE) | grep -i swift; then echo "$(RELEASE) still links Swift dynamically" >&2; exit 1; fi
	install -Dm755 $(RELEASE) $(STATIC)

# Man pages (English and French) generated from the commands by swift-argument-parser's plugin.
manual: deps
	SWIFT=$(SWIFT) bash Scripts/package/manual.sh

# make install PREFIX=/usr/local (DESTDIR for staging): the binary, man pages, completions.
install: static manual
	bash Scripts/package/stage.sh "$(DESTDIR)" "$(PREFIX)"

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/charter $(DESTDIR)$(PREFIX)/share/man/man1/charter*.1.gz \
		$(DESTDIR)$(PREFIX)/share/man/fr/man1/charter*.1.gz \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/charter \
		$(DESTDIR)$(PREFIX)/share/zsh/vendor-completions/_charter \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/charter.fish

# .build/package/charter_VERSION_ARCH.deb, depending on Debian's libgit2.
deb: static manual
	bash Scripts/package/deb.sh $(VERSION)

package-deps:
	@command -v debootstrap >/dev/null 2>&1 || { $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq debootstrap; }
	@command -v dpkg-deb >/dev/null 2>&1 || { $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq dpkg; }

# Builds the .deb, installs it into a clean Debian root made with debootstrap (no Swift inside)
# and runs charter there. Slow (a Debian root and a release build): not part of `make test`.
package-test: package-deps deb
	bash Scripts/package/test-deb.sh .build/package/charter_$(VERSION)_$$(dpkg --print-architecture).deb

clean:
	rm -rf .build .build-fuzz
