//! A draft read back from the tab's store is data from outside: a tampered or stale entry may
//! repeat a row id, a tag uuid or a GPU vendor. The form keys its rows and choices by them, and
//! a repeated key must never reach the renderer, so a kept draft is repaired before use.

use std::collections::BTreeSet;

use super::draft::{Draft, VendorSpecs};
use super::rows::RowId;

impl Draft {
    /// The same draft with every key unique: rows keyed anew in their order (content kept),
    /// repeated tag uuids dropped, a vendor's repeated entries merged (specs kept once each).
    pub fn repaired(mut self) -> Draft {
        for (i, row) in self.architecture_rows.iter_mut().enumerate() {
            row.id = RowId(i as u32);
        }
        self.next_row_id = self.architecture_rows.len() as u32;
        self.tag_uuids = unique(std::mem::take(&mut self.tag_uuids));
        let mut vendors: Vec<VendorSpecs> = Vec::new();
        for entry in std::mem::take(&mut self.vendor_specs) {
            match vendors.iter_mut().find(|v| v.vendor == entry.vendor) {
                Some(v) => v.spec_uuids.extend(entry.spec_uuids),
                None => vendors.push(entry),
            }
        }
        for v in &mut vendors {
            v.spec_uuids = unique(std::mem::take(&mut v.spec_uuids));
        }
        self.vendor_specs = vendors;
        self
    }
}

/// The items in their first order, each once.
fn unique(items: Vec<String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    items
        .into_iter()
        .filter(|item| seen.insert(item.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::ArchitectureRow;

    #[test]
    fn repeated_keys_are_made_unique_and_content_is_kept() {
        let row = |id, arch: &str| ArchitectureRow {
            id: RowId(id),
            cpu_architecture: arch.into(),
            ..ArchitectureRow::default()
        };
        let draft = Draft {
            architecture_rows: vec![row(1, "x86_64"), row(1, "aarch64"), row(7, "mips64el")],
            next_row_id: 0,
            tag_uuids: vec!["a".into(), "b".into(), "a".into()],
            vendor_specs: vec![
                VendorSpecs {
                    vendor: "NVIDIA".into(),
                    spec_uuids: vec!["s1".into()],
                },
                VendorSpecs {
                    vendor: "NVIDIA".into(),
                    spec_uuids: vec!["s1".into(), "s2".into()],
                },
            ],
            ..Draft::default()
        }
        .repaired();
        let ids: Vec<u32> = draft.architecture_rows.iter().map(|r| r.id.0).collect();
        assert_eq!(ids, [0, 1, 2]);
        assert_eq!(draft.architecture_rows[1].cpu_architecture, "aarch64");
        assert_eq!(draft.next_row_id, 3);
        let mut fresh = draft.clone();
        assert_eq!(fresh.add_row(), RowId(3), "new rows never reuse a key");
        assert_eq!(draft.tag_uuids, ["a", "b"]);
        assert_eq!(draft.vendor_specs.len(), 1);
        assert_eq!(draft.vendor_specs[0].spec_uuids, ["s1", "s2"]);
    }
}
