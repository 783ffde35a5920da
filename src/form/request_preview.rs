//! A request rendered for the preview: exact JSON, a runnable curl line, Java and Python SDK.
//!
//! The session token is masked unless the user asks to reveal it. The curl line carries the
//! clone intent's `X-Job-UUID` when one is given: running the copied line after the dialog has
//! sent the same clone is then refused as a duplicate instead of creating a second service.

use std::collections::BTreeMap;

use super::field::Field;
use crate::zstack::{ArchitectureImage, CloneModelServiceBody, CloneRequest};

/// What the preview needs besides the request.
#[derive(Clone, Copy, Debug)]
pub struct RequestPreview<'a> {
    pub request: &'a CloneRequest,
    /// The absolute API base, e.g. `https://portal.example/zstack` (no trailing slash needed).
    pub api_url: &'a str,
    pub session: &'a str,
    pub reveal_token: bool,
    /// The intent's job uuid, for `X-Job-UUID` in the curl line.
    pub job_uuid: Option<&'a str>,
}

/// `b86c****************************`: the first 4 characters, the rest as `*`
/// (all of it for tokens shorter than 8).
pub fn mask_token(token: &str) -> String {
    let n = token.chars().count();
    let keep = if n >= 8 { 4 } else { 0 };
    token
        .chars()
        .enumerate()
        .map(|(i, c)| if i < keep { c } else { '*' })
        .collect()
}

/// A parameter's value as the SDK snippets write it.
enum SdkValue<'a> {
    Str(&'a str),
    Long(i64),
    Int(i32),
    Bool(bool),
    List(&'a [String]),
    Images(&'a [ArchitectureImage]),
    Map(&'a BTreeMap<String, Vec<String>>),
}

/// How a request field's type is written in the SDK snippets.
trait AsSdkValue {
    fn as_sdk_value(&self) -> SdkValue<'_>;
}

impl AsSdkValue for String {
    fn as_sdk_value(&self) -> SdkValue<'_> {
        SdkValue::Str(self)
    }
}

impl AsSdkValue for i64 {
    fn as_sdk_value(&self) -> SdkValue<'_> {
        SdkValue::Long(*self)
    }
}

impl AsSdkValue for i32 {
    fn as_sdk_value(&self) -> SdkValue<'_> {
        SdkValue::Int(*self)
    }
}

impl AsSdkValue for bool {
    fn as_sdk_value(&self) -> SdkValue<'_> {
        SdkValue::Bool(*self)
    }
}

impl AsSdkValue for Vec<String> {
    fn as_sdk_value(&self) -> SdkValue<'_> {
        SdkValue::List(self)
    }
}

impl AsSdkValue for Vec<ArchitectureImage> {
    fn as_sdk_value(&self) -> SdkValue<'_> {
        SdkValue::Images(self)
    }
}

impl AsSdkValue for BTreeMap<String, Vec<String>> {
    fn as_sdk_value(&self) -> SdkValue<'_> {
        SdkValue::Map(self)
    }
}

/// The value of each field in a body, from the parameter table.
macro_rules! sdk_value {
    ($( $v:ident $api:literal $since:literal $sent:ident $kind:tt [$($p:ident : $pt:ty)?]
        [$($top:ident)?] $inventory:tt $draft:tt $plain:tt $special:tt $form:tt $check:tt ; )*) => {
        /// A field's value in the body; `None` if not sent (or, for `uuid`, in the URL).
        fn sdk_value(body: &CloneModelServiceBody, field: Field) -> Option<SdkValue<'_>> {
            match field {
                $(Field::$v => column_or_none!(
                    $(body.params.$p.as_ref().map(AsSdkValue::as_sdk_value))?
                    $(body.$top.as_ref().map(AsSdkValue::as_sdk_value))?
                ),)*
            }
        }
    };
}

crate::zstack::clone_model_service_parameters!(sdk_value);

/// The body's parameters in the API page's order (the top-level tags among them).
fn sdk_values(body: &CloneModelServiceBody) -> impl Iterator<Item = (&'static str, SdkValue<'_>)> {
    Field::ALL
        .into_iter()
        .filter_map(move |f| sdk_value(body, f).map(|v| (f.api_name(), v)))
}

/// A double-quoted string literal valid in Java, Groovy and Python (JSON escaping).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).expect("strings serialize")
}

fn quoted_list(items: &[String], sep: &str) -> String {
    items
        .iter()
        .map(|s| quoted(s))
        .collect::<Vec<_>>()
        .join(sep)
}

