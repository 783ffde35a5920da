//! The 202 reply of an asynchronous API, and the job uuid inside its `location`.

use serde::{Deserialize, Serialize};

use super::is_zstack_uuid;

/// `{"location": "http://<mn-ip>:<port>/zstack/v1/api-jobs/<jobUuid>", "apiTimeout": <ms>}`.
///
/// `location` may carry an internal address and is always `http`: only the job uuid is taken
/// from it ([`JobAccepted::job_uuid`]); the host is never followed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JobAccepted {
    pub location: Option<String>,
    pub api_timeout: Option<i64>,
}

impl JobAccepted {
    pub fn job_uuid(&self) -> Option<String> {
        self.location.as_deref().and_then(job_uuid_from_location)
    }
}

/// The job uuid of a job location: the 32-hex segment after `api-jobs/`, lower-cased.
/// Anything else (query, fragment, a host, a trailing slash) is ignored.
pub fn job_uuid_from_location(location: &str) -> Option<String> {
    let (_, rest) = location.rsplit_once("api-jobs/")?;
    let segment = rest.split(['/', '?', '#']).next()?;
    is_zstack_uuid(segment).then(|| segment.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_only_the_job_uuid() {
        let a: JobAccepted = serde_json::from_str(
            r#"{"location":"http://10.0.0.5:8080/zstack/v1/api-jobs/3F4e5c1a2b3c4d5e6f708192a3b4c5d6","apiTimeout":1800000}"#,
        )
        .unwrap();
        assert_eq!(
            a.job_uuid().as_deref(),
            Some("3f4e5c1a2b3c4d5e6f708192a3b4c5d6")
        );
        assert_eq!(a.api_timeout, Some(1_800_000));
        assert_eq!(
            job_uuid_from_location("/zstack/v1/api-jobs/3f4e5c1a2b3c4d5e6f708192a3b4c5d6/?x=1")
                .as_deref(),
            Some("3f4e5c1a2b3c4d5e6f708192a3b4c5d6")
        );
    }

    #[test]
    fn rejects_locations_without_a_job_uuid() {
        for l in [
            "",
            "http://evil.example/steal",
            "http://h/zstack/v1/api-jobs/",
            "http://h/zstack/v1/api-jobs/../../x",
            "http://h/zstack/v1/api-jobs/3f4e5c1a2b3c4d5e6f708192a3b4c5d",
        ] {
            assert_eq!(job_uuid_from_location(l), None, "{l}");
        }
        assert_eq!(JobAccepted::default().job_uuid(), None);
    }
}
