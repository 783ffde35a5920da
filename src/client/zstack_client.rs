//! The ZStack REST client: configuration, headers, login and sessions, queries.

use serde::de::DeserializeOwned;
use sha2::{Digest, Sha512};

use super::client_error::ClientError;
use super::response_body::decode;
use super::source_page::{PageRequest, SourcePage};
use super::transport::{within, Clock, HttpRequest, HttpResponse, Method, Transport};
use crate::zstack::{
    api_path, GpuSpecInventory, ImageInventory, InventoryReply, LogInByAccount, LoginBody,
    ModelServiceInventory, Query, QueryReply, SessionInventory, TagInventory,
};

/// Where the API is and who is calling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientConfig {
    /// The API base: deployment configuration (default `/zstack`, same origin), never taken
    /// from the page's URL.
    pub api_base: String,
    /// The session uuid sent as `Authorization: OAuth <session>`.
    pub session: Option<String>,
    /// Time allowed for one synchronous request (login, queries), in ms.
    pub request_timeout_ms: u32,
}

impl Default for ClientConfig {
    fn default() -> Self {
        ClientConfig {
            api_base: "/zstack".to_owned(),
            session: None,
            request_timeout_ms: 30_000,
        }
    }
}

/// The lower-case sha512 hex of a password, as `logInByAccount` wants it.
pub fn password_hash(plain: &str) -> String {
    Sha512::digest(plain.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A ZStack REST client over a [`Transport`] and a [`Clock`].
pub struct ZStackClient<T, C> {
    pub config: ClientConfig,
    pub(crate) transport: T,
    pub(crate) clock: C,
}

impl<T: Transport, C: Clock> ZStackClient<T, C> {
    pub fn new(config: ClientConfig, transport: T, clock: C) -> Self {
        ZStackClient {
            config,
            transport,
            clock,
        }
    }

    pub fn set_session(&mut self, session: Option<String>) {
        self.config.session = session;
    }

    /// `<api base><path>[?query]`; `path` starts with the version prefix (see [`api_path`]).
    pub fn url(&self, path: &str, query: &Query) -> String {
        let base = self.config.api_base.trim_end_matches('/');
        let qs = query.to_query_string();
        if qs.is_empty() {
            format!("{base}{path}")
        } else {
            format!("{base}{path}?{qs}")
        }
    }

    /// A request with the JSON content type and, when there is a session, its Authorization.
    pub fn request(&self, method: Method, url: String, body: Option<String>) -> HttpRequest {
        let mut headers = vec![(
            "Content-Type".to_owned(),
            "application/json;charset=UTF-8".to_owned(),
        )];
        if let Some(s) = &self.config.session {
            headers.push(("Authorization".to_owned(), format!("OAuth {s}")));
        }
        HttpRequest {
            method,
            url,
            headers,
            body,
        }
    }

    /// Sends with the given time limit; no response in time is a timeout.
    pub(crate) async fn send_within(
        &self,
        request: HttpRequest,
        ms: u32,
    ) -> Result<HttpResponse, ClientError> {
        let start = self.clock.now_ms();
        match within(&self.clock, ms, self.transport.send(request)).await {
            Some(Ok(r)) => Ok(r),
            Some(Err(super::transport::TransportError::Network(detail))) => {
                Err(ClientError::Network { detail })
            }
            None => Err(ClientError::Timeout {
                elapsed_ms: (self.clock.now_ms() - start).max(0.0) as u64,
            }),
        }
    }

    pub(super) async fn call<R: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        query: &Query,
        body: Option<String>,
    ) -> Result<R, ClientError> {
        let request = self.request(method, self.url(path, query), body);
        let response = self
            .send_within(request, self.config.request_timeout_ms)
            .await?;
        decode(&response)
    }

    /// `PUT /v1/accounts/login` with the sha512 of the password; the session is
    /// `inventory.uuid`. Wrong credentials: `ClientError::Api` with code ID.1000.
    pub async fn login(
        &self,
        account_name: &str,
        password: &str,
    ) -> Result<SessionInventory, ClientError> {
        let body = LoginBody {
            log_in_by_account: LogInByAccount {
                account_name: account_name.to_owned(),
                password: password_hash(password),
            },
        };
        let body = serde_json::to_string(&body).expect("login body serializes");
        let reply: InventoryReply<SessionInventory> = self
            .call(
                Method::Put,
                &api_path("/accounts/login"),
                &Query::new(),
                Some(body),
            )
            .await?;
        reply.inventory.ok_or(ClientError::Malformed {
            status: 200,
            detail: "login reply without inventory".into(),
        })
    }

    /// A query returning inventories.
    pub async fn query<R: DeserializeOwned>(
        &self,
        path: &str,
        query: &Query,
    ) -> Result<QueryReply<R>, ClientError> {
        self.call(Method::Get, path, query, None).await
    }

    /// The source service (`None` if the uuid is unknown: ZStack answers an empty list).
    pub async fn model_service(
        &self,
        uuid: &str,
    ) -> Result<Option<ModelServiceInventory>, ClientError> {
        let path = api_path(&format!("/ai/model-services/{uuid}"));
        let reply = self.query(&path, &Query::new()).await?;
        Ok(reply.inventories.into_iter().next())
    }

    /// A page of the account's model services for the source list (see [`PageRequest`]).
    pub async fn model_service_page(
        &self,
        request: &PageRequest,
    ) -> Result<SourcePage, ClientError> {
        let reply: QueryReply<ModelServiceInventory> = self
            .query(&api_path("/ai/model-services"), &request.query())
            .await?;
        Ok(request.page_of(reply.inventories, reply.total))
    }

    /// The service whose uuid is `uuid`, by `q=uuid=<uuid>` (how a clone is found by its
    /// `resourceUuid`).
    pub async fn find_model_service(
        &self,
        uuid: &str,
    ) -> Result<Option<ModelServiceInventory>, ClientError> {
        let q = Query::new().eq("uuid", uuid);
        let reply = self.query(&api_path("/ai/model-services"), &q).await?;
        Ok(reply.inventories.into_iter().next())
    }

    /// Whether a model service named exactly `name` exists (`q=name=<name>`, one result, uuid
    /// and name only).
    pub async fn name_taken(&self, name: &str) -> Result<bool, ClientError> {
        let q = Query::new()
            .eq("name", name)
            .limit(1)
            .fields(&["uuid", "name"]);
        let reply: QueryReply<serde_json::Value> =
            self.query(&api_path("/ai/model-services"), &q).await?;
        Ok(!reply.inventories.is_empty())
    }

    /// Images of an architecture (`q=architecture=<lower case>`), for a row's `vmImageUuid`.
    pub async fn images_for_architecture(
        &self,
        architecture: &str,
    ) -> Result<Vec<ImageInventory>, ClientError> {
        let q = Query::new().eq("architecture", &architecture.trim().to_ascii_lowercase());
        Ok(self.query(&api_path("/images"), &q).await?.inventories)
    }

    /// Tag patterns, for `tagUuids`.
    pub async fn tags(&self) -> Result<Vec<TagInventory>, ClientError> {
        Ok(self
            .query(&api_path("/tags"), &Query::new())
            .await?
            .inventories)
    }

    /// GPU specs, for `vendorToSpecUuidsMap`: the PCI device specs of a GPU type. A server
    /// without this API (404 plain text) gives an empty list.
    pub async fn gpu_specs(&self) -> Result<Vec<GpuSpecInventory>, ClientError> {
        let q = Query::new().condition("type", "?=", &GpuSpecInventory::GPU_TYPES.join(","));
        match self
            .query::<GpuSpecInventory>(&api_path(GpuSpecInventory::QUERY_PATH), &q)
            .await
        {
            Ok(reply) => Ok(reply
                .inventories
                .into_iter()
                .filter(GpuSpecInventory::is_gpu)
                .collect()),
            Err(ClientError::Rest { status: 404, .. }) => Ok(Vec::new()),
            Err(e) => Err(e),
        }
    }
}