/// Single-quotes `s` for a POSIX shell (`'` becomes `'\''`).
fn shell_single_quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// The text inside a double-quoted shell word (`\ " $ `` ` escaped).
fn shell_double_quoted_inner(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '"' | '$' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl RequestPreview<'_> {
    fn token(&self) -> String {
        if self.reveal_token {
            self.session.to_owned()
        } else {
            mask_token(self.session)
        }
    }

    /// The full URL of the request.
    pub fn url(&self) -> String {
        format!(
            "{}{}",
            self.api_url.trim_end_matches('/'),
            self.request.path()
        )
    }

    /// The exact body as sent.
    pub fn json_compact(&self) -> String {
        self.request.to_json()
    }

    pub fn json_pretty(&self) -> String {
        self.request.to_json_pretty()
    }

    /// The curl line in the API page's format.
    pub fn curl(&self) -> String {
        let mut lines = vec![
            "curl -H \"Content-Type: application/json;charset=UTF-8\"".to_owned(),
            format!(
                "-H \"Authorization: OAuth {}\"",
                shell_double_quoted_inner(&self.token())
            ),
        ];
        if let Some(job) = self.job_uuid {
            lines.push(format!(
                "-H \"X-Job-UUID: {}\"",
                shell_double_quoted_inner(job)
            ));
        }
        lines.push(format!(
            "-X POST -d {}",
            shell_single_quoted(&self.json_compact())
        ));
        let url = self.url();
        let safe = url
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~:/%@+,=".contains(&b));
        lines.push(if safe { url } else { shell_single_quoted(&url) });
        lines.join(" \\\n")
    }

    /// The Java SDK snippet, as on the API page (architecture images and maps written as
    /// Groovy map literals, as the page does; longs with an `L` suffix so the code compiles).
    pub fn java(&self) -> String {
        let body = &self.request.body;
        let mut out = vec![
            "CloneModelServiceAction action = new CloneModelServiceAction();".to_owned(),
            format!("action.uuid = {};", quoted(&self.request.source_uuid)),
        ];
        for (name, value) in sdk_values(body) {
            let v = match value {
                SdkValue::Str(s) => quoted(s),
                SdkValue::Long(n) => format!("{n}L"),
                SdkValue::Int(n) => n.to_string(),
                SdkValue::Bool(b) => b.to_string(),
                SdkValue::List(items) => format!("asList({})", quoted_list(items, ",")),
                SdkValue::Images(images) => {
                    let entries: Vec<String> = images.iter().map(java_image).collect();
                    format!("asList({})", entries.join(","))
                }
                SdkValue::Map(map) => {
                    let entries: Vec<String> = map
                        .iter()
                        .map(|(k, v)| format!("{}:asList({})", quoted(k), quoted_list(v, ",")))
                        .collect();
                    if entries.is_empty() {
                        "[:]".to_owned()
                    } else {
                        format!("[{}]", entries.join(", "))
                    }
                }
            };
            out.push(format!("action.{name} = {v};"));
        }
        out.push(format!("action.sessionId = {};", quoted(&self.token())));
        out.push("CloneModelServiceAction.Result res = action.call();".to_owned());
        out.join("\n")
    }

    /// The Python SDK snippet in the API page's style, written as valid Python (`True`/`False`,
    /// dicts for architecture images and the vendor map).
    pub fn python(&self) -> String {
        let body = &self.request.body;
        let mut out = vec![
            "action = CloneModelServiceAction()".to_owned(),
            format!("action.uuid = {}", quoted(&self.request.source_uuid)),
        ];
        for (name, value) in sdk_values(body) {
            let v = match value {
                SdkValue::Str(s) => quoted(s),
                SdkValue::Long(n) => n.to_string(),
                SdkValue::Int(n) => n.to_string(),
                SdkValue::Bool(b) => if b { "True" } else { "False" }.to_owned(),
                SdkValue::List(items) => format!("[{}]", quoted_list(items, ", ")),
                SdkValue::Images(images) => {
                    let entries: Vec<String> = images.iter().map(python_image).collect();
                    format!("[{}]", entries.join(", "))
                }
                SdkValue::Map(map) => {
                    let entries: Vec<String> = map
                        .iter()
                        .map(|(k, v)| format!("{}: [{}]", quoted(k), quoted_list(v, ", ")))
                        .collect();
                    format!("{{{}}}", entries.join(", "))
                }
            };
            out.push(format!("action.{name} = {v}"));
        }
        out.push(format!("action.sessionId = {}", quoted(&self.token())));
        out.push("res = action.call()".to_owned());
        out.join("\n")
    }
}

fn image_fields(img: &ArchitectureImage) -> Vec<(&'static str, &str)> {
    let mut f = vec![("cpuArchitecture", img.cpu_architecture.as_str())];
    f.extend(img.vm_image_uuid.as_deref().map(|v| ("vmImageUuid", v)));
    f.extend(img.docker_image.as_deref().map(|v| ("dockerImage", v)));
    f
}

fn java_image(img: &ArchitectureImage) -> String {
    let parts: Vec<String> = image_fields(img)
        .into_iter()
        .map(|(k, v)| format!("{k}:{}", quoted(v)))
        .collect();
    format!("[{}]", parts.join(", "))
}

fn python_image(img: &ArchitectureImage) -> String {
    let parts: Vec<String> = image_fields(img)
        .into_iter()
        .map(|(k, v)| format!("{}: {}", quoted(k), quoted(v)))
        .collect();
    format!("{{{}}}", parts.join(", "))
}
