//! Accounts (QueryAccount, `GET /v1/accounts`): who a session belongs to.

use serde::{Deserialize, Serialize};

/// An account as QueryAccount lists it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AccountInventory {
    pub uuid: String,
    pub name: String,
    /// `SystemAdmin` or `Normal`.
    #[serde(rename = "type")]
    pub account_type: String,
}

impl AccountInventory {
    /// Where accounts are queried.
    pub const QUERY_PATH: &'static str = "/accounts";
    /// The type of ZStack's admin account.
    pub const ADMIN_TYPE: &'static str = "SystemAdmin";

    /// The session's own account among the accounts it can see, when no account uuid is known
    /// (a session handed over by a link): a normal account sees only itself; one that sees
    /// several is an admin, whose account is the one of the admin type. UNCONFIRMED: who sees
    /// which accounts is not in the contract; with anything else, `None` (not guessed).
    pub fn own_among(visible: Vec<AccountInventory>) -> Option<AccountInventory> {
        if visible.len() == 1 {
            return visible.into_iter().next();
        }
        let mut admins = visible
            .into_iter()
            .filter(|a| a.account_type == Self::ADMIN_TYPE);
        match (admins.next(), admins.next()) {
            (Some(admin), None) => Some(admin),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zstack::QueryReply;

    fn account(name: &str, account_type: &str) -> AccountInventory {
        AccountInventory {
            uuid: format!("{name:0>32}"),
            name: name.into(),
            account_type: account_type.into(),
        }
    }

    #[test]
    fn a_reply_of_accounts_parses_with_its_type() {
        let reply: QueryReply<AccountInventory> = serde_json::from_str(
            r#"{"inventories":[{"uuid":"36c27e8ff05c4780bf6d2fa65700f22e","name":"admin",
                "type":"SystemAdmin","createDate":"Nov 25, 2025 11:51:50 AM"}],
                "schema":{"inventories[0]":"org.zstack.header.identity.AccountInventory"}}"#,
        )
        .unwrap();
        assert_eq!(reply.inventories[0].name, "admin");
        assert_eq!(reply.inventories[0].account_type, "SystemAdmin");
    }

    #[test]
    fn the_own_account_is_the_only_one_seen_or_the_one_admin() {
        let alice = account("alice", "Normal");
        let admin = account("admin", "SystemAdmin");
        assert_eq!(
            AccountInventory::own_among(vec![alice.clone()]),
            Some(alice.clone())
        );
        assert_eq!(
            AccountInventory::own_among(vec![alice.clone(), admin.clone()]),
            Some(admin.clone())
        );
        assert_eq!(AccountInventory::own_among(vec![]), None);
        // Two normal accounts, or two admins: whose session it is cannot be told.
        assert_eq!(
            AccountInventory::own_among(vec![alice.clone(), account("bob", "Normal")]),
            None
        );
        assert_eq!(
            AccountInventory::own_among(vec![admin.clone(), account("root", "SystemAdmin")]),
            None
        );
    }
}
