//! Every part derived from the parameter table knows every field: the form places it (or the
//! field is one of the two that are not controls of their own), the diff lists a change of it,
//! the request carries it, and every preview format (JSON, curl, Java, Python) writes it. The
//! label is `i18n`'s test (and a compile error without one). A row whose kind of value some part
//! does not handle fails here.

use std::collections::BTreeSet;

use super::validation_tests::source;
use super::*;
use crate::zstack::CloneRequest;

const SPEC: &str = "b31bc4574f22426a89902edac5d14a72";

/// The `resourceUuid` made with the draft.
const RESOURCE_UUID: &str = "90d425a802ff44eeb530f21587633700";

/// A valid new value for a text field, by its valid values or its rule.
fn new_text(field: Field, current: &str) -> String {
    if let Some(values) = field.valid_values() {
        return values.iter().find(|v| **v != current).unwrap().to_string();
    }
    ["changed", "8.6", "b: 2\n"]
        .into_iter()
        .find(|t| *t != current && field.check().is_none_or(|check| check(t).is_none()))
        .unwrap_or_else(|| panic!("no valid sample for {field:?}"))
        .to_owned()
}

/// The pre-filled draft with only `field` changed, to a valid value.
fn changed(field: Field) -> Draft {
    let mut d = Draft::mirror(&source());
    match field.kind() {
        Kind::Url => unreachable!("the source's uuid is not edited"),
        Kind::Text => {
            let text = new_text(field, d.text(field).unwrap());
            *d.text_mut(field).unwrap() = text;
        }
        Kind::Long | Kind::Integer => *d.text_mut(field).unwrap() = "7".into(),
        Kind::Boolean => {
            let flag = d.flag_mut(field).unwrap();
            *flag = !*flag;
        }
        Kind::List | Kind::TopList => {
            let mut items = d.list(field).unwrap().to_vec();
            items.push(SPEC.into());
            assert!(d.set_list(field, items));
        }
        Kind::Special(special) => match special {
            Special::ResourceUuid => d.resource_uuid = "0123456789ab4def8123456789abcdef".into(),
            Special::CpuArchitectures => {
                let row = d.architecture_rows.values_mut().next().unwrap();
                row.cpu_architecture = "aarch64".into();
            }
            Special::ArchitectureImages => {
                let row = d.architecture_rows.values_mut().next().unwrap();
                row.docker_image = "registry.example.com/other:2".into();
            }
            Special::VendorToSpecUuidsMap => {
                d.vendor_specs.replace_all([VendorSpecs {
                    vendor: "NVIDIA".into(),
                    spec_uuids: [SPEC.to_string()].into_iter().collect(),
                }]);
            }
        },
    }
    d
}

#[test]
fn every_field_has_a_place_in_the_form() {
    for field in Field::ALL {
        assert!(
            field.placement().is_some() || matches!(field, Field::Uuid | Field::CpuArchitectures),
            "{field:?} has no control"
        );
    }
    let placed: BTreeSet<Field> = Group::ALL
        .into_iter()
        .flat_map(Field::in_group)
        .map(|(f, _)| f)
        .collect();
    assert_eq!(placed.len(), Field::ALL.len() - 2);
}

#[test]
fn every_changed_field_is_in_the_diff_the_request_and_every_preview() {
    let src = source();
    for field in Field::ALL {
        let api = field.api_name();
        if field == Field::Uuid {
            let d = Draft::from_inventory(&src);
            let r = CloneRequest::from_draft(&d, &src, RESOURCE_UUID).unwrap();
            assert!(r.path().ends_with(&d.source_uuid));
            continue;
        }
        let d = changed(field);
        let changes = d.changed_fields(&src);
        let expected: BTreeSet<Field> = match field {
            Field::CpuArchitectures | Field::ArchitectureImages => {
                [Field::CpuArchitectures, Field::ArchitectureImages].into()
            }
            _ => [field].into(),
        };
        assert_eq!(changes, expected, "{field:?}: the sample changes only it");

        let diff = d.diff(&src);
        assert!(
            diff.iter().any(|c| c.field == field && c.old != c.new),
            "{field:?} is not in the diff: {diff:?}"
        );

        let request = CloneRequest::from_draft(&d, &src, RESOURCE_UUID)
            .unwrap_or_else(|p| panic!("{field:?}: {p:?}"));
        let json: serde_json::Value = serde_json::from_str(&request.to_json()).unwrap();
        assert!(
            json["params"].get(api).is_some() || json.get(api).is_some(),
            "{field:?} is not in the request: {json}"
        );

        let preview = RequestPreview {
            request: &request,
            api_url: "http://localhost:8080/zstack",
            session: "b86c9016b4f24953a9edefb53ca0678c",
            reveal_token: false,
            job_uuid: None,
        };
        let key = format!("\"{api}\":");
        let line = format!("action.{api} = ");
        assert!(preview.json_pretty().contains(&key), "{field:?}: JSON");
        assert!(preview.curl().contains(&key), "{field:?}: curl");
        assert!(preview.java().contains(&line), "{field:?}: Java");
        assert!(preview.python().contains(&line), "{field:?}: Python");
    }
}

/// What is always sent is in every format even when nothing changed.
#[test]
fn fields_always_sent_are_in_every_preview_of_a_fresh_draft() {
    let src = source();
    let d = Draft::mirror(&src);
    let request = CloneRequest::from_draft(&d, &src, RESOURCE_UUID).unwrap();
    let preview = RequestPreview {
        request: &request,
        api_url: "http://localhost:8080/zstack",
        session: "b86c9016b4f24953a9edefb53ca0678c",
        reveal_token: false,
        job_uuid: None,
    };
    assert!(d.diff(&src).is_empty());
    for field in Field::ALL.into_iter().filter(|f| f.always_sent()) {
        let api = field.api_name();
        assert!(
            preview.json_compact().contains(&format!("\"{api}\":")),
            "{field:?}"
        );
        assert!(
            preview.java().contains(&format!("action.{api} = ")),
            "{field:?}"
        );
        assert!(
            preview.python().contains(&format!("action.{api} = ")),
            "{field:?}"
        );
    }
}
