//! The form's fields, one per parameter of the table ([`crate::zstack::parameters`]), each named
//! by its API parameter (also the control's `name` attribute), with what the table says of it:
//! its kind of value, when it is sent, where the form shows it and the rule it must pass.

use serde::{Deserialize, Serialize};

use super::problem::Problem;
use super::text_rules::checks;

/// What a field's value is; decides how it is pre-filled, compared, checked and sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The source's uuid, in the request's URL; not editable.
    Url,
    Text,
    /// A whole number sent as a 64-bit `Long`, kept as typed.
    Long,
    /// A whole number sent as a 32-bit `Integer`, kept as typed.
    Integer,
    Boolean,
    /// A list of strings in `params`; the source does not carry it, so it starts empty.
    List,
    /// A list of strings at the top level of the body; starts empty too.
    TopList,
    /// Converted by hand: every `match` over [`Special`] is where.
    Special(Special),
}

/// The sections of the form, in the order shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    Common,
    Runtime,
    Container,
    Architectures,
    Tags,
    Advanced,
}

impl Group {
    pub const ALL: [Group; 6] = [
        Group::Common,
        Group::Runtime,
        Group::Container,
        Group::Architectures,
        Group::Tags,
        Group::Advanced,
    ];
}

/// How the form shows a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// One line, the section's full width.
    Line,
    /// One line in the section's grid of short controls.
    Short,
    Multiline,
    /// Monospaced, many lines (YAML).
    Code,
    /// A whole number, in the grid.
    Number,
    /// One of the valid values, in the grid.
    Select(&'static [&'static str]),
    /// A Boolean, as a switch.
    Switch,
    /// A list, one item per line.
    Lines,
    /// The tag picker (`tagUuids`).
    Tags,
    /// The GPU vendor rows (`vendorToSpecUuidsMap`).
    Vendors,
    /// The architecture rows (`architectureImages` with `cpuArchitectures`).
    Rows,
}

impl Control {
    /// Whether the control sits in the section's grid of short controls.
    pub fn in_grid(self) -> bool {
        matches!(self, Control::Short | Control::Number | Control::Select(_))
    }
}

/// Where the form shows a field: its section, its position there (from 1), its control.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    pub group: Group,
    pub position: u8,
    pub control: Control,
}

/// The [`Kind`] of a normalized row's value (named as the variants are).
macro_rules! kind {
    ($v:ident; Special $f:ident) => {
        Kind::Special(Special::$v)
    };
    ($v:ident; $kind:ident $f:ident) => {
        Kind::$kind
    };
}

macro_rules! always_sent {
    (always) => {
        true
    };
    (changed) => {
        false
    };
}

/// `Field`, `Special` and what the table says of each field.
macro_rules! fields {
    ($( $v:ident $api:literal $since:literal $sent:ident [$($kind:tt)*] $params:tt $top:tt
        $inventory:tt $draft:tt $plain:tt [$($special:ident $special_field:ident)?]
        [$($group:ident $pos:literal $control:ident $([$($value:literal),*])?)?]
        [$($check:ident)?] ; )*) => {
        /// Every parameter of CloneModelService, in the API page's order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum Field {
            $(
                #[doc = concat!("`", $api, "`")]
                $v,
            )*
        }

        /// The parameters whose values are converted by hand, not by their type.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Special {
            $($($special,)?)*
        }

        impl Field {
            /// Every parameter, in the API page's order.
            pub const ALL: [Field; [$(Field::$v),*].len()] = [$(Field::$v),*];

            /// The API parameter name, e.g. `Field::RequestCpu.api_name() == "requestCpu"`.
            pub fn api_name(self) -> &'static str {
                match self { $(Field::$v => $api,)* }
            }

            /// The ZStack version that introduced the parameter (from the API page).
            pub fn since(self) -> &'static str {
                match self { $(Field::$v => $since,)* }
            }

            pub fn kind(self) -> Kind {
                match self { $(Field::$v => kind!($v; $($kind)*),)* }
            }

            /// Whether it is sent even when unchanged: `size` and `system` (the node would give
            /// omitted ones its own defaults, 0 and false, not the source's values) and
            /// `resourceUuid` (the intent's, unless one is typed).
            pub fn always_sent(self) -> bool {
                match self { $(Field::$v => always_sent!($sent),)* }
            }

            /// Where the form shows it; `None` for `uuid` (the source, named above the form)
            /// and `cpuArchitectures` (the architecture rows' column).
            pub fn placement(self) -> Option<Placement> {
                match self {
                    $(Field::$v => column!($(Placement {
                        group: Group::$group,
                        position: $pos,
                        control: Control::$control $((&[$($value),*]))?,
                    })?),)*
                }
            }

            /// The rule its text (or each item of its list) must pass, if any.
            pub(crate) fn check(self) -> Option<fn(&str) -> Option<Problem>> {
                match self {
                    $(Field::$v => column!($(checks::$check as fn(&str) -> Option<Problem>)?),)*
                }
            }
        }
    };
}

