//! Whose session it is, and ending it: QueryAccount and ZStack's logout.

use super::client_error::ClientError;
use super::transport::{Clock, Method, Transport};
use super::zstack_client::ZStackClient;
use crate::zstack::{api_path, AccountInventory, Query};

impl<T: Transport, C: Clock> ZStackClient<T, C> {
    /// The account of this client's session: by `q=uuid=<account>` when its uuid is known (a
    /// login here said it), else among the accounts the session can see
    /// ([`AccountInventory::own_among`]). `None`: ZStack did not say.
    pub async fn account(
        &self,
        account_uuid: Option<&str>,
    ) -> Result<Option<AccountInventory>, ClientError> {
        let path = api_path(AccountInventory::QUERY_PATH);
        let fields = ["uuid", "name", "type"];
        match account_uuid {
            Some(uuid) => {
                let q = Query::new().eq("uuid", uuid).limit(1).fields(&fields);
                Ok(self.query(&path, &q).await?.inventories.into_iter().next())
            }
            None => {
                // Enough to tell an account that sees only itself from an admin's view.
                let q = Query::new().limit(100).fields(&fields);
                let visible = self.query(&path, &q).await?.inventories;
                Ok(AccountInventory::own_among(visible))
            }
        }
    }

    /// `DELETE /v1/accounts/sessions/{session}` (LogOut, synchronous). A session ZStack no
    /// longer knows is logged out already.
    pub async fn log_out(&self, session: &str) -> Result<(), ClientError> {
        let path = api_path(&format!("/accounts/sessions/{session}"));
        match self
            .call::<serde_json::Value>(Method::Delete, &path, &Query::new(), None)
            .await
        {
            Ok(_) => Ok(()),
            Err(e) if e.is_session_invalid() => Ok(()),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use futures::executor::block_on;

    use super::super::zstack_client_tests::{client, SESSION};
    use super::super::ScriptStep;
    use super::*;

    const ADMIN: &str =
        r#"{"uuid":"36c27e8ff05c4780bf6d2fa65700f22e","name":"admin","type":"SystemAdmin"}"#;
    const ALICE: &str =
        r#"{"uuid":"5b1d1c7e0a6b4c0f9e3f6a2d8c4b7e10","name":"alice","type":"Normal"}"#;

    #[test]
    fn a_known_account_uuid_is_queried_by_uuid() {
        let (c, t, _) = client(vec![ScriptStep::reply(
            200,
            &format!(r#"{{"inventories":[{ALICE}]}}"#),
        )]);
        let account = block_on(c.account(Some("5b1d1c7e0a6b4c0f9e3f6a2d8c4b7e10"))).unwrap();
        assert_eq!(account.unwrap().name, "alice");
        let request = &t.requests()[0];
        assert_eq!(request.method, Method::Get);
        assert_eq!(
            request.url,
            "/zstack/v1/accounts?q=uuid=5b1d1c7e0a6b4c0f9e3f6a2d8c4b7e10&limit=1&fields=uuid,name,type"
        );
        assert_eq!(
            request.header("authorization"),
            Some(format!("OAuth {SESSION}").as_str())
        );
    }

    #[test]
    fn without_an_account_uuid_the_visible_accounts_tell() {
        let (c, t, _) = client(vec![
            ScriptStep::reply(200, &format!(r#"{{"inventories":[{ALICE}]}}"#)),
            ScriptStep::reply(200, &format!(r#"{{"inventories":[{ALICE},{ADMIN}]}}"#)),
            ScriptStep::reply(200, r#"{"inventories":[]}"#),
        ]);
        assert_eq!(block_on(c.account(None)).unwrap().unwrap().name, "alice");
        assert_eq!(block_on(c.account(None)).unwrap().unwrap().name, "admin");
        assert_eq!(block_on(c.account(None)).unwrap(), None);
        assert_eq!(
            t.requests()[0].url,
            "/zstack/v1/accounts?limit=100&fields=uuid,name,type"
        );
    }

    #[test]
    fn an_account_query_error_is_the_error() {
        let (c, _, _) = client(vec![ScriptStep::reply(
            503,
            r#"{"error":{"code":"ID.1001","details":"session expired"}}"#,
        )]);
        assert!(block_on(c.account(None)).unwrap_err().is_session_invalid());
    }

    #[test]
    fn log_out_deletes_the_session() {
        let (c, t, _) = client(vec![ScriptStep::reply(200, "{}")]);
        block_on(c.log_out(SESSION)).unwrap();
        let request = &t.requests()[0];
        assert_eq!(request.method, Method::Delete);
        assert_eq!(
            request.url,
            format!("/zstack/v1/accounts/sessions/{SESSION}")
        );
    }

    #[test]
    fn log_out_of_an_expired_session_is_done_and_other_errors_are_not() {
        let (c, _, _) = client(vec![
            ScriptStep::reply(503, r#"{"error":{"code":"ID.1001","details":"expired"}}"#),
            ScriptStep::reply(502, "<html>Bad Gateway</html>"),
        ]);
        assert_eq!(block_on(c.log_out(SESSION)), Ok(()));
        assert!(block_on(c.log_out(SESSION)).is_err());
    }
}
