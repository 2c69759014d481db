# Metodebiblioteket. `make run` sets everything up and serves the site; `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PORT ?= 8000
WORKERS ?= 2
# uv from PATH, or the one `make uv` installs from PyPI (evaluated lazily, after bootstrap).
UV = $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
PY := .venv/bin/python
MANAGE := $(PY) manage.py
STAMPS := .make
PRODUCTION := DJANGO_SETTINGS_MODULE=config.settings.production
CHROMIUM ?= /usr/bin/chromium

.PHONY: help run serve setup install uv test pytest lint format migrations-check check-deploy publish-scheduled \
	messages browser-deps bench content-report clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | sort | \
		awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-18s\033[0m %s\n", $$1, $$2}'

# --- Set-up ---------------------------------------------------------------------------------------

uv: ## Install uv from PyPI if it is missing
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || \
		python3 -m pip install --quiet --disable-pip-version-check uv

# Bytecode is compiled at install time: this environment sets PYTHONDONTWRITEBYTECODE, and without
# .pyc files every start of the site (make run, each worker) spends seconds compiling imports.
$(STAMPS)/venv: pyproject.toml uv.lock | uv
	@mkdir -p $(STAMPS)
	$(UV) sync --locked --quiet --compile-bytecode
	@touch $@

$(STAMPS)/npm: package.json package-lock.json
	@mkdir -p $(STAMPS)
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# WeasyPrint (the PDF templates) needs Pango and a font with Danish letters and check boxes; Debian
# images with Chromium have them, a bare one gets them from apt (as root).
$(STAMPS)/pdf-deps: $(STAMPS)/venv
	@$(PY) -c "import weasyprint" 2>/dev/null && fc-list 2>/dev/null | grep -qi dejavu || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null; }
	@touch $@

install: $(STAMPS)/venv $(STAMPS)/npm $(STAMPS)/pdf-deps ## Install the locked Python and front-end packages

.env: .env.example | $(STAMPS)/venv
	@echo "Creating .env for local serving (a new secret key, plain HTTP on loopback)"
	@$(PY) -c "import secrets, sys; \
		lines = open('.env.example').read().splitlines(); \
		values = {'SECRET_KEY': secrets.token_urlsafe(50), 'ALLOWED_HOSTS': '127.0.0.1,localhost', 'HTTPS': 'false', \
			'BASE_URL': 'http://127.0.0.1:$(PORT)', 'EMAIL_URL': 'consolemail://'}; \
		key = lambda l: l.split('=')[0]; \
		out = [key(l) + '=' + values[key(l)] if key(l) in values else ('# ' + l if l.endswith('=') else l) for l in lines]; \
		open('.env', 'w').write('\n'.join(out) + '\n')"
	@chmod 600 .env

$(STAMPS)/static: $(STAMPS)/npm $(STAMPS)/venv .env $(shell find static_src -type f 2>/dev/null)
	$(PRODUCTION) $(MANAGE) collectstatic --noinput --verbosity 0
	@touch $@

# The site's address follows PORT (the default Site and every absolute link), unless BASE_URL is set.
setup serve: export BASE_URL ?= http://127.0.0.1:$(PORT)

setup: install .env $(STAMPS)/static ## Install, collect static files, migrate, load content, make the admin user
	$(PRODUCTION) $(MANAGE) prepare_site

run: setup serve ## Set up and serve the site on http://127.0.0.1:$(PORT)

# gunicorn, not granian: measured side by side with bench/http_bench.py on this 2-core machine,
# both serve pages equally fast (within run-to-run noise), gunicorn serves static files a little
# faster and its workers are about 13% smaller (figures in bench/README.md).
# Each worker has THREADS threads: a reader waiting for a filled PDF (written by a child process,
# downloads/pdf.py) holds one thread, not the whole worker, so the other readers are still served.
# A request still running after TIMEOUT seconds gets its worker restarted.
THREADS ?= 4
TIMEOUT ?= 30
serve: ## Serve with gunicorn (2 workers of 4 threads, DEBUG off, whitenoise) without setting up
	@echo "Metodebiblioteket: http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(PRODUCTION) exec .venv/bin/gunicorn --bind 127.0.0.1:$(PORT) --workers $(WORKERS) \
		--worker-class gthread --threads $(THREADS) --timeout $(TIMEOUT) config.wsgi:application

publish-scheduled: ## Publish and unpublish the pages editors scheduled (run every few minutes)
	$(PRODUCTION) $(MANAGE) publish_scheduled

# --- Tests and checks -----------------------------------------------------------------------------

browser-deps: ## Install Debian's Chromium for the browser tests (as root) if it is missing
	@test -x $(CHROMIUM) || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: install browser-deps lint migrations-check pytest ## Every check and test, browser tests included

pytest: install browser-deps ## The pytest suite only (DATABASE_URL switches to PostgreSQL)
	$(PY) -m pytest

lint: install ## ruff check, ruff format --check, djhtml --check
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/djhtml --check templates

format: install ## Format Python and templates
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .
	.venv/bin/djhtml templates

migrations-check: install ## Fail if models and migrations disagree
	DJANGO_SETTINGS_MODULE=config.settings.test DATABASE_URL=sqlite:///:memory: \
		$(MANAGE) makemigrations --check --dry-run

check-deploy: install ## Django's deployment checklist with production settings
	$(PRODUCTION) SECRET_KEY=$$($(PY) -c "import secrets; print(secrets.token_urlsafe(50))") \
		ALLOWED_HOSTS=metodebiblioteket.dk HTTPS=true ENV_FILE=/dev/null \
		BASE_URL=https://metodebiblioteket.dk EMAIL_URL=smtp+tls://smtp.example.dk:587 \
		$(MANAGE) check --deploy --fail-level WARNING

messages: install ## Update the Danish gettext catalogue and compile it (needs gettext)
	@command -v xgettext >/dev/null || { apt-get update -qq && apt-get install -y -qq gettext >/dev/null; }
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemessages -l da --no-location \
		--ignore=.venv --ignore=node_modules --ignore=static --ignore=tests --ignore=bench
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) compilemessages -l da \
		--ignore=.venv --ignore=node_modules

bench: setup ## Measure the production server (needs wrk): see bench/README.md
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	$(PY) bench/http.py

content-report: setup ## Pages per type, refs covered, and render cost of library pages
	$(PRODUCTION) $(PY) bench/content_report.py
	$(PRODUCTION) $(PY) bench/render_bench.py

clean: ## Remove installed packages and collected static files (keeps var/ and .env)
	rm -rf .venv node_modules static $(STAMPS)
