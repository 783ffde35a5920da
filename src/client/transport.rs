//! The seams of the client: how a request travels and how time passes.
//!
//! Browser futures are not `Send`, so the traits use `async fn` without `Send` bounds. The
//! browser implementations are in `fetch_transport` (wasm32 only); tests use
//! `scripted_transport`.

/// An HTTP method the ZStack API uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// A request, fully formed (URL relative to the page's origin or absolute).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
}

impl HttpRequest {
    /// The value of a header (names compared case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A response: the status and the body as text (ZStack's Content-Type is not reliable).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub body: String,
}

/// The request did not get a response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TransportError {
    /// Connection refused, reset, DNS, CORS, offline...: nothing came back.
    Network(String),
}

/// Sends one HTTP request. Dropping the returned future must abort the request.
#[allow(async_fn_in_trait)]
pub trait Transport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError>;
}

/// Time for the poller: a clock that does not jump (the browser's is `performance.now()`) and
/// sleeping.
#[allow(async_fn_in_trait)]
pub trait Clock {
    /// Milliseconds since an arbitrary origin.
    fn now_ms(&self) -> f64;
    async fn sleep(&self, ms: u32);
}

/// Runs `work` but gives up after `ms` milliseconds of `clock` time (`None`).
pub(crate) async fn within<F: std::future::Future>(
    clock: &impl Clock,
    ms: u32,
    work: F,
) -> Option<F::Output> {
    use futures::future::{select, Either};
    let work = std::pin::pin!(work);
    let timer = std::pin::pin!(clock.sleep(ms));
    match select(work, timer).await {
        Either::Left((out, _)) => Some(out),
        Either::Right(((), _)) => None,
    }
}
