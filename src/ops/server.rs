//! The optional HTTP listener (`STORYBOT_METRICS_ADDR`): `GET /healthz` and `GET /metrics`.
//!
//! It listens on its own address so it can stay on a private interface while the bot talks
//! to Discord; it serves nothing else and reads no request body.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context as _;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use metrics_exporter_prometheus::PrometheusHandle;

use super::health::Health;
use super::live::LiveEngine;

#[derive(Clone)]
struct Shared {
    health: Arc<Health>,
    live: Arc<LiveEngine>,
    metrics: PrometheusHandle,
}

/// A listener that is running; dropping it does not stop it, [`Listener::stop`] does.
pub struct Listener {
    pub addr: SocketAddr,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<()>,
}

impl Listener {
    pub async fn stop(self) {
        let _ = self.stop.send(());
        let _ = self.task.await;
    }
}

/// Binds `addr` and serves `/healthz` and `/metrics` in the background.
///
/// # Errors
/// The address cannot be bound (in use, not this machine's, a privileged port).
pub async fn start(addr: SocketAddr, health: Arc<Health>, live: Arc<LiveEngine>) -> anyhow::Result<Listener> {
    let metrics = super::metrics::install();
    // Gauges set before the recorder existed were dropped: set the ones that matter again.
    super::metrics::index_sentences(live.engine().corpus().sentences.len());
    let listener = tokio::net::TcpListener::bind(addr).await.with_context(|| {
        format!("cannot listen on STORYBOT_METRICS_ADDR={addr} (in use, or not an address of this machine)")
    })?;
    let addr = listener.local_addr().context("the metrics listener has no address")?;
    let app = axum::Router::new().route("/healthz", get(healthz)).route("/metrics", get(render)).with_state(Shared {
        health,
        live,
        metrics,
    });
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let served = axum::serve(listener, app).with_graceful_shutdown(async move {
            let _ = stopped.await;
        });
        if let Err(err) = served.await {
            tracing::error!(error = %err, "the metrics listener stopped");
        }
    });
    tracing::info!(%addr, "serving /healthz and /metrics");
    Ok(Listener { addr, stop, task })
}

async fn healthz(State(shared): State<Shared>) -> Response {
    let sentences = shared.live.engine().corpus().sentences.len();
    let report = shared.health.report(Some(sentences));
    let status = if report.healthy { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    let body = serde_json::to_string(&report).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/json")], body + "\n").into_response()
}

async fn render(State(shared): State<Shared>) -> Response {
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], shared.metrics.render()).into_response()
}
