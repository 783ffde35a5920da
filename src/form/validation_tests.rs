//! Every validation rule with good and bad values.

use super::*;
use crate::zstack::{ModelServiceImage, ModelServiceInventory};

pub(crate) fn source() -> ModelServiceInventory {
    ModelServiceInventory {
        uuid: Some("d76744cb53f9378abf42b907df3efb6e".into()),
        name: Some("qwen".into()),
        service_type: Some("Endpoint".into()),
        source: Some("HuggingFace".into()),
        request_cpu: Some(4),
        request_memory: Some(8192),
        size: Some(0),
        yaml: Some("a: 1\n".into()),
        model_service_images: vec![ModelServiceImage {
            cpu_architecture: Some("x86_64".into()),
            vm_image_uuid: Some("21cb9f654e9d3feab962ce3f5eec5796".into()),
            docker_image: Some("registry.example.com/x86_64/img:latest".into()),
            ..Default::default()
        }],
        cpu_architectures: vec!["x86_64".into()],
        ..Default::default()
    }
}

fn check(edit: impl FnOnce(&mut Draft), field: Field) -> Option<Problem> {
    let mut d = Draft::from_inventory(&source());
    edit(&mut d);
    d.validate(&source()).field(field).cloned()
}

#[test]
fn a_fresh_draft_is_valid() {
    assert!(Draft::from_inventory(&source())
        .validate(&source())
        .is_empty());
}

#[test]
fn unchanged_source_values_are_not_checked() {
    let mut src = source();
    src.service_type = Some("SomethingNewer".into());
    src.gpu_compute_capability = Some("sm_80".into());
    let d = Draft::from_inventory(&src);
    assert!(d.validate(&src).is_empty());
    let mut d2 = d.clone();
    d2.gpu_compute_capability = "sm_86".into();
    assert_eq!(
        d2.validate(&src).field(Field::GpuComputeCapability),
        Some(&Problem::NotAComputeCapability)
    );
}

#[test]
fn name_rules() {
    assert_eq!(
        check(|d| d.name = "  ".into(), Field::Name),
        Some(Problem::Required)
    );
    assert_eq!(
        check(|d| d.name = "x".repeat(256), Field::Name),
        Some(Problem::TooLong {
            max: 255,
            actual: 256
        })
    );
    assert_eq!(check(|d| d.name = "模".repeat(255), Field::Name), None);
}

#[test]
fn long_and_integer_rules() {
    let range = |max| Some(Problem::OutOfRange { min: 0, max });
    assert_eq!(
        check(|d| d.size = "9223372036854775807".into(), Field::Size),
        None
    );
    assert_eq!(
        check(|d| d.size = "9223372036854775808".into(), Field::Size),
        range(i64::MAX)
    );
    assert_eq!(
        check(|d| d.size = "-1".into(), Field::Size),
        range(i64::MAX)
    );
    assert_eq!(
        check(|d| d.size = "1.5".into(), Field::Size),
        Some(Problem::NotAnInteger)
    );
    assert_eq!(
        check(|d| d.size = String::new(), Field::Size),
        Some(Problem::Required)
    );
    assert_eq!(
        check(
            |d| d.request_memory = "9007199254740993".into(),
            Field::RequestMemory
        ),
        None
    );
    assert_eq!(
        check(
            |d| d.request_memory = "-9223372036854775808".into(),
            Field::RequestMemory
        ),
        range(i64::MAX)
    );
    assert_eq!(
        check(|d| d.request_cpu = "2147483647".into(), Field::RequestCpu),
        None
    );
    assert_eq!(
        check(|d| d.request_cpu = "2147483648".into(), Field::RequestCpu),
        range(2147483647)
    );
    assert_eq!(
        check(|d| d.request_cpu = "four".into(), Field::RequestCpu),
        Some(Problem::NotAnInteger)
    );
}

#[test]
fn valid_values_of_type_and_source() {
    assert_eq!(
        check(|d| d.service_type = "FineTune".into(), Field::Type),
        None
    );
    assert_eq!(
        check(|d| d.service_type = "ModelEval".into(), Field::Type),
        None
    );
    assert_eq!(
        check(|d| d.service_type = "endpoint".into(), Field::Type),
        Some(Problem::NotOneOf {
            allowed: Field::Type.valid_values().unwrap()
        })
    );
    assert_eq!(
        check(|d| d.service_type = String::new(), Field::Type),
        Some(Problem::Required)
    );
    assert_eq!(check(|d| d.source = "Bentoml".into(), Field::Source), None);
    assert_eq!(
        check(|d| d.source = "GitHub".into(), Field::Source),
        Some(Problem::NotOneOf {
            allowed: Field::Source.valid_values().unwrap()
        })
    );
}

