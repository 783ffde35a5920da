//! Shared helpers for the simulator's HTTP tests: start a simulator in-process on a free port,
//! log in, and poll jobs, over real HTTP.
#![allow(dead_code)]

use std::time::Duration;

use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use zstack_sim::{seed, SimHandle, SimOptions};

pub const JOB_MS: u64 = 50;

pub struct Sim {
    pub handle: SimHandle,
    pub http: Client,
}

impl Sim {
    /// Control API on, short jobs.
    pub async fn start() -> Sim {
        Sim::start_with(SimOptions {
            control: true,
            job_ms: JOB_MS,
            ..SimOptions::default()
        })
        .await
    }

    pub async fn start_with(options: SimOptions) -> Sim {
        let handle = zstack_sim::start(options)
            .await
            .expect("start the simulator");
        Sim {
            handle,
            http: Client::builder()
                .timeout(Duration::from_secs(20))
                .build()
                .unwrap(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.handle.base_url(), path)
    }

    pub fn api(&self, path: &str) -> String {
        self.url(&format!("/zstack/v1{path}"))
    }

    /// Logs in as the seed admin and returns the session uuid.
    pub async fn login(&self) -> String {
        let response = self
            .http
            .put(self.api("/accounts/login"))
            .json(&json!({"logInByAccount": {
                "accountName": seed::ADMIN_ACCOUNT,
                "password": zstack_sim::sha512_hex(seed::ADMIN_PASSWORD),
            }}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let body: Value = response.json().await.unwrap();
        body["inventory"]["uuid"].as_str().unwrap().to_string()
    }

    pub async fn get(&self, path: &str, session: &str) -> Response {
        self.http
            .get(self.api(path))
            .header("Authorization", format!("OAuth {session}"))
            .send()
            .await
            .unwrap()
    }

    /// GET a query and return (status, JSON body).
    pub async fn query(&self, path: &str, session: &str) -> (StatusCode, Value) {
        let response = self.get(path, session).await;
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    /// POSTs a clone of `source` and returns the raw response.
    pub async fn post_clone(
        &self,
        source: &str,
        session: &str,
        body: &Value,
        job: Option<&str>,
    ) -> Response {
        let mut request = self
            .http
            .post(self.api(&format!("/ai/model-services/{source}")))
            .header("Authorization", format!("OAuth {session}"))
            .header("Content-Type", "application/json;charset=UTF-8")
            .body(body.to_string());
        if let Some(job) = job {
            request = request.header("X-Job-UUID", job);
        }
        request.send().await.unwrap()
    }

    /// Polls a job until it is no longer 202; returns (status, body).
    pub async fn wait_job(&self, job: &str) -> (StatusCode, Value) {
        for _ in 0..400 {
            let response = self
                .http
                .get(self.api(&format!("/api-jobs/{job}")))
                .send()
                .await
                .unwrap();
            let status = response.status();
            if status != StatusCode::ACCEPTED {
                let text = response.text().await.unwrap();
                return (
                    status,
                    serde_json::from_str(&text).unwrap_or(Value::String(text)),
                );
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("job {job} did not finish");
    }

    /// POST + wait: the job's (status, body).
    pub async fn clone_and_wait(
        &self,
        source: &str,
        session: &str,
        body: &Value,
    ) -> (StatusCode, Value) {
        let response = self.post_clone(source, session, body, None).await;
        assert_eq!(response.status(), StatusCode::ACCEPTED);
        let accepted: Value = response.json().await.unwrap();
        let job = job_uuid_of(&accepted);
        self.wait_job(&job).await
    }

    pub async fn control(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut request = self.http.request(method, self.url(path));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        response.json().await.unwrap()
    }

    pub async fn state(&self) -> Value {
        self.control(reqwest::Method::GET, "/__sim/state", None)
            .await
    }

    pub async fn add_fault(&self, fault: Value) -> Value {
        self.control(reqwest::Method::POST, "/__sim/faults", Some(fault))
            .await
    }
}

/// The job uuid at the end of a 202's `location`.
pub fn job_uuid_of(accepted: &Value) -> String {
    let location = accepted["location"].as_str().expect("location");
    location.rsplit('/').next().unwrap().to_string()
}

/// A fresh 32-hex job uuid / resource uuid.
pub fn fresh_uuid() -> String {
    zstack_sim::ids::new_uuid()
}
