# The README's commands. Works on a fresh Debian machine with only python3:
#   make demo   set up, then run the main job on the bundled example plan
#   make test   set up (Python packages, and Chromium + poppler with apt as root), run every test
#   make lab    open JupyterLab on notebooks/
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EXAMPLE ?= data/contoh-rt05-rw03
APT_PACKAGES := chromium poppler-utils fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0
PYTEST_ARGS ?=

.PHONY: setup demo test lab system-deps benchmarks clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# rtplan's bytecode, as pip writes it for an installed package: where PYTHONDONTWRITEBYTECODE is set
# (this sandbox), every command compiled rtplan again, about 0.5 s of each `rtplan handout` (measured)
setup: $(STAMP)
	@$(BIN)/python -m compileall -q rtplan >/dev/null
	@mkdir -p $(VENV)/etc/jupyter/labconfig/page_config.d
	@cp jupyter-config/labconfig/page_config.d/rtplan.json $(VENV)/etc/jupyter/labconfig/page_config.d/rtplan.json

# the main job: check the example plan, then build its meeting handout (A4 PDF in exports/)
demo: setup system-deps
	$(BIN)/rtplan validate $(EXAMPLE)
	$(BIN)/rtplan handout $(EXAMPLE)

# Debian packages the tests need: Chromium (browser tests, PDF engine), poppler (pdftoppm),
# Pango (WeasyPrint). Installed with apt when running as root and something is missing.
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "apt-get install$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing Debian packages:$$missing (install them with: sudo apt-get install$$missing)"; \
	  fi; \
	fi

test: setup system-deps
	$(BIN)/python -m pytest -n 2 --dist loadgroup --durations=30 $(PYTEST_ARGS)

benchmarks: setup
	@for f in benchmarks/bench_*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

lab: setup
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache exports/*.pdf exports/*.html exports/*.xlsx exports/*.csv exports/*.ics
