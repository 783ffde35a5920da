//! Login and sessions (synchronous APIs).

use serde::{Deserialize, Serialize};

use super::ZStackDate;

/// `PUT /v1/accounts/login` body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoginBody {
    pub log_in_by_account: LogInByAccount,
}

/// The account name and the lower-case sha512 hex of the password.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogInByAccount {
    pub account_name: String,
    pub password: String,
}

/// A session; its `uuid` is the token of `Authorization: OAuth <uuid>`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SessionInventory {
    pub uuid: String,
    pub account_uuid: Option<String>,
    pub user_uuid: Option<String>,
    pub user_type: Option<String>,
    pub expired_date: Option<ZStackDate>,
    pub create_date: Option<ZStackDate>,
}

/// `GET /v1/accounts/sessions/{uuid}/valid` reply.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionValidity {
    pub valid: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zstack::InventoryReply;

    #[test]
    fn login_body_shape() {
        let body = LoginBody {
            log_in_by_account: LogInByAccount {
                account_name: "admin".into(),
                password: "ab".into(),
            },
        };
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"logInByAccount":{"accountName":"admin","password":"ab"}}"#
        );
    }

    #[test]
    fn session_reply_and_validity() {
        let r: InventoryReply<SessionInventory> = serde_json::from_str(
            r#"{"inventory":{"uuid":"b86c9016b4f24953a9edefb53ca0678c","accountUuid":"x",
            "userUuid":"y","userType":"AccountVO","expiredDate":"Nov 25, 2025 1:51:50 PM",
            "createDate":"Nov 25, 2025 11:51:50 AM"}}"#,
        )
        .unwrap();
        let s = r.inventory.unwrap();
        assert_eq!(s.uuid, "b86c9016b4f24953a9edefb53ca0678c");
        assert_eq!(s.expired_date.unwrap().raw, "Nov 25, 2025 1:51:50 PM");
        let v: SessionValidity = serde_json::from_str(r#"{"valid":false}"#).unwrap();
        assert!(!v.valid);
    }
}