crate::zstack::clone_model_service_parameters!(fields);

impl Field {
    /// The valid values of a select.
    pub fn valid_values(self) -> Option<&'static [&'static str]> {
        match self.placement()?.control {
            Control::Select(values) => Some(values),
            _ => None,
        }
    }

    /// The fields the form shows in a section, in their order there (positions count from 1
    /// without gaps, as a test checks; looked up rather than sorted, which would compile a sort
    /// into the wasm for 27 items).
    pub fn in_group(group: Group) -> Vec<(Field, Control)> {
        let at = |position: u8| {
            Field::ALL.into_iter().find_map(|f| {
                let p = f.placement()?;
                (p.group == group && p.position == position).then_some((f, p.control))
            })
        };
        (1..=u8::MAX).map_while(at).collect()
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
        assert_eq!(names.len(), Field::ALL.len(), "API names are unique");
        assert_eq!(Field::ContainerArgs.since(), "5.5.22");
        assert_eq!(Field::CpuArchitectures.since(), "5.3.40");
        assert_eq!(Field::SupportDistributed.since(), "5.3.46");
        assert_eq!(Field::Name.since(), "5.3.20");
        let mut sorted = Field::ALL;
        sorted.sort();
        assert_eq!(sorted, Field::ALL, "declaration order is the API page's");
    }

    #[test]
    fn only_size_system_and_the_resource_uuid_are_always_sent() {
        let always: Vec<Field> = Field::ALL.into_iter().filter(|f| f.always_sent()).collect();
        assert_eq!(always, [Field::Size, Field::System, Field::ResourceUuid]);
    }

    /// A control suits its field's kind, and positions in a section are 1, 2, 3...
    #[test]
    fn every_control_suits_its_value_and_sections_are_numbered() {
        for field in Field::ALL {
            let Some(p) = field.placement() else { continue };
            let suits = match p.control {
                Control::Line | Control::Short => {
                    matches!(
                        field.kind(),
                        Kind::Text | Kind::Special(Special::ResourceUuid)
                    )
                }
                Control::Multiline | Control::Code | Control::Select(_) => {
                    field.kind() == Kind::Text
                }
                Control::Number => matches!(field.kind(), Kind::Long | Kind::Integer),
                Control::Switch => field.kind() == Kind::Boolean,
                Control::Lines | Control::Tags => {
                    matches!(field.kind(), Kind::List | Kind::TopList)
                }
                Control::Vendors => field.kind() == Kind::Special(Special::VendorToSpecUuidsMap),
                Control::Rows => field.kind() == Kind::Special(Special::ArchitectureImages),
            };
            assert!(suits, "{field:?}: {:?} for {:?}", p.control, field.kind());
        }
        for group in Group::ALL {
            let positions: Vec<u8> = Field::ALL
                .into_iter()
                .filter_map(Field::placement)
                .filter(|p| p.group == group)
                .map(|p| p.position)
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let count = Field::in_group(group).len();
            assert!(count > 0, "{group:?} is empty");
            assert_eq!(
                positions,
                (1..=count as u8).collect::<Vec<_>>(),
                "{group:?}"
            );
        }
    }

    #[test]
    fn selects_carry_the_valid_values() {
        assert_eq!(
            Field::Type.valid_values(),
            Some(&["Endpoint", "FineTune", "App", "ModelEval"][..])
        );
        assert_eq!(
            Field::Source.valid_values(),
            Some(&["Other", "Bentoml", "HuggingFace"][..])
        );
        assert_eq!(Field::Name.valid_values(), None);
        let common: Vec<Field> = Field::in_group(Group::Common)
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            common,
            [
                Field::Name,
                Field::Description,
                Field::Type,
                Field::Framework,
                Field::RequestCpu,
                Field::RequestMemory
            ]
        );
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
