//! The data the simulator starts from: accounts and the inventories of every resource kind.
//! Serialized as JSON in the inventories' own shape, so `--seed file.json` can be hand-written
//! (see `sim/seed.example.json`, generated from [`builtin`]).

mod builtin;
mod catalogue;

use serde::{Deserialize, Serialize};

use crate::inventory::{
    ImageInventory, ModelCenterInventory, ModelServiceInventory, PciDeviceSpecInventory,
    TagInventory,
};

pub use builtin::builtin;
pub use catalogue::{
    catalogue, generated_name, generated_uuid, SERVICE_LOOKALIKE, SERVICE_MARKUP,
    SERVICE_PERCENT_UNDERSCORE,
};

/// The built-in admin account's name and plain-text password.
pub const ADMIN_ACCOUNT: &str = "admin";
pub const ADMIN_PASSWORD: &str = "password";
pub const ADMIN_ACCOUNT_UUID: &str = "36c27e8ff05c4780bf6d2fa65700f22e";
/// A normal account of the built-in seed (it sees only itself among accounts).
pub const USER_ACCOUNT: &str = "mlops";
pub const USER_PASSWORD: &str = "password";
pub const USER_ACCOUNT_UUID: &str = "5b1d1c7e0a6b4c0f9e3f6a2d8c4b7e10";

/// x86_64 + aarch64 images, `vendorToSpecUuidsMap`, container command/args, model refs.
pub const SERVICE_TWO_ARCH: &str = "d76744cb53f9478abf42b907df3efb6e";
/// One architecture (x86_64) with one image.
pub const SERVICE_ONE_ARCH: &str = "1a2b3c4d5e6f47018a9b0c1d2e3f4a51";
/// No architecture at all: no `cpuArchitectures`, no images, most optional fields absent.
pub const SERVICE_NO_ARCH: &str = "0f0e0d0c0b0a49088776655443322110";
/// Chinese name, description and readme; one aarch64 image.
pub const SERVICE_CJK: &str = "c1c2c3c4c5c64c7c8c9cacbcccdcecf0";
/// A long multi-line YAML (with quotes, tabs-free indentation, unicode and a blank line).
pub const SERVICE_LONG_YAML: &str = "7a3e5f0c9b2d4e1f8a6c3b5d7e9f1a2c";
/// `system: true`, type App, source Bentoml.
pub const SERVICE_SYSTEM: &str = "5757e3e000004e5e9a5e000000000001";
/// `size` = i64::MAX and a huge `requestMemory`: catches any f64 round trip.
pub const SERVICE_HUGE_NUMBERS: &str = "b19b19b1b19b4b19ab19b19b19b19b19";

pub const IMAGE_X86_64: &str = "21cb9f654e9d4feab962ce3f5eec5796";
pub const IMAGE_X86_64_CUDA: &str = "b31bc4574f22426a89902edac5d14a72";
pub const IMAGE_AARCH64: &str = "1d919fda666b4bdcb5f4925f1cf17c71";
pub const IMAGE_AARCH64_ASCEND: &str = "b2085e2ac2d84029a7947cb09178daaa";

pub const TAG_PRODUCTION: &str = "7a900001000040008000000000000001";
pub const TAG_EXPERIMENTAL: &str = "7a900002000040008000000000000002";
pub const TAG_CJK: &str = "7a900003000040008000000000000003";

pub const GPU_SPEC_NVIDIA_A100: &str = "6b0a1000000040008000000000000001";
pub const GPU_SPEC_NVIDIA_L40S: &str = "6b0a1000000040008000000000000002";
pub const GPU_SPEC_HUAWEI_910B: &str = "6b0a1000000040008000000000000003";
/// A PCI spec that is not a GPU (a NIC): `/pci-device-specs` lists it, a client must filter it out.
pub const PCI_SPEC_CONNECTX6: &str = "6b0a1000000040008000000000000004";

pub const MODEL_CENTER: &str = "432c5fdd49374bb0a2fd7877f0a877cf";

/// Everything the simulator starts with (and returns to on `POST /__sim/reset`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Seed {
    pub accounts: Vec<SeedAccount>,
    #[serde(default)]
    pub model_services: Vec<ModelServiceInventory>,
    #[serde(default)]
    pub images: Vec<ImageInventory>,
    #[serde(default)]
    pub tags: Vec<TagInventory>,
    /// PCI device specs, GPU ones included (`gpuDeviceSpecs` accepted as an older name).
    #[serde(default, alias = "gpuDeviceSpecs")]
    pub pci_device_specs: Vec<PciDeviceSpecInventory>,
    #[serde(default)]
    pub model_centers: Vec<ModelCenterInventory>,
}

/// An account that can log in; `password` is the plain text (login compares its sha512 hex).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SeedAccount {
    pub uuid: String,
    pub name: String,
    pub password: String,
    /// ZStack's account type: `SystemAdmin` (sees every account) or `Normal` (the default).
    #[serde(rename = "type", default = "normal_account")]
    pub account_type: String,
}

fn normal_account() -> String {
    NORMAL_ACCOUNT_TYPE.to_owned()
}

/// `AccountInventory.type` of the admin account.
pub const ADMIN_ACCOUNT_TYPE: &str = "SystemAdmin";
/// `AccountInventory.type` of every other account.
pub const NORMAL_ACCOUNT_TYPE: &str = "Normal";

impl Seed {
    /// Reads a seed from JSON text.
    pub fn from_json(text: &str) -> Result<Seed, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// Reads a seed file (`--seed`).
    pub fn from_file(path: &std::path::Path) -> std::io::Result<Seed> {
        let text = std::fs::read_to_string(path)?;
        Seed::from_json(&text).map_err(|e| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("{}: {e}", path.display()),
            )
        })
    }
}
