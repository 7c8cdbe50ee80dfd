# Popcorn in a container: `docker build -t popcorn .`, then
#   docker run -d --name popcorn -e DISCORD_TOKEN=... -v popcorn-data:/data popcorn
# The steps are the README's: install the project, then `popcorn start` (on Discord when
# DISCORD_TOKEN is set, else the offline chat). No Docker engine runs on the dev machine or in
# CI, so this image is not built there; `pip install .` and the settings below are checked by
# hand (see docs/operations.md, "Docker").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# The project (the package, its migrations and the data it ships with), installed with pip.
COPY pyproject.toml README.md alembic.ini ./
COPY bot/ bot/
COPY data/ data/
RUN pip install . && rm -rf build ./*.egg-info

# A non-root user; the SQLite file lives on a volume it owns.
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin popcorn \
    && mkdir -p /data \
    && chown popcorn:popcorn /data

# data/ is loaded into an empty database on the first start; the database survives restarts.
ENV POPCORN_DATA_DIR=/app/data \
    POPCORN_DB_PATH=/data/popcorn.sqlite3
VOLUME /data

USER popcorn
# `popcorn run` handles SIGTERM (docker stop): it closes the Discord connection and the database.
CMD ["popcorn", "start"]
