//! The form's fields, each named by its API parameter (also the control's `name` attribute).

use serde::{Deserialize, Serialize};

/// Every parameter of CloneModelService, in the API page's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Field {
    /// The source's uuid (in the URL; not editable).
    Uuid,
    Name,
    Description,
    Readme,
    Size,
    GpuComputeCapability,
    InstallPath,
    StartCommand,
    PythonVersion,
    CondaVersion,
    System,
    Type,
    Yaml,
    Source,
    Framework,
    RequestCpu,
    RequestMemory,
    ResourceUuid,
    TagUuids,
    SystemTags,
    UserTags,
    CpuArchitectures,
    ArchitectureImages,
    SupportDistributed,
    ContainerCommand,
    ContainerArgs,
    VendorToSpecUuidsMap,
}

impl Field {
    /// All 27 parameters, in the API page's order.
    pub const ALL: [Field; 27] = [
        Field::Uuid,
        Field::Name,
        Field::Description,
        Field::Readme,
        Field::Size,
        Field::GpuComputeCapability,
        Field::InstallPath,
        Field::StartCommand,
        Field::PythonVersion,
        Field::CondaVersion,
        Field::System,
        Field::Type,
        Field::Yaml,
        Field::Source,
        Field::Framework,
        Field::RequestCpu,
        Field::RequestMemory,
        Field::ResourceUuid,
        Field::TagUuids,
        Field::SystemTags,
        Field::UserTags,
        Field::CpuArchitectures,
        Field::ArchitectureImages,
        Field::SupportDistributed,
        Field::ContainerCommand,
        Field::ContainerArgs,
        Field::VendorToSpecUuidsMap,
    ];

    /// The API parameter name, e.g. `Field::RequestCpu.api_name() == "requestCpu"`.
    pub fn api_name(self) -> &'static str {
        match self {
            Field::Uuid => "uuid",
            Field::Name => "name",
            Field::Description => "description",
            Field::Readme => "readme",
            Field::Size => "size",
            Field::GpuComputeCapability => "gpuComputeCapability",
            Field::InstallPath => "installPath",
            Field::StartCommand => "startCommand",
            Field::PythonVersion => "pythonVersion",
            Field::CondaVersion => "condaVersion",
            Field::System => "system",
            Field::Type => "type",
            Field::Yaml => "yaml",
            Field::Source => "source",
            Field::Framework => "framework",
            Field::RequestCpu => "requestCpu",
            Field::RequestMemory => "requestMemory",
            Field::ResourceUuid => "resourceUuid",
            Field::TagUuids => "tagUuids",
            Field::SystemTags => "systemTags",
            Field::UserTags => "userTags",
            Field::CpuArchitectures => "cpuArchitectures",
            Field::ArchitectureImages => "architectureImages",
            Field::SupportDistributed => "supportDistributed",
            Field::ContainerCommand => "containerCommand",
            Field::ContainerArgs => "containerArgs",
            Field::VendorToSpecUuidsMap => "vendorToSpecUuidsMap",
        }
    }

    /// The field of an API parameter name.
    pub fn from_api_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.api_name() == name)
    }

    /// The API page's type of the parameter (`String`, `long`, `Integer`, `Boolean`, `List`, `Map`).
    pub fn api_type(self) -> &'static str {
        match self {
            Field::Size => "long",
            Field::RequestMemory => "Long",
            Field::RequestCpu => "Integer",
            Field::System | Field::SupportDistributed => "Boolean",
            Field::TagUuids
            | Field::SystemTags
            | Field::UserTags
            | Field::CpuArchitectures
            | Field::ArchitectureImages => "List",
            Field::VendorToSpecUuidsMap => "Map",
            _ => "String",
        }
    }

    /// The ZStack version that introduced the parameter (from the API page).
    pub fn since_version(self) -> &'static str {
        match self {
            Field::CpuArchitectures | Field::ArchitectureImages => "5.3.40",
            Field::SupportDistributed => "5.3.46",
            Field::ContainerCommand | Field::ContainerArgs | Field::VendorToSpecUuidsMap => {
                "5.5.22"
            }
            _ => "5.3.20",
        }
    }
}

/// A field of one architecture row (an entry of `architectureImages`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RowField {
    CpuArchitecture,
    VmImageUuid,
    DockerImage,
}

impl RowField {
    pub const ALL: [RowField; 3] = [
        RowField::CpuArchitecture,
        RowField::VmImageUuid,
        RowField::DockerImage,
    ];

    pub fn api_name(self) -> &'static str {
        match self {
            RowField::CpuArchitecture => "cpuArchitecture",
            RowField::VmImageUuid => "vmImageUuid",
            RowField::DockerImage => "dockerImage",
        }
    }
}

/// The control name of a row field: `architectureImages.<index>.<field>` (index from 0, the
/// row's current position).
pub fn row_control_name(index: usize, field: RowField) -> String {
    format!("architectureImages.{index}.{}", field.api_name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_api_parameters() {
        assert_eq!(Field::RequestCpu.api_name(), "requestCpu");
        assert_eq!(Field::Type.api_name(), "type");
        assert_eq!(
            Field::VendorToSpecUuidsMap.api_name(),
            "vendorToSpecUuidsMap"
        );
        let mut names: Vec<_> = Field::ALL.iter().map(|f| f.api_name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 27);
        for f in Field::ALL {
            assert_eq!(Field::from_api_name(f.api_name()), Some(f));
        }
        assert_eq!(Field::from_api_name("nope"), None);
        assert_eq!(Field::Size.api_type(), "long");
        assert_eq!(Field::ContainerArgs.since_version(), "5.5.22");
    }

    #[test]
    fn row_control_names() {
        assert_eq!(
            row_control_name(0, RowField::CpuArchitecture),
            "architectureImages.0.cpuArchitecture"
        );
        assert_eq!(
            row_control_name(3, RowField::VmImageUuid),
            "architectureImages.3.vmImageUuid"
        );
        assert_eq!(
            row_control_name(1, RowField::DockerImage),
            "architectureImages.1.dockerImage"
        );
    }
}
