//! Lists as the user types them when a picker cannot load its choices: one item per line, and
//! GPU vendors as `vendor: uuid, uuid`.

use super::draft::VendorSpecs;

/// Non-empty lines, trimmed.
pub fn lines_to_list(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

pub fn list_to_lines(items: &[String]) -> String {
    items.join("\n")
}

/// `NVIDIA: uuid1, uuid2` per line; a line without `:` is a vendor without specs.
pub fn lines_to_vendors(text: &str) -> Vec<VendorSpecs> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let (vendor, specs) = line.split_once(':').unwrap_or((line, ""));
            VendorSpecs {
                vendor: vendor.trim().to_owned(),
                spec_uuids: specs
                    .split([',', ' '])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
            }
        })
        .collect()
}

pub fn vendors_to_lines<'a>(vendors: impl IntoIterator<Item = &'a VendorSpecs>) -> String {
    vendors
        .into_iter()
        .map(|v| format!("{}: {}", v.vendor, v.spec_uuids.join(", ")))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_round_trip() {
        let items = lines_to_list(" a \n\nb\n");
        assert_eq!(items, ["a", "b"]);
        assert_eq!(list_to_lines(&items), "a\nb");
    }

    #[test]
    fn vendors_round_trip() {
        let v = lines_to_vendors("NVIDIA: u1, u2, u1\nHuawei:u3\n\nAMD");
        assert_eq!(v.len(), 3);
        assert_eq!(v[0].vendor, "NVIDIA");
        assert_eq!(*v[0].spec_uuids, ["u1", "u2"], "a vendor's spec once");
        assert_eq!(*v[1].spec_uuids, ["u3"]);
        assert!(v[2].spec_uuids.is_empty());
        assert_eq!(lines_to_vendors(&vendors_to_lines(&v)), v);
    }
}
