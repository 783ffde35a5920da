//! ZStack's ErrorCode: `{"code", "description", "details", "cause"?}` as the node sends it.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorCode {
    pub code: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub details: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Box<ErrorCode>>,
}

/// The fixed description text of the codes the simulator knows.
pub fn description_of(code: &str) -> &'static str {
    match code {
        "ID.1000" => "Incorrect account name or password",
        "ID.1001" => "Session expired",
        "ID.1002" => "Permission denied",
        "SYS.1000" => "An internal error happened in system",
        "SYS.1001" => "Operation timeout",
        "SYS.1003" => "Resource not found",
        "SYS.1006" => "Operation failure",
        "SYS.1007" => "One or more API argument is invalid",
        _ => "Unknown error",
    }
}

impl ErrorCode {
    pub fn new(code: &str, details: impl Into<String>) -> Self {
        ErrorCode {
            code: code.to_string(),
            description: description_of(code).to_string(),
            details: details.into(),
            cause: None,
        }
    }

    pub fn wrong_password() -> Self {
        Self::new("ID.1000", "wrong account name or password")
    }

    pub fn session_invalid(session: &str) -> Self {
        Self::new(
            "ID.1001",
            format!("Session expired or invalid, session uuid[{session}]"),
        )
    }

    /// SYS.1003 naming the field that referenced a missing resource.
    pub fn not_found(field: &str, uuid: &str, vo: &str) -> Self {
        Self::new(
            "SYS.1003",
            format!("invalid field[{field}], resource[uuid:{uuid}, type:{vo}] not found"),
        )
    }

    pub fn invalid_argument(details: impl Into<String>) -> Self {
        Self::new("SYS.1007", details)
    }

    /// Fills an empty description (recursively) from the code, for hand-written fault errors.
    pub fn with_default_descriptions(mut self) -> Self {
        if self.description.is_empty() {
            self.description = description_of(&self.code).to_string();
        }
        self.cause = self
            .cause
            .map(|cause| Box::new(cause.with_default_descriptions()));
        self
    }

    /// The `{"error": ErrorCode}` body of a 503.
    pub fn to_body(&self) -> Value {
        json!({ "error": self })
    }
}

/// An ErrorCode (as JSON) with every field a newer node may send filled in, recursively: the
/// fields of the newest published Java SDK's `org.zstack.sdk.ErrorCode` (`elaboration`,
/// `location`, `cost`, `opaque`, `globalErrorCode`, `message`, `category`, `messageKey`,
/// `params`, `localizedMessage`, `retryable`, `httpStatus`, `formatArgs`), the contract's
/// `causes: []`, and an explicit `"cause": null` where the chain ends. Fields already present are
/// kept. Used by the `fullErrorCodes` quirk; anything that is not an object is returned as is.
pub fn full_error_json(error: &Value) -> Value {
    let Value::Object(fields) = error else {
        return error.clone();
    };
    let text = |name: &str| {
        fields
            .get(name)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let (code, details) = (text("code"), text("details"));
    let cause = match fields.get("cause") {
        Some(cause) if !cause.is_null() => full_error_json(cause),
        _ => Value::Null,
    };
    let causes = if cause.is_null() {
        json!([])
    } else {
        json!([cause.clone()])
    };
    let mut full = json!({
        "code": code,
        "description": text("description"),
        "details": details,
        "elaboration": format!("错误信息: {details}"),
        "location": "ModelServiceApiInterceptor.java:210",
        "cost": "3ms",
        "opaque": {"zstackSim": "fullErrorCodes"},
        "globalErrorCode": format!("ORG_ZSTACK_AI_{}", code.replace('.', "_")),
        "message": details,
        "category": code.split('.').next().unwrap_or(""),
        "messageKey": format!("zstack.error.{code}"),
        "params": {},
        "localizedMessage": details,
        "retryable": false,
        "httpStatus": 503,
        "formatArgs": [],
        "causes": causes,
        "cause": cause,
    });
    if let Value::Object(full_fields) = &mut full {
        for (name, value) in fields {
            if name != "cause" {
                full_fields.insert(name.clone(), value.clone());
            }
        }
    }
    full
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_error_code_has_every_field_and_an_explicit_null_cause() {
        let mut outer = ErrorCode::new("SYS.1006", "outer");
        outer.cause = Some(Box::new(ErrorCode::new("SYS.1000", "inner")));
        let full = full_error_json(&serde_json::to_value(&outer).unwrap());
        for field in [
            "code",
            "description",
            "details",
            "elaboration",
            "location",
            "cost",
            "opaque",
            "globalErrorCode",
            "message",
            "causes",
            "cause",
            "category",
            "messageKey",
            "params",
            "localizedMessage",
            "retryable",
            "httpStatus",
            "formatArgs",
        ] {
            assert!(full.get(field).is_some(), "{field}");
        }
        assert_eq!(full["details"], "outer");
        assert_eq!(full["message"], "outer");
        assert_eq!(full["cause"]["code"], "SYS.1000");
        assert_eq!(full["causes"][0]["code"], "SYS.1000");
        assert_eq!(full["cause"]["cause"], Value::Null);
        assert_eq!(full["cause"]["causes"], json!([]));
        assert_eq!(full_error_json(&json!("text")), json!("text"));
    }

    #[test]
    fn cause_is_omitted_when_absent_and_kept_when_present() {
        let plain = serde_json::to_value(ErrorCode::wrong_password()).unwrap();
        assert_eq!(plain.get("cause"), None);
        assert_eq!(plain["code"], "ID.1000");
        let mut outer = ErrorCode::new("SYS.1006", "outer");
        outer.cause = Some(Box::new(ErrorCode::new("SYS.1000", "inner")));
        let value = serde_json::to_value(&outer).unwrap();
        assert_eq!(value["cause"]["code"], "SYS.1000");
        assert_eq!(value["cause"]["description"], description_of("SYS.1000"));
    }
}