#[test]
fn uuid_rules() {
    assert_eq!(
        check(
            |d| d.resource_uuid = "90d425a802ff44eeb530f21587633700".into(),
            Field::ResourceUuid
        ),
        None
    );
    assert_eq!(
        check(
            |d| d.resource_uuid = "90d425a802ff04eeb530f21587633700".into(),
            Field::ResourceUuid
        ),
        Some(Problem::NotAResourceUuid)
    );
    let good = "c13336388d574fec824752525ae05a21";
    let tags = |items: &[&str]| {
        items
            .iter()
            .map(|s| s.to_string())
            .collect::<KeyedList<_>>()
    };
    assert_eq!(
        check(|d| d.tag_uuids = tags(&[good]), Field::TagUuids),
        None
    );
    assert_eq!(
        check(|d| d.tag_uuids = tags(&[good, "nope"]), Field::TagUuids),
        Some(Problem::BadItem {
            index: 1,
            problem: Box::new(Problem::NotAUuid)
        })
    );
    // A tag chosen twice is chosen once, a list typed as text included; other lists keep what
    // was typed, and say what repeats.
    let mut d = Draft::default();
    assert!(d.set_list(Field::TagUuids, vec![good.into(), good.into()]));
    assert_eq!(*d.tag_uuids, [good]);
    assert!(d.set_list(Field::SystemTags, vec!["a".into(), "a".into()]));
    let repeat = Some(Problem::DuplicateItem { index: 1 });
    assert_eq!(d.field_problem(Field::SystemTags), repeat);
    assert!(!d.set_list(Field::Name, vec![]));
}

#[test]
fn tags_rules() {
    assert_eq!(
        check(|d| d.system_tags = vec!["a::b".into()], Field::SystemTags),
        None
    );
    assert_eq!(
        check(|d| d.user_tags = vec![String::new()], Field::UserTags),
        Some(Problem::BadItem {
            index: 0,
            problem: Box::new(Problem::Required)
        })
    );
    assert_eq!(
        check(|d| d.user_tags = vec!["t".repeat(1025)], Field::UserTags),
        Some(Problem::BadItem {
            index: 0,
            problem: Box::new(Problem::TooLong {
                max: 1024,
                actual: 1025
            })
        })
    );
}

#[test]
fn compute_capability_and_lengths() {
    assert_eq!(
        check(
            |d| d.gpu_compute_capability = "8.6".into(),
            Field::GpuComputeCapability
        ),
        None
    );
    assert_eq!(
        check(
            |d| d.gpu_compute_capability = "8".into(),
            Field::GpuComputeCapability
        ),
        Some(Problem::NotAComputeCapability)
    );
    for (field, edit) in [
        (
            Field::Description,
            (|d: &mut Draft| d.description = "d".repeat(2049)) as fn(&mut Draft),
        ),
        (Field::StartCommand, |d: &mut Draft| {
            d.start_command = "s".repeat(2049)
        }),
        (Field::InstallPath, |d: &mut Draft| {
            d.install_path = "p".repeat(2049)
        }),
        (Field::ContainerCommand, |d: &mut Draft| {
            d.container_command = "c".repeat(2049)
        }),
        (Field::ContainerArgs, |d: &mut Draft| {
            d.container_args = "a".repeat(2049)
        }),
        (Field::PythonVersion, |d: &mut Draft| {
            d.python_version = "3".repeat(256)
        }),
        (Field::CondaVersion, |d: &mut Draft| {
            d.conda_version = "2".repeat(256)
        }),
        (Field::Framework, |d: &mut Draft| {
            d.framework = "f".repeat(256)
        }),
        (Field::Readme, |d: &mut Draft| d.readme = "r".repeat(65_536)),
    ] {
        assert!(
            matches!(check(edit, field), Some(Problem::TooLong { .. })),
            "{field:?}"
        );
    }
    assert_eq!(
        check(
            |d| d.container_args = "--port 8000".into(),
            Field::ContainerArgs
        ),
        None
    );
}

