//! CPU architectures and the architecture rows of the form.
//!
//! Inventories write architectures in lower case (`x86_64`), the API page's requests in upper
//! case (`X86_64`). The form keeps what the user typed or the source had, compares
//! case-insensitively everywhere, and sends the API page's upper-case form.

use serde::{Deserialize, Serialize};

/// The architectures ZStack runs on, in the inventories' lower-case form.
pub const KNOWN_ARCHITECTURES: [&str; 4] = ["x86_64", "aarch64", "loongarch64", "mips64el"];

/// The known architecture equal to `text` ignoring case and surrounding spaces.
pub fn known_architecture(text: &str) -> Option<&'static str> {
    let t = text.trim();
    KNOWN_ARCHITECTURES
        .into_iter()
        .find(|a| a.eq_ignore_ascii_case(t))
}

/// Whether two architecture names are the same, ignoring case and surrounding spaces.
pub fn same_architecture(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// The form sent to ZStack: upper case, as on the API page (`X86_64`).
pub fn architecture_for_request(text: &str) -> String {
    text.trim().to_ascii_uppercase()
}

/// One entry of `architectureImages`, as typed (its key is the [`super::Rows`]' it is in).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ArchitectureRow {
    pub cpu_architecture: String,
    pub vm_image_uuid: String,
    pub docker_image: String,
}

impl ArchitectureRow {
    pub fn is_blank(&self) -> bool {
        self.cpu_architecture.trim().is_empty()
            && self.vm_image_uuid.trim().is_empty()
            && self.docker_image.trim().is_empty()
    }

    /// Same content, ignoring the architecture's case.
    pub fn same_content(&self, other: &ArchitectureRow) -> bool {
        same_architecture(&self.cpu_architecture, &other.cpu_architecture)
            && self.vm_image_uuid == other.vm_image_uuid
            && self.docker_image == other.docker_image
    }

    /// `x86_64 (vm image, docker image)` for "what will change".
    pub fn display(&self) -> String {
        let parts: Vec<&str> = [self.vm_image_uuid.as_str(), self.docker_image.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        if parts.is_empty() {
            self.cpu_architecture.clone()
        } else {
            format!("{} ({})", self.cpu_architecture, parts.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn architectures_compare_case_insensitively() {
        assert_eq!(known_architecture("X86_64"), Some("x86_64"));
        assert_eq!(known_architecture(" AArch64 "), Some("aarch64"));
        assert_eq!(known_architecture("LOONGARCH64"), Some("loongarch64"));
        assert_eq!(known_architecture("mips64el"), Some("mips64el"));
        assert_eq!(known_architecture("arm64"), None);
        assert_eq!(known_architecture(""), None);
        assert!(same_architecture("x86_64", "X86_64"));
        assert!(!same_architecture("x86_64", "aarch64"));
        assert_eq!(architecture_for_request("aarch64"), "AARCH64");
    }

    #[test]
    fn row_content_and_display() {
        let a = ArchitectureRow {
            cpu_architecture: "x86_64".into(),
            vm_image_uuid: "v".into(),
            docker_image: String::new(),
        };
        let mut b = a.clone();
        b.cpu_architecture = "X86_64".into();
        assert!(a.same_content(&b));
        assert_eq!(a.display(), "x86_64 (v)");
        assert!(!a.is_blank());
        assert!(ArchitectureRow::default().is_blank());
    }
}
