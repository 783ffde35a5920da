//! One concrete client type for the app, whatever carries its requests: the browser's fetch
//! in the page, a scripted transport in native tests of the dialog's flow. The dialog is handed
//! a [`SharedTransport`] and a [`SharedClock`] and never names the implementation.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use super::transport::{Clock, HttpRequest, HttpResponse, Transport, TransportError};
use super::zstack_client::{ClientConfig, ZStackClient};

type LocalFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

trait ErasedTransport {
    fn send(&self, request: HttpRequest) -> LocalFuture<'_, Result<HttpResponse, TransportError>>;
}

impl<T: Transport> ErasedTransport for T {
    fn send(&self, request: HttpRequest) -> LocalFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(Transport::send(self, request))
    }
}

trait ErasedClock {
    fn now_ms(&self) -> f64;
    fn sleep(&self, ms: u32) -> LocalFuture<'_, ()>;
}

impl<C: Clock> ErasedClock for C {
    fn now_ms(&self) -> f64 {
        Clock::now_ms(self)
    }

    fn sleep(&self, ms: u32) -> LocalFuture<'_, ()> {
        Box::pin(Clock::sleep(self, ms))
    }
}

/// Any [`Transport`], behind one type.
#[derive(Clone)]
pub struct SharedTransport(Rc<dyn ErasedTransport>);

impl SharedTransport {
    pub fn new(transport: impl Transport + 'static) -> SharedTransport {
        SharedTransport(Rc::new(transport))
    }
}

impl Transport for SharedTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.0.send(request).await
    }
}

/// Any [`Clock`], behind one type.
#[derive(Clone)]
pub struct SharedClock(Rc<dyn ErasedClock>);

impl SharedClock {
    pub fn new(clock: impl Clock + 'static) -> SharedClock {
        SharedClock(Rc::new(clock))
    }
}

impl Clock for SharedClock {
    fn now_ms(&self) -> f64 {
        self.0.now_ms()
    }

    async fn sleep(&self, ms: u32) {
        self.0.sleep(ms).await
    }
}

/// The client the dialog uses.
pub type AppClient = ZStackClient<SharedTransport, SharedClock>;

/// What the dialog makes its clients from: a transport and a clock.
#[derive(Clone)]
pub struct Connection {
    pub transport: SharedTransport,
    pub clock: SharedClock,
}

impl Connection {
    pub fn new(transport: impl Transport + 'static, clock: impl Clock + 'static) -> Connection {
        Connection {
            transport: SharedTransport::new(transport),
            clock: SharedClock::new(clock),
        }
    }

    /// The browser's fetch and timers.
    #[cfg(target_arch = "wasm32")]
    pub fn browser() -> Connection {
        Connection::new(super::FetchTransport, super::BrowserClock)
    }

    pub fn client(&self, config: ClientConfig) -> AppClient {
        ZStackClient::new(config, self.transport.clone(), self.clock.clone())
    }
}