#[test]
fn yaml_rules() {
    assert_eq!(
        check(|d| d.yaml = "services:\n  - name: x\n".into(), Field::Yaml),
        None
    );
    let p = check(|d| d.yaml = "a: [1, 2\nb: 3\n".into(), Field::Yaml).unwrap();
    assert!(
        matches!(p, Problem::YamlSyntax { line, column, .. } if line >= 1 && column >= 1),
        "{p:?}"
    );
}

#[test]
fn vendor_map_rules() {
    let spec = "b31bc4574f22426a89902edac5d14a72".to_string();
    let entry = |v: &str, specs: Vec<String>| VendorSpecs {
        vendor: v.into(),
        spec_uuids: specs.into_iter().collect(),
    };
    assert_eq!(
        check(
            |d| d.vendor_specs = [entry("NVIDIA", vec![spec.clone()])].into_iter().collect(),
            Field::VendorToSpecUuidsMap
        ),
        None
    );
    assert_eq!(
        check(
            |d| d.vendor_specs = [entry("", vec![spec.clone()])].into_iter().collect(),
            Field::VendorToSpecUuidsMap
        ),
        Some(Problem::BadItem {
            index: 0,
            problem: Box::new(Problem::Required)
        })
    );
    assert_eq!(
        check(
            |d| d.vendor_specs = [entry("NVIDIA", vec![])].into_iter().collect(),
            Field::VendorToSpecUuidsMap
        ),
        Some(Problem::BadItem {
            index: 0,
            problem: Box::new(Problem::Required)
        })
    );
    assert_eq!(
        check(
            |d| d.vendor_specs = [
                entry("A", vec![spec.clone()]),
                entry("A", vec![spec.clone()])
            ]
            .into_iter()
            .collect(),
            Field::VendorToSpecUuidsMap
        ),
        Some(Problem::DuplicateItem { index: 1 })
    );
    assert_eq!(
        check(
            |d| d.vendor_specs = [entry("AMD", vec!["x".into()])].into_iter().collect(),
            Field::VendorToSpecUuidsMap
        ),
        Some(Problem::BadItem {
            index: 0,
            problem: Box::new(Problem::BadItem {
                index: 0,
                problem: Box::new(Problem::NotAUuid)
            })
        })
    );
}

#[test]
fn architecture_row_rules() {
    let src = source();
    let mut d = Draft::from_inventory(&src);
    let row = |arch: &str, vm: &str, docker: &str| ArchitectureRow {
        cpu_architecture: arch.into(),
        vm_image_uuid: vm.into(),
        docker_image: docker.into(),
    };
    let first = d.architecture_rows.ids().next().unwrap();
    let dup = d.architecture_rows.push(row("X86_64", "", ""));
    let unknown = d.architecture_rows.push(row("arm64", "not-a-uuid", "a b"));
    let empty = d.architecture_rows.push(row("", "", ""));
    let no_arch = d.architecture_rows.push(row("", "", "img:1"));
    let good = d.architecture_rows.push(row("LoongArch64", "", ""));

    let p = d.validate(&src);
    use RowField::*;
    assert_eq!(p.row(first, CpuArchitecture), None);
    assert_eq!(
        p.row(dup, CpuArchitecture),
        Some(&Problem::DuplicateArchitecture)
    );
    assert_eq!(
        p.row(unknown, CpuArchitecture),
        Some(&Problem::UnknownArchitecture)
    );
    assert_eq!(p.row(unknown, VmImageUuid), Some(&Problem::NotAUuid));
    assert_eq!(
        p.row(unknown, DockerImage),
        Some(&Problem::ContainsWhitespace)
    );
    assert_eq!(p.row(empty, CpuArchitecture), Some(&Problem::EmptyRow));
    assert_eq!(p.row(no_arch, CpuArchitecture), Some(&Problem::Required));
    assert_eq!(p.row(good, CpuArchitecture), None);
    assert_eq!(p.len(), 6);
    assert_eq!(
        d.control_name(ProblemKey::Row {
            row: unknown,
            field: VmImageUuid
        })
        .as_deref(),
        Some("architectureImages.2.vmImageUuid")
    );
    assert_eq!(
        d.control_name(ProblemKey::Field(Field::RequestCpu))
            .as_deref(),
        Some("requestCpu")
    );
    assert_eq!(
        d.control_name(ProblemKey::Row {
            row: RowId(999),
            field: DockerImage
        }),
        None
    );
}
