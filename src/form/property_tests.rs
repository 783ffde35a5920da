//! Property tests: arbitrary drafts never panic; valid drafts round-trip; longs stay exact.
//! (That every problem has words in both languages is `i18n`'s test.)

use proptest::prelude::*;

use super::*;
use crate::zstack::{
    CloneModelServiceBody, CloneParams, CloneRequest, ModelServiceImage, ModelServiceInventory,
};

/// The `resourceUuid` made with the draft.
const RESOURCE_UUID: &str = "90d425a802ff44eeb530f21587633700";

fn source() -> ModelServiceInventory {
    ModelServiceInventory {
        uuid: Some("d76744cb53f9378abf42b907df3efb6e".into()),
        name: Some("src".into()),
        service_type: Some("Endpoint".into()),
        request_cpu: Some(1),
        request_memory: Some(1),
        size: Some(1),
        model_service_images: vec![ModelServiceImage {
            cpu_architecture: Some("x86_64".into()),
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        "[0-9a-f]{32}",
        "-?[0-9]{1,25}",
        "[ \\t\\n:\\-\\[\\]{}a-z0-9]{0,60}",
    ]
}

prop_compose! {
    fn any_row()(arch in prop_oneof![Just("x86_64".to_string()), Just("AARCH64".to_string()), any_text()],
                 vm in any_text(), docker in any_text()) -> (String, String, String) {
        (arch, vm, docker)
    }
}

prop_compose! {
    /// Every text, number, flag and list of the table set at random (the source's uuid too),
    /// with random vendors and rows.
    fn any_draft()(texts in proptest::collection::vec(any_text(), Field::ALL.len()),
                   flags in proptest::collection::vec(any::<bool>(), Field::ALL.len()),
                   lists in proptest::collection::vec(proptest::collection::vec(any_text(), 0..3), Field::ALL.len()),
                   vendors in proptest::collection::vec(any_text(), 0..3),
                   rows in proptest::collection::vec(any_row(), 0..5)) -> Draft {
        let mut d = Draft::from_inventory(&source());
        for (i, field) in Field::ALL.into_iter().enumerate() {
            if field == Field::Uuid {
                continue;
            }
            if let Some(text) = d.text_mut(field) {
                *text = texts[i].clone();
            }
            if let Some(flag) = d.flag_mut(field) {
                *flag = flags[i];
            }
            d.set_list(field, lists[i].clone());
        }
        d.vendor_specs = vendors.iter().map(|v| VendorSpecs { vendor: v.clone(), spec_uuids: lists[0].iter().cloned().collect() }).collect();
        for (cpu_architecture, vm_image_uuid, docker_image) in rows {
            d.architecture_rows.push(ArchitectureRow { cpu_architecture, vm_image_uuid, docker_image });
        }
        d
    }
}

prop_compose! {
    fn valid_draft()(name in "n[a-zA-Z0-9 _-]{0,39}", size in 0..=i64::MAX, cpu in 0..=i32::MAX,
                     memory in 0..=i64::MAX, t in 0..4usize, s in 0..3usize,
                     cc in "[0-9]{1,2}\\.[0-9]{1,2}", yaml in "[a-z]{1,8}: [a-z0-9]{0,8}\n",
                     archs in proptest::sample::subsequence(KNOWN_ARCHITECTURES.to_vec(), 0..=4),
                     upper in any::<bool>(), vm in "[0-9a-f]{32}") -> Draft {
        let mut d = Draft::from_inventory(&source());
        d.name = name;
        d.size = size.to_string();
        d.request_cpu = cpu.to_string();
        d.request_memory = memory.to_string();
        d.service_type = Field::Type.valid_values().unwrap()[t].to_string();
        d.source = Field::Source.valid_values().unwrap()[s].to_string();
        d.gpu_compute_capability = cc;
        d.yaml = yaml;
        d.architecture_rows = archs.into_iter().map(|a| ArchitectureRow {
            cpu_architecture: if upper { a.to_ascii_uppercase() } else { a.to_string() },
            vm_image_uuid: vm.clone(),
            ..ArchitectureRow::default()
        }).collect();
        d
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_drafts_never_panic(d in any_draft()) {
        let src = source();
        let problems = d.validate(&src);
        let _ = d.diff(&src);
        for (key, _) in problems.iter() {
            let _ = d.control_name(*key);
        }
        match CloneRequest::from_draft(&d, &src, RESOURCE_UUID) {
            Ok(r) => {
                prop_assert!(problems.is_empty());
                let back: CloneModelServiceBody = serde_json::from_str(&r.to_json()).unwrap();
                prop_assert_eq!(back, r.body);
            }
            Err(p) => prop_assert_eq!(p, problems),
        }
        let json = serde_json::to_string(&d).unwrap();
        prop_assert_eq!(serde_json::from_str::<Draft>(&json).unwrap(), d);
    }

    #[test]
    fn valid_drafts_round_trip(d in valid_draft()) {
        let src = source();
        let r = CloneRequest::from_draft(&d, &src, RESOURCE_UUID).unwrap();
        let back: CloneModelServiceBody = serde_json::from_str(&r.to_json()).unwrap();
        let p = &back.params;
        prop_assert_eq!(p.name.as_deref(), Some(d.name.as_str()));
        let same = |v: Option<i64>, text: &str, base: i64| {
            let n: i64 = text.parse().unwrap();
            v == if n == base { None } else { Some(n) }
        };
        // Always sent, changed or not.
        prop_assert_eq!(p.size, Some(d.size.parse::<i64>().unwrap()));
        prop_assert_eq!(p.system, Some(d.system));
        prop_assert!(same(p.request_memory, &d.request_memory, 1));
        prop_assert!(same(p.request_cpu.map(i64::from), &d.request_cpu, 1));
        prop_assert_eq!(p.source.as_deref(), Some(d.source.as_str()));
        prop_assert_eq!(p.yaml.as_deref(), Some(d.yaml.as_str()));
        prop_assert_eq!(p.resource_uuid.as_deref(), Some("90d425a802ff44eeb530f21587633700"));
        if let Some(images) = &p.architecture_images {
            let archs: Vec<String> = d.architecture_rows.values().map(|r| r.cpu_architecture.to_ascii_uppercase()).collect();
            prop_assert_eq!(p.cpu_architectures.clone().unwrap(), archs.clone());
            let image_archs: Vec<String> = images.iter().map(|i| i.cpu_architecture.clone()).collect();
            prop_assert_eq!(image_archs, archs);
        } else {
            prop_assert!(p.cpu_architectures.is_none());
        }
    }

    #[test]
    fn longs_survive_at_any_value(v in any::<i64>(), w in prop_oneof![Just(i64::MAX), Just(i64::MIN), Just(9_007_199_254_740_993i64)]) {
        for n in [v, w] {
            let params = CloneParams { size: Some(n), request_memory: Some(n), ..CloneParams::default() };
            let json = serde_json::to_string(&params).unwrap();
            let back: CloneParams = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back.size, Some(n));
            let inv: ModelServiceInventory = serde_json::from_str(&format!("{{\"size\":{n},\"requestMemory\":{n}}}")).unwrap();
            prop_assert_eq!((inv.size, inv.request_memory), (Some(n), Some(n)));
            prop_assert_eq!(parse_long(&n.to_string(), i64::MIN, i64::MAX), Ok(n));
        }
    }
}
