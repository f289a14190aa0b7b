# syntax=docker/dockerfile:1
#
# storybot container image.
#
#   docker build -t storybot .
#   docker run -d --name storybot --env-file .env --restart unless-stopped --stop-timeout 20 \
#       -v storybot-data:/app/data -v storybot-index:/app/index storybot
#
# .env is .env.example with DISCORD_TOKEN set. The image works in /app with the defaults' relative
# folders (corpus, data, index), so the example's settings need no change in a container. To serve
# another story, mount its folder over the shipped one: -v "$PWD/my-story:/app/corpus:ro"
# (changes are picked up live). compose.yaml does all of this.

# ---- Build ----
FROM rust:1-bookworm AS builder
WORKDIR /src

# Dependencies first, against placeholder sources, so this layer is rebuilt only when the
# manifest, the lock file or the benches (the manifest names them) change.
COPY Cargo.toml Cargo.lock ./
COPY benches ./benches
RUN mkdir src \
    && echo 'fn main() {}' > src/main.rs \
    && touch src/lib.rs \
    && cargo build --release --locked \
    && rm -rf src

# The real sources. The touch makes cargo rebuild the crate over the placeholder build.
COPY src ./src
RUN touch src/main.rs src/lib.rs \
    && cargo build --release --locked \
    && install -m 0755 target/release/storybot /usr/local/bin/storybot

# ---- Run ----
FROM debian:bookworm-slim

# CA certificates for TLS to discord.com; nothing else.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/*

# A fixed non-root uid/gid, so volume ownership stays the same across image rebuilds.
RUN groupadd --system --gid 10001 storybot \
    && useradd --system --uid 10001 --gid storybot --no-create-home \
        --home-dir /app --shell /usr/sbin/nologin storybot \
    && install -d -m 0755 /app \
    && install -d -m 0700 -o storybot -g storybot /app/data /app/index

COPY --from=builder /usr/local/bin/storybot /usr/local/bin/storybot
# The shipped story, owned by root: read only to the bot.
COPY corpus/ /app/corpus/

# The default folders (corpus, data, index) are relative to the working directory, so no path
# needs setting here, and an env file that leaves them unset or empty cannot point elsewhere.
WORKDIR /app
# The health check asks this listener; a setting in the env file (not the example's) replaces it.
ENV STORYBOT_METRICS_ADDR=0.0.0.0:9184

# Database and index. Declared after the directories are created and chowned, so a new volume
# starts with that ownership.
VOLUME ["/app/data", "/app/index"]

# /healthz and /metrics.
EXPOSE 9184

# Numeric, so orchestrators can check it is not root (e.g. Kubernetes runAsNonRoot).
USER 10001:10001
# `storybot health` asks the metrics listener's /healthz. The start period covers the first
# index build.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["storybot", "health"]

# On SIGTERM the bot finishes running requests (about 10 s). Docker waits 10 s by default before
# SIGKILL: give it more with --stop-timeout 20 (docker run) or stop_grace_period: 20s (compose).
STOPSIGNAL SIGTERM
ENTRYPOINT ["storybot"]
CMD ["serve"]
